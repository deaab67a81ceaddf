package io.lepton.loadtest.jmh;

import io.lepton.gateway.engine.GatewayEngine;
import io.lepton.gateway.engine.Outcome;
import io.lepton.gateway.engine.dp.InMemoryPrivacyLedger;
import io.lepton.gateway.engine.dp.PrivacyLedger;
import io.lepton.serdes.avro.AvroDeserializer;
import io.lepton.serdes.avro.AvroSerdeConfig;
import io.lepton.serdes.avro.AvroSerializer;
import io.lepton.serdes.registry.InMemorySchemaRegistryClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.avro.generic.GenericRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A full record pass through the privacy engine without Kafka, on generated events of all three families and all
 * regions, with the built-in policies: {@link #process} is routing plus sanitizing (structured actions and free-text
 * scrubbing); {@link #decodeProcessEncode} adds what the topology does around it: decode the raw wire bytes with the
 * family's raw schema and encode the sanitized record. Scores are records per second on one thread.
 *
 * <p>Each pass charges a fresh in-memory privacy ledger, so heavy users exhaust their budget within a pass as they
 * would in a day, and every pass measures the same mix of released and withheld events.
 *
 * <p>Run: {@code java -cp "$(cat loadtest/target/classpath.txt):loadtest/target/classes" org.openjdk.jmh.Main
 * EnginePassBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class EnginePassBenchmark {

    static final int EVENTS = 2_000;

    private GatewayEngine engine;
    private List<GeneratedEvents.Event> events;
    private Map<String, AvroDeserializer<GenericRecord>> decoders;
    private AvroSerializer<GenericRecord> encoder;

    @Setup
    public void setUp() {
        engine = GeneratedEvents.engine();
        InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
        events = GeneratedEvents.generate(EVENTS, 42L, engine, registry);
        decoders = new HashMap<>();
        engine.families().all().forEach(family -> decoders.put(family.name(), new AvroDeserializer<>(registry,
                AvroSerdeConfig.builder().readerSchema(family.rawSchema()).build())));
        encoder = new AvroSerializer<>(registry, AvroSerdeConfig.builder().autoRegisterSchemas(true).build());
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long process() {
        long released = 0;
        PrivacyLedger ledger = new InMemoryPrivacyLedger();
        for (GeneratedEvents.Event event : events) {
            if (engine.process(event.family(), event.decoded(), ledger) instanceof Outcome.Released) {
                released++;
            }
        }
        return released;
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long decodeProcessEncode() {
        long bytes = 0;
        PrivacyLedger ledger = new InMemoryPrivacyLedger();
        for (GeneratedEvents.Event event : events) {
            GenericRecord raw = decoders.get(event.family().name()).deserialize(event.family().rawTopic(),
                    event.wireBytes());
            if (engine.process(event.family(), raw, ledger) instanceof Outcome.Released released) {
                bytes += encoder.serialize(released.topic(), released.event().value()).length;
            }
        }
        return bytes;
    }
}
