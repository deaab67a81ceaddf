package io.lepton.gateway.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.lepton.gateway.RawEvents;
import io.lepton.gateway.TestTopics;
import io.lepton.gateway.engine.GatewayEngine;
import io.lepton.serdes.avro.AvroSerdeConfig;
import io.lepton.serdes.avro.AvroSerializer;
import io.lepton.serdes.registry.InMemorySchemaRegistryClient;
import io.lepton.serdes.registry.SchemaRegistryClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failure inside the router that is not a serde failure (here: the registry client throwing an unexpected runtime
 * exception while the router resolves a writer schema) quarantines the record in {@code quarantine.unrouted} with
 * reason {@code processing-error}, its original bytes and key, and the next record is processed normally. Before,
 * the processing exception handler skipped such a record: lost, with only a metric.
 */
class RouteFailsClosedTest {

    @TempDir
    Path stateDir;

    @Test
    void aRecordWhoseRoutingThrowsIsQuarantinedNotSkipped() throws Exception {
        InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
        AtomicBoolean broken = new AtomicBoolean();
        SchemaRegistryClient flaky = (SchemaRegistryClient) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {SchemaRegistryClient.class}, (proxy, method, args) -> {
                    if (broken.get() && method.getName().equals("schemaById")) {
                        throw new IllegalStateException("a bug in a registry client");
                    }
                    try {
                        return method.invoke(registry, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        GatewayEngine engine = TestGateway.engine();
        RecordCodec codec = new RecordCodec(flaky, engine.families().all());
        OutputSchemas.registerAll(engine, Lanes.of(engine), codec);
        Properties props = TestGateway.driverProperties("route-fails-closed-test", stateDir);
        AvroSerializer<SpecificRecord> producer = new AvroSerializer<>(registry, AvroSerdeConfig.defaults());
        byte[] first = producer.serialize("raw.customer-service", RawEvents.customerService("evt-1", "DE"));
        byte[] second = producer.serialize("raw.customer-service", RawEvents.customerService("evt-2", "DE"));

        try (TopologyTestDriver driver = new TopologyTestDriver(
                GatewayTopology.build(engine, codec, new SimpleMeterRegistry(), 2), props, RawEvents.AT)) {
            var raw = driver.createInputTopic("raw.customer-service", new ByteArraySerializer(),
                    new ByteArraySerializer());
            broken.set(true);
            raw.pipeInput("k1".getBytes(StandardCharsets.UTF_8), first);
            broken.set(false);
            raw.pipeInput("k2".getBytes(StandardCharsets.UTF_8), second);

            List<TestRecord<byte[], byte[]>> quarantined = driver.createOutputTopic(TestTopics.UNROUTED,
                    new ByteArrayDeserializer(), new ByteArrayDeserializer()).readRecordsToList();
            assertThat(quarantined).singleElement().satisfies(record -> {
                assertThat(new String(record.headers().lastHeader(QuarantineHeaders.REASON).value(),
                        StandardCharsets.UTF_8)).isEqualTo("processing-error");
                assertThat(record.value()).isEqualTo(first);
                assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("k1");
            });
            assertThat(driver.createOutputTopic(TestTopics.sanitized("eu-gdpr", "customer-service"),
                    new ByteArrayDeserializer(), new ByteArrayDeserializer()).getQueueSize())
                    .as("the next record is processed").isEqualTo(1);
        }
    }
}
