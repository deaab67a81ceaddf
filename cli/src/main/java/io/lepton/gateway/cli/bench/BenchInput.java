package io.lepton.gateway.cli.bench;

import io.lepton.loadtest.generator.BiasConfig;
import io.lepton.loadtest.generator.EventGenerator;
import io.lepton.loadtest.generator.GeneratorConfig;
import io.lepton.loadtest.generator.SyntheticRecord;
import io.lepton.serdes.avro.AvroSerdeConfig;
import io.lepton.serdes.avro.AvroSerializer;
import io.lepton.serdes.registry.SchemaRegistryClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The bench's input: generated events of all three families, serialized once in the Confluent wire format, so that
 * neither contender is charged for generating or encoding its input and both see the very same bytes.
 *
 * <p>No deliberately malformed records: the bench measures the path every good record takes; quarantine has its own
 * tests.
 */
public final class BenchInput {

    /** One pre-serialized raw record. */
    public record Message(String topic, byte[] key, byte[] value) {
        int size() {
            return key.length + value.length;
        }
    }

    private final List<Message> messages;
    private final long bytes;

    private BenchInput(List<Message> messages) {
        this.messages = List.copyOf(messages);
        this.bytes = messages.stream().mapToLong(Message::size).sum();
    }

    /**
     * Generates and serializes {@code count} events about {@code population} subjects, registering the raw schemas
     * in {@code registry}.
     */
    public static BenchInput generate(int count, int population, long seed, SchemaRegistryClient registry) {
        EventGenerator generator = new EventGenerator(new GeneratorConfig(seed, population, 0, BiasConfig.DEFAULT),
                Clock.systemUTC());
        AvroSerializer<SpecificRecord> serializer = new AvroSerializer<>(registry, AvroSerdeConfig.defaults());
        List<Message> messages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            SyntheticRecord.Event event = (SyntheticRecord.Event) generator.next();
            messages.add(new Message(event.topic(), event.key().getBytes(StandardCharsets.UTF_8),
                    serializer.serialize(event.topic(), event.value())));
        }
        return new BenchInput(messages);
    }

    /** Writes every message once to its raw topic, as fast as the broker takes them. */
    public void produceAll(String bootstrapServers) {
        try (KafkaProducer<byte[], byte[]> producer = producer(bootstrapServers, 20)) {
            for (Message message : messages) {
                producer.send(new ProducerRecord<>(message.topic(), message.key(), message.value()));
            }
            producer.flush();
        }
    }

    /** An idempotent byte-array producer with the given linger. */
    static KafkaProducer<byte[], byte[]> producer(String bootstrapServers, int lingerMillis) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, lingerMillis);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "lepton-bench-producer");
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    public List<Message> messages() {
        return messages;
    }

    public int count() {
        return messages.size();
    }

    /** Mean serialized size (key + value) in bytes. */
    public double meanRecordBytes() {
        return (double) bytes / messages.size();
    }
}
