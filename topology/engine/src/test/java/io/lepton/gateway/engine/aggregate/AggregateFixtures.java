package io.lepton.gateway.engine.aggregate;

import io.lepton.gateway.engine.TestEngines;
import io.lepton.gateway.engine.dp.Mechanism;
import io.lepton.gateway.engine.dp.NoiseKeys;
import io.lepton.gateway.engine.family.EventFamily;
import io.lepton.gateway.engine.policy.AggregateSettings;
import io.lepton.gateway.engine.policy.AggregateSpec;
import io.lepton.gateway.engine.policy.JurisdictionPolicy;
import io.lepton.gateway.engine.policy.MetricSpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;

/** Policies with hand-picked aggregates over the built-in customer-service family, and events for them. */
final class AggregateFixtures {

    static final EventFamily CUSTOMER_SERVICE = TestEngines.FAMILIES.byName("customer-service").orElseThrow();
    static final long HOUR = Duration.ofHours(1).toMillis();
    /** 2025-12-01T00:00:00Z: a fixed origin for event times. */
    static final long T0 = 1_764_547_200_000L;

    private AggregateFixtures() {
    }

    static NoiseSource keys(String seed) {
        byte[] key = Arrays.copyOf(seed.getBytes(StandardCharsets.UTF_8), 32);
        Map<String, byte[]> byJurisdiction = new java.util.HashMap<>();
        TestEngines.POLICIES.all().forEach(policy -> byJurisdiction.put(policy.id(), key));
        return new NoiseKeySource(new NoiseKeys(byJurisdiction));
    }

    static MetricSpec metric(String name, MetricSpec.Kind kind, String field, Double... quantiles) {
        return new MetricSpec(name, kind, field, List.of(quantiles));
    }

    static AggregateSpec laplace(int l0, int lInf, double epsilon, double delta, MetricSpec... metrics) {
        return spec(l0, lInf, Mechanism.LAPLACE, epsilon, 0, delta, metrics);
    }

    static AggregateSpec gaussian(int l0, int lInf, double rho, double delta, MetricSpec... metrics) {
        return spec(l0, lInf, Mechanism.GAUSSIAN, 0, rho, delta, metrics);
    }

    private static AggregateSpec spec(int l0, int lInf, Mechanism mechanism, double epsilon, double rho,
            double delta, MetricSpec... metrics) {
        return new AggregateSpec("by-intent", "customer-service", List.of("intent"), Duration.ofHours(1),
                Duration.ofMinutes(5), l0, lInf, mechanism, epsilon, rho, delta, List.of(metrics),
                new AggregateSpec.SourceLocation("policies/test.yaml", 7, "aggregates.families.customer-service[0]"));
    }

    /** eu-gdpr with {@code spec} as its only aggregate. */
    static JurisdictionPolicy policy(int maxWindowsPerPeriod, AggregateSpec spec) {
        JurisdictionPolicy p = TestEngines.POLICIES.byId("eu-gdpr").orElseThrow();
        return new JurisdictionPolicy(p.id(), p.name(), p.version(), p.regions(), p.residencyZone(), p.crossBorder(),
                p.pseudonymKeyId(), p.subjectIdentity(), p.actions(), p.defaultAction(), p.freeText(), p.dp(), p.fairness(), p.source(),
                new AggregateSettings(maxWindowsPerPeriod, Map.of("customer-service", List.of(spec))));
    }

    static AggregateQuery query(int maxWindowsPerPeriod, AggregateSpec spec) {
        return AggregateQuery.bindAll(policy(maxWindowsPerPeriod, spec), CUSTOMER_SERVICE).get(0);
    }

    static GenericRecord event(String customer, String eventId, long time, String intent, int satisfaction,
            boolean escalated) {
        var schema = CUSTOMER_SERVICE.rawSchema();
        return new GenericRecordBuilder(schema)
                .set("eventId", eventId)
                .set("occurredAt", time)
                .set("region", "DE")
                .set("customerId", customer)
                .set("conversationId", "conv-" + customer)
                .set("channel", new GenericData.EnumSymbol(schema.getField("channel").schema(), "CHAT"))
                .set("message", "hello")
                .set("intent", intent)
                .set("satisfaction", satisfaction)
                .set("escalated", escalated)
                .set("resolved", true)
                .set("agentId", "agent-1")
                .build();
    }
}
