package io.lepton.gateway.engine;

import io.lepton.gateway.engine.crypto.HmacKeyRing;
import io.lepton.gateway.engine.family.EventFamilies;
import io.lepton.gateway.engine.family.EventFamily;
import io.lepton.gateway.engine.policy.JurisdictionPolicy;
import io.lepton.gateway.engine.policy.PolicyException;
import io.lepton.gateway.engine.policy.PolicySet;
import io.lepton.gateway.engine.routing.JurisdictionRouter;
import io.lepton.gateway.engine.sanitize.RecordSanitizer;
import io.lepton.gateway.engine.sanitize.SanitizationException;
import io.lepton.gateway.engine.sanitize.SanitizerFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.generic.GenericRecord;

/**
 * The privacy engine as one object: policies, router and one sanitizer per (jurisdiction, family), all built and
 * checked at construction so that a bad policy or a missing key stops start-up instead of the first record.
 *
 * <p>Used as-is by the Kafka Streams topology and by the command line's dry-run and explain, so all three agree.
 */
public final class GatewayEngine {

    private final PolicySet policies;
    private final EventFamilies families;
    private final JurisdictionRouter router;
    private final Map<String, RecordSanitizer> sanitizers;

    private GatewayEngine(PolicySet policies, EventFamilies families, Map<String, RecordSanitizer> sanitizers) {
        this.policies = policies;
        this.families = families;
        this.router = new JurisdictionRouter(policies);
        this.sanitizers = Map.copyOf(sanitizers);
    }

    /**
     * Builds every sanitizer up front.
     *
     * @throws PolicyException when a policy cannot be carried out (missing key, action unfit for a field's type)
     */
    public static GatewayEngine create(PolicySet policies, EventFamilies families, HmacKeyRing keys) {
        SanitizerFactory factory = new SanitizerFactory(keys);
        Map<String, RecordSanitizer> sanitizers = new HashMap<>();
        for (JurisdictionPolicy policy : policies.all()) {
            for (EventFamily family : families.all()) {
                sanitizers.put(key(policy.id(), family.name()), factory.create(policy, family));
            }
        }
        return new GatewayEngine(policies, families, sanitizers);
    }

    /** The jurisdiction governing {@code raw}, by its {@code region} field; empty when it cannot be routed. */
    public Optional<JurisdictionPolicy> route(GenericRecord raw) {
        Object region = raw.getSchema().getField("region") == null ? null : raw.get("region");
        return router.route(region == null ? null : region.toString());
    }

    public RecordSanitizer sanitizer(String jurisdiction, String family) {
        RecordSanitizer sanitizer = sanitizers.get(key(jurisdiction, family));
        if (sanitizer == null) {
            throw new IllegalArgumentException("no sanitizer for " + jurisdiction + "/" + family);
        }
        return sanitizer;
    }

    /** Routes and sanitizes one decoded raw event of {@code family}. */
    public Outcome process(EventFamily family, GenericRecord raw) {
        Optional<JurisdictionPolicy> policy = route(raw);
        if (policy.isEmpty()) {
            return new Outcome.Quarantined(null, "unroutable-region", "region missing or not an ISO 3166 code");
        }
        return sanitize(policy.get(), family, raw);
    }

    /** Sanitizes an event already routed to {@code policy}; failures become a quarantine in that jurisdiction. */
    public Outcome sanitize(JurisdictionPolicy policy, EventFamily family, GenericRecord raw) {
        try {
            return new Outcome.Released(policy, family.name(),
                    sanitizer(policy.id(), family.name()).sanitize(raw));
        } catch (SanitizationException e) {
            return new Outcome.Quarantined(policy.id(), e.reason(), e.getMessage());
        }
    }

    public PolicySet policies() {
        return policies;
    }

    public EventFamilies families() {
        return families;
    }

    private static String key(String jurisdiction, String family) {
        return jurisdiction + "/" + family;
    }
}
