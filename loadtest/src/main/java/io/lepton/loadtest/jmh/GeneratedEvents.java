package io.lepton.loadtest.jmh;

import io.lepton.gateway.engine.GatewayEngine;
import io.lepton.gateway.engine.PiiCatalog;
import io.lepton.gateway.engine.crypto.GatewayKeys;
import io.lepton.gateway.engine.crypto.HmacKeyRing;
import io.lepton.gateway.engine.crypto.JurisdictionKeys;
import io.lepton.gateway.engine.dp.BudgetTime;
import io.lepton.gateway.engine.dp.SecureRandomBits;
import io.lepton.gateway.engine.family.EventFamilies;
import io.lepton.gateway.engine.family.EventFamily;
import io.lepton.gateway.engine.policy.JurisdictionPolicy;
import io.lepton.gateway.engine.policy.PolicySet;
import io.lepton.loadtest.generator.BiasConfig;
import io.lepton.loadtest.generator.EventGenerator;
import io.lepton.loadtest.generator.GeneratorConfig;
import io.lepton.loadtest.generator.SyntheticRecord;
import io.lepton.serdes.avro.AvroDeserializer;
import io.lepton.serdes.avro.AvroSerdeConfig;
import io.lepton.serdes.avro.AvroSerializer;
import io.lepton.serdes.registry.InMemorySchemaRegistryClient;
import io.lepton.serdes.registry.SchemaRegistryClient;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;

/**
 * Benchmark fixtures: the built-in engine with fixed HMAC keys, and generated events as the topology sees them
 * (serialized in the wire format and decoded with the family's raw schema), all deterministic.
 */
final class GeneratedEvents {

    /** One raw event, as bytes on the raw topic and as the decoded record the engine gets. */
    record Event(EventFamily family, byte[] wireBytes, GenericRecord decoded) {
    }

    private GeneratedEvents() {
    }

    /** The generator's clock: events are dated at it, and the engine's budget window is around it. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC);

    /** The built-in policies with fixed 32-byte keys per policy and jurisdiction (benchmarks only). */
    static GatewayEngine engine() {
        EventFamilies families = EventFamilies.discover();
        PolicySet policies = PolicySet.builtIn(PiiCatalog.knownClasses(families));
        Map<String, byte[]> keys = new HashMap<>();
        Map<String, byte[]> jurisdictionKeys = new HashMap<>();
        for (JurisdictionPolicy policy : policies.all()) {
            byte[] key = new byte[32];
            key[0] = (byte) keys.size();
            keys.put(policy.pseudonymKeyId(), key);
            jurisdictionKeys.put(policy.id(), key);
        }
        GatewayKeys gatewayKeys = new GatewayKeys(HmacKeyRing.of(keys),
                JurisdictionKeys.of(JurisdictionKeys.Kind.NOISE, jurisdictionKeys),
                JurisdictionKeys.of(JurisdictionKeys.Kind.LEDGER, jurisdictionKeys));
        return GatewayEngine.create(policies, families, gatewayKeys, BudgetTime.window(CLOCK), new SecureRandomBits());
    }

    /** {@code count} well-formed events of all families, serialized with {@code registry} and decoded back. */
    static List<Event> generate(int count, long seed, GatewayEngine engine, SchemaRegistryClient registry) {
        EventGenerator generator = new EventGenerator(new GeneratorConfig(seed, GeneratorConfig.DEFAULT_POPULATION, 0,
                BiasConfig.DEFAULT), CLOCK);
        AvroSerializer<SpecificRecord> serializer = new AvroSerializer<>(registry, AvroSerdeConfig.defaults());
        Map<String, AvroDeserializer<GenericRecord>> decoders = new HashMap<>();
        List<Event> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            SyntheticRecord.Event event = (SyntheticRecord.Event) generator.next();
            EventFamily family = engine.families().byName(event.family()).orElseThrow();
            byte[] bytes = serializer.serialize(event.topic(), event.value());
            GenericRecord decoded = decoders.computeIfAbsent(family.name(), f -> new AvroDeserializer<>(registry,
                    AvroSerdeConfig.builder().readerSchema(family.rawSchema()).build())).deserialize(event.topic(), bytes);
            events.add(new Event(family, bytes, decoded));
        }
        return events;
    }

    static List<Event> generate(int count, long seed, GatewayEngine engine) {
        return generate(count, seed, engine, new InMemorySchemaRegistryClient());
    }
}
