package io.lepton.loadtest.jmh;

import io.lepton.loadtest.generator.BiasConfig;
import io.lepton.loadtest.generator.EventGenerator;
import io.lepton.loadtest.generator.GeneratorConfig;
import io.lepton.loadtest.generator.SyntheticRecord;
import io.lepton.schemas.CustomerServiceEvent;
import io.lepton.serdes.avro.AvroDeserializer;
import io.lepton.serdes.avro.AvroSerdeConfig;
import io.lepton.serdes.avro.AvroSerializer;
import io.lepton.serdes.registry.InMemorySchemaRegistryClient;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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
 * The project's Confluent wire-format Avro serde on generated {@link CustomerServiceEvent}s (free-text message
 * included): serializing the generated class as producers do, and deserializing with the raw schema as reader into
 * a {@code GenericRecord} as the gateway does. Scores are records per second on one thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class SerdeBenchmark {

    static final int EVENTS = 1_000;
    private static final String TOPIC = "raw.customer-service";

    private List<CustomerServiceEvent> events;
    private List<byte[]> serialized;
    private AvroSerializer<CustomerServiceEvent> serializer;
    private AvroDeserializer<GenericRecord> deserializer;

    @Setup
    public void setUp() {
        EventGenerator generator = new EventGenerator(new GeneratorConfig(42L, GeneratorConfig.DEFAULT_POPULATION, 0,
                BiasConfig.DEFAULT), Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC));
        events = new ArrayList<>(EVENTS);
        while (events.size() < EVENTS) {
            SyntheticRecord.Event event = (SyntheticRecord.Event) generator.next();
            if (event.value() instanceof CustomerServiceEvent customerService) {
                events.add(customerService);
            }
        }
        InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
        serializer = new AvroSerializer<>(registry, AvroSerdeConfig.defaults());
        deserializer = new AvroDeserializer<>(registry,
                AvroSerdeConfig.builder().readerSchema(CustomerServiceEvent.getClassSchema()).build());
        serialized = new ArrayList<>(EVENTS);
        for (CustomerServiceEvent event : events) {
            serialized.add(serializer.serialize(TOPIC, event));
        }
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long serialize() {
        long bytes = 0;
        for (CustomerServiceEvent event : events) {
            bytes += serializer.serialize(TOPIC, event).length;
        }
        return bytes;
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long deserialize() {
        long fields = 0;
        for (byte[] bytes : serialized) {
            fields += deserializer.deserialize(TOPIC, bytes).getSchema().getFields().size();
        }
        return fields;
    }
}
