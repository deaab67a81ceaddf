package io.lepton.gateway.engine;

import io.lepton.gateway.engine.aggregate.AggregateQuery;
import io.lepton.gateway.engine.aggregate.NoiseKeySource;
import io.lepton.gateway.engine.aggregate.NoiseSource;
import io.lepton.gateway.engine.crypto.GatewayKeys;
import io.lepton.gateway.engine.crypto.JurisdictionKeys;
import io.lepton.gateway.engine.crypto.LedgerKeys;
import io.lepton.gateway.engine.dp.BudgetTime;
import io.lepton.gateway.engine.dp.NoiseKeys;
import io.lepton.gateway.engine.dp.PrivacyLedger;
import io.lepton.gateway.engine.dp.RandomBits;
import io.lepton.gateway.engine.dp.SecureRandomBits;
import io.lepton.gateway.engine.family.EventFamilies;
import io.lepton.gateway.engine.family.EventFamily;
import io.lepton.gateway.engine.policy.JurisdictionPolicy;
import io.lepton.gateway.engine.policy.PolicyException;
import io.lepton.gateway.engine.policy.PolicySet;
import io.lepton.gateway.engine.provenance.GatewayVersion;
import io.lepton.gateway.engine.provenance.ProvenanceEncoder;
import io.lepton.gateway.engine.routing.JurisdictionRouter;
import io.lepton.gateway.engine.sanitize.RecordSanitizer;
import io.lepton.gateway.engine.sanitize.SanitizationException;
import io.lepton.gateway.engine.sanitize.SanitizerFactory;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
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
    private final Map<String, ProvenanceEncoder> provenance = new HashMap<>();
    private final PrivacyGate privacyGate;
    private final BudgetTime budgetTime;
    private final Map<String, List<AggregateQuery>> aggregates;
    private final NoiseSource aggregateNoise;

    private GatewayEngine(PolicySet policies, EventFamilies families, Map<String, RecordSanitizer> sanitizers,
            PrivacyGate privacyGate, BudgetTime budgetTime, Map<String, List<AggregateQuery>> aggregates,
            NoiseSource aggregateNoise) {
        this.policies = policies;
        this.families = families;
        this.router = new JurisdictionRouter(policies);
        this.sanitizers = Map.copyOf(sanitizers);
        this.privacyGate = privacyGate;
        this.budgetTime = budgetTime;
        this.aggregates = Map.copyOf(aggregates);
        this.aggregateNoise = aggregateNoise;
        sanitizers.forEach((key, sanitizer) -> provenance.put(key, new ProvenanceEncoder(sanitizer.policy(),
                sanitizer.family(), sanitizer.actionsByField(), GatewayVersion.current())));
    }

    /**
     * The production engine: budget periods from event time within each policy's window around the system clock,
     * reproducible noise from the noise keys, {@link SecureRandomBits} only for events without an id.
     *
     * @throws PolicyException when a policy cannot be carried out (missing key, action unfit for a field's type)
     */
    public static GatewayEngine create(PolicySet policies, EventFamilies families, GatewayKeys keys) {
        return create(policies, families, keys, BudgetTime.window(Clock.systemUTC()), new SecureRandomBits());
    }

    /**
     * Builds every sanitizer up front and checks that every jurisdiction has its keys.
     *
     * @param budgetTime   the time budget periods are charged by: {@link BudgetTime#window} around a clock (tests
     *                     pass a fixed one), or {@link BudgetTime#eventTime()} for replays of trusted historic input
     * @param fallbackBits randomness for events without an id (tests pass {@link SecureRandomBits#seeded(long)})
     * @throws PolicyException when a policy cannot be carried out (missing key, action unfit for a field's type)
     */
    public static GatewayEngine create(PolicySet policies, EventFamilies families, GatewayKeys keys,
            BudgetTime budgetTime, RandomBits fallbackBits) {
        Map<String, byte[]> noiseKeys = new HashMap<>();
        for (JurisdictionPolicy policy : policies.all()) {
            keys.noise().key(policy.id()).ifPresent(key -> noiseKeys.put(policy.id(), key));
        }
        NoiseKeys noise = new NoiseKeys(noiseKeys);
        SanitizerFactory factory = new SanitizerFactory(keys.pseudonyms(), noise, fallbackBits);
        Map<String, RecordSanitizer> sanitizers = new HashMap<>();
        Map<String, List<AggregateQuery>> aggregates = new HashMap<>();
        for (JurisdictionPolicy policy : policies.all()) {
            for (EventFamily family : families.all()) {
                sanitizers.put(key(policy.id(), family.name()), factory.create(policy, family));
                List<AggregateQuery> queries = AggregateQuery.bindAll(policy, family);
                if (!queries.isEmpty()) {
                    requireAggregateNoiseKey(policy, keys.noise());
                    aggregates.put(key(policy.id(), family.name()), queries);
                }
            }
        }
        return new GatewayEngine(policies, families, sanitizers,
                new PrivacyGate(policies, ledgerKeys(policies, keys.ledger()), budgetTime), budgetTime, aggregates,
                new NoiseKeySource(noise));
    }

    /** Aggregate noise must be reproducible like per-event noise: without the key a restart would redraw it. */
    private static void requireAggregateNoiseKey(JurisdictionPolicy policy, JurisdictionKeys keys) {
        if (keys.key(policy.id()).isEmpty()) {
            throw new PolicyException(policy.source(), 0, "aggregates",
                    "no noise key for jurisdiction " + policy.id() + " (it keys the noise of its DP aggregates)",
                    "set " + keys.environmentVariableFor(policy.id()) + " to a base64 key of 32+ random bytes, "
                            + "or mount a file named " + policy.id() + " in $" + keys.kind().envDir());
        }
    }

    private static LedgerKeys ledgerKeys(PolicySet policies, JurisdictionKeys keys) {
        for (JurisdictionPolicy policy : policies.all()) {
            if (keys.key(policy.id()).isEmpty()) {
                throw new PolicyException(policy.source(), 0, "jurisdiction",
                        "no ledger key for jurisdiction " + policy.id() + " (it keys the privacy-budget ledger)",
                        "set " + keys.environmentVariableFor(policy.id()) + " to a base64 key of 32+ random bytes, "
                                + "or mount a file named " + policy.id() + " in $" + keys.kind().envDir()
                                + "; never rotate it, or every subject's budget restarts");
            }
        }
        return new LedgerKeys(keys, policies.all().stream().map(JurisdictionPolicy::id).toList());
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
     * The subject pseudonym of {@code raw} under {@code policy} (of its id normalised per the policy's
     * {@code subjectIdentity}): the sanitized record key and the record key on the subject hop; null when the subject
     * field is empty.
     */
    public String subjectKey(JurisdictionPolicy policy, EventFamily family, GenericRecord raw) {
        return sanitizer(policy.id(), family.name()).subjectKey(raw);
    }

    /**
     * The aggregates {@code jurisdiction}'s policy declares for {@code family}, bound to its schema at construction
     * (so a bad declaration stops start-up); empty when it declares none.
     */
    public List<AggregateQuery> aggregates(String jurisdiction, String family) {
        return aggregates.getOrDefault(key(jurisdiction, family), List.of());
    }

    /** The keyed randomness of aggregate releases: the jurisdictions' noise keys, as for per-event noise. */
    public NoiseSource aggregateNoise() {
        return aggregateNoise;
    }

    /**
     * {@code raw}'s event time if the engine accepts it under {@code policy} (within {@code [now - maxEventAge,
     * now + maxClockSkew]}, or any time under pure event time), else empty: the sanitizer quarantines such an event,
     * and the aggregates must not count it either, or one future-dated event would close every open window.
     */
    public OptionalLong acceptedEventTime(JurisdictionPolicy policy, EventFamily family, GenericRecord raw) {
        return budgetTime.periodTime(family.occurredAt(raw), policy.dp().maxEventAge(), policy.dp().maxClockSkew());
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
            return privacyGate.release(sanitizer(policy.id(), family.name()),
                    provenance.get(key(policy.id(), family.name())), raw, ledger);
        } catch (SanitizationException e) {
            return new Outcome.Quarantined(policy, e.reason(), e.getMessage(),
                    AuditRecords.quarantined(policy, family, raw, e.reason()));
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
