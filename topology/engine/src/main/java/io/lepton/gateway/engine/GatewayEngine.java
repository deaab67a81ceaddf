package io.lepton.gateway.engine;

import io.lepton.gateway.engine.crypto.HmacKeyRing;
import io.lepton.gateway.engine.dp.PrivacyLedger;
import io.lepton.gateway.engine.dp.RandomBits;
import io.lepton.gateway.engine.dp.SecureRandomBits;
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
    private final PrivacyGate privacyGate;

    private GatewayEngine(PolicySet policies, EventFamilies families, Map<String, RecordSanitizer> sanitizers) {
        this.policies = policies;
        this.families = families;
        this.router = new JurisdictionRouter(policies);
        this.sanitizers = Map.copyOf(sanitizers);
        this.privacyGate = new PrivacyGate(policies);
    }

    /**
     * Builds every sanitizer up front, with cryptographically secure DP noise ({@link SecureRandomBits}).
     *
     * @throws PolicyException when a policy cannot be carried out (missing key, action unfit for a field's type)
     */
    public static GatewayEngine create(PolicySet policies, EventFamilies families, HmacKeyRing keys) {
        return create(policies, families, keys, new SecureRandomBits());
    }

    /**
     * Builds every sanitizer up front, drawing DP noise from {@code noiseBits}: production passes
     * {@link SecureRandomBits#SecureRandomBits()}; tests pass {@link SecureRandomBits#seeded(long)} to make two runs
     * (e.g. dry-run and topology) draw the same noise.
     *
     * @throws PolicyException when a policy cannot be carried out (missing key, action unfit for a field's type)
     */
    public static GatewayEngine create(PolicySet policies, EventFamilies families, HmacKeyRing keys,
            RandomBits noiseBits) {
        SanitizerFactory factory = new SanitizerFactory(keys, noiseBits);
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

    /**
     * The subject pseudonym of {@code raw} under {@code policy}: the sanitized record key and the key the topology
     * partitions by before the budget ledger; null when the subject field is empty.
     */
    public String subjectKey(JurisdictionPolicy policy, EventFamily family, GenericRecord raw) {
        return sanitizer(policy.id(), family.name()).subjectKey(raw);
    }

    /** Routes, budgets and sanitizes one decoded raw event of {@code family}, charging its ε to {@code ledger}. */
    public Outcome process(EventFamily family, GenericRecord raw, PrivacyLedger ledger) {
        Optional<JurisdictionPolicy> policy = route(raw);
        if (policy.isEmpty()) {
            return new Outcome.Quarantined(null, QuarantineReason.UNROUTABLE_REGION,
                    "region missing or not an ISO 3166 code");
        }
        return sanitize(policy.get(), family, raw, ledger);
    }

    /**
     * Budgets and sanitizes an event already routed to {@code policy}: dp fields are noised while the subject's
     * budget in {@code ledger} lasts, then withheld or the event suppressed, per policy. Failures become a quarantine
     * in that jurisdiction and charge nothing.
     */
    public Outcome sanitize(JurisdictionPolicy policy, EventFamily family, GenericRecord raw, PrivacyLedger ledger) {
        try {
            return privacyGate.release(sanitizer(policy.id(), family.name()), raw, ledger);
        } catch (SanitizationException e) {
            return new Outcome.Quarantined(policy, e.reason(), e.getMessage());
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
