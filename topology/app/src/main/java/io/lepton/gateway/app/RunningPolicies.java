package io.lepton.gateway.app;

import io.lepton.gateway.engine.policy.JurisdictionPolicy;
import io.lepton.gateway.engine.policy.PolicySet;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;

/**
 * The policy versions this gateway runs, as operators and compliance officers look them up: on the
 * {@code /policies} endpoint and as the gauge {@code lepton_policy_info{jurisdiction,version} 1}, so a dashboard can
 * show which version of each policy is live on which pod (and an alert can catch two versions of one jurisdiction
 * running at once). The version is the policy file's content hash, the one every provenance header and audit record
 * names.
 */
public final class RunningPolicies {

    /** Name of the info gauge (Prometheus: {@code lepton_policy_info}). */
    public static final String INFO = "lepton.policy.info";

    /**
     * One running policy.
     *
     * @param jurisdiction the jurisdiction (policy) id
     * @param version the content hash of its file
     * @param label the {@code version:} label written in the file
     * @param source the file it was loaded from
     */
    public record Entry(String jurisdiction, String version, String label, String source) {
    }

    private final List<Entry> entries;

    private RunningPolicies(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static RunningPolicies of(PolicySet policies) {
        return new RunningPolicies(policies.all().stream().map(RunningPolicies::entry).toList());
    }

    private static Entry entry(JurisdictionPolicy policy) {
        return new Entry(policy.id(), policy.contentHash(), policy.version(), policy.source());
    }

    /** Every running policy, in file order. */
    public List<Entry> entries() {
        return entries;
    }

    /** Registers one {@value #INFO} gauge of value 1 per running policy. */
    public void registerGauges(MeterRegistry meters) {
        for (Entry entry : entries) {
            Gauge.builder(INFO, () -> 1).description("Policy version in force, by jurisdiction (value always 1)")
                    .tags("jurisdiction", entry.jurisdiction(), "version", entry.version()).register(meters);
        }
    }
}
