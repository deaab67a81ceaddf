package io.lepton.loadtest.generator;

import io.lepton.serdes.avro.AvroSerdeConfig;
import io.lepton.serdes.avro.AvroSerializer;
import io.lepton.serdes.registry.SchemaRegistryClient;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes generated records to Kafka the way a well-behaved producer app does: Confluent wire-format Avro with the
 * schema registered under {@code <topic>-value}, keyed by subject. Deliberately broken records go out as their raw
 * bytes.
 */
public final class RecordPublisher implements AutoCloseable {

    private final Producer<byte[], byte[]> producer;
    private final AvroSerializer<SpecificRecord> serializer;

    public RecordPublisher(Producer<byte[], byte[]> producer, SchemaRegistryClient registry) {
        this.producer = producer;
        this.serializer = new AvroSerializer<>(registry, AvroSerdeConfig.defaults());
    }

    /** A publisher with its own idempotent producer on {@code bootstrapServers}. */
    public static RecordPublisher create(String bootstrapServers, SchemaRegistryClient registry) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "lepton-generator");
        return new RecordPublisher(new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer()),
                registry);
    }

    public void send(SyntheticRecord record) {
        byte[] value;
        if (record instanceof SyntheticRecord.Event event) {
            value = serializer.serialize(event.topic(), event.value());
        } else {
            value = ((SyntheticRecord.RawBytes) record).value();
        }
        producer.send(new ProducerRecord<>(record.topic(), record.key().getBytes(StandardCharsets.UTF_8), value));
    }

    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}
