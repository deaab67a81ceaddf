package io.lepton.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lepton.gateway.engine.GatewayEngine;
import io.lepton.gateway.engine.family.EventFamily;
import io.lepton.gateway.streams.GatewayTopics;
import io.lepton.gateway.streams.GatewayTopology;
import io.lepton.gateway.streams.QuarantineHeaders;
import io.lepton.gateway.streams.RecordCodec;
import io.lepton.gateway.streams.SanitizedSchemas;
import io.lepton.serdes.avro.AvroSerdeConfig;
import io.lepton.serdes.avro.AvroSerializer;
import io.lepton.serdes.json.AvroJson;
import io.lepton.serdes.json.AvroJsonException;
import io.lepton.serdes.registry.InMemorySchemaRegistryClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/**
 * {@code dry-run} and the Kafka Streams topology give identical output for the same input: same destination topic,
 * same key, same value, same reason headers, line for line. Both run here with one engine (hence the same keys).
 */
class DryRunMatchesTopologyTest {

    private static final List<String> COMPARED_HEADERS =
            List.of(QuarantineHeaders.REASON, QuarantineHeaders.DETAIL, QuarantineHeaders.SOURCE_TOPIC);

    @Test
    void dryRunAndTopologyAgreeOnEverySampleEvent() throws IOException {
        GatewayEngine engine = new EngineOptions().engine(new PrintWriter(new StringWriter()));
        InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
        RecordCodec codec = new RecordCodec(registry, engine.families().all());
        SanitizedSchemas.registerAll(engine, codec);
        AvroSerializer<GenericRecord> serializer = new AvroSerializer<>(registry, AvroSerdeConfig.defaults());

        List<String> fromDryRun = new ArrayList<>();
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "dry-run-vs-topology");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        try (TopologyTestDriver driver = new TopologyTestDriver(GatewayTopology.build(engine, codec), props,
                Instant.parse("2026-11-24T00:00:00Z"))) {
            for (String line : Files.readAllLines(Samples.EVENTS)) {
                JsonLines.Envelope envelope = JsonLines.parse(line);
                EventFamily family = engine.families().byRawTopic(envelope.topic()).orElseThrow();
                GenericRecord raw;
                try {
                    raw = AvroJson.fromJson(envelope.value(), family.rawSchema());
                } catch (AvroJsonException e) {
                    continue;
                }
                fromDryRun.add(DryRunCommand.process(engine, envelope));
                driver.createInputTopic(envelope.topic(), new ByteArraySerializer(), new ByteArraySerializer())
                        .pipeInput(envelope.key().getBytes(StandardCharsets.UTF_8),
                                serializer.serialize(envelope.topic(), raw));
            }
            OutputRenderer renderer = new OutputRenderer(engine, codec, registry);
            List<String> fromTopology = new ArrayList<>();
            for (String topic : GatewayTopics.outputs(engine)) {
                for (TestRecord<byte[], byte[]> record : driver.createOutputTopic(topic,
                        new ByteArrayDeserializer(), new ByteArrayDeserializer()).readRecordsToList()) {
                    fromTopology.add(renderer.render(topic, record.key(), record.value(), headers(record)).toString());
                }
            }
            assertThat(fromDryRun).hasSize(11);
            assertThat(fromTopology).containsExactlyInAnyOrderElementsOf(fromDryRun);
        }
    }

    private static Map<String, String> headers(TestRecord<byte[], byte[]> record) {
        Map<String, String> headers = new TreeMap<>();
        for (String name : COMPARED_HEADERS) {
            var header = record.headers().lastHeader(name);
            if (header != null) {
                headers.put(name, new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        return headers;
    }
}
