package io.lepton.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lepton.gateway.engine.GatewayEngine;
import io.lepton.gateway.engine.crypto.GatewayKeys;
import io.lepton.gateway.engine.dp.BudgetTime;
import io.lepton.gateway.engine.dp.InMemoryPrivacyLedger;
import io.lepton.gateway.engine.dp.SecureRandomBits;
import io.lepton.gateway.engine.family.EventFamilies;
import io.lepton.gateway.engine.family.EventFamily;
import io.lepton.gateway.engine.policy.PolicySet;
import io.lepton.gateway.streams.GatewayTopics;
import io.lepton.gateway.streams.GatewayTopology;
import io.lepton.gateway.engine.provenance.ProvenanceHeaders;
import io.lepton.gateway.streams.QuarantineHeaders;
import io.lepton.gateway.streams.RecordCodec;
import io.lepton.gateway.streams.Lanes;
import io.lepton.gateway.streams.OutputSchemas;
import io.lepton.serdes.avro.AvroSerdeConfig;
import io.lepton.serdes.avro.AvroSerializer;
import io.lepton.serdes.json.AvroJson;
import io.lepton.serdes.json.AvroJsonException;
import io.lepton.serdes.registry.InMemorySchemaRegistryClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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
 * same key, same value (noised dp fields included), same reason and provenance headers, same audit records, line for
 * line.
 *
 * <p>Both run with the same keys, each with its own engine: noise comes from the noise keys' PRF per (event, field),
 * so both draw identical noise whatever order they process in. A third run with other noise keys shows that the
 * comparison does see the noise. Budgets are charged by pure event time ({@code --event-time}), since the sample file
 * is historic.
 */
class DryRunMatchesTopologyTest {

    private static final List<String> COMPARED_HEADERS = java.util.stream.Stream.concat(
            java.util.stream.Stream.of(QuarantineHeaders.REASON, QuarantineHeaders.DETAIL,
                    QuarantineHeaders.SOURCE_TOPIC), ProvenanceHeaders.NAMES.stream()).toList();

    @Test
    void dryRunAndTopologyAgreeOnEverySampleEvent() throws IOException {
        EventFamilies families = EventFamilies.discover();
        PolicySet policies = new EngineOptions().policies(families);
        GatewayKeys keys = EngineOptions.keys(policies, Map.of(), new PrintWriter(new StringWriter()));
        GatewayKeys otherNoise = new GatewayKeys(keys.pseudonyms(),
                EngineOptions.keys(policies, Map.of(), new PrintWriter(new StringWriter())).noise(), keys.ledger());
        GatewayEngine engine = GatewayEngine.create(policies, families, keys, BudgetTime.eventTime(),
                SecureRandomBits.seeded(42));
        GatewayEngine dryRunEngine = GatewayEngine.create(policies, families, keys, BudgetTime.eventTime(),
                SecureRandomBits.seeded(43));
        GatewayEngine otherSeed = GatewayEngine.create(policies, families, otherNoise, BudgetTime.eventTime(),
                SecureRandomBits.seeded(42));
        InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
        RecordCodec codec = new RecordCodec(registry, engine.families().all());
        OutputSchemas.registerAll(engine, Lanes.of(engine), codec);
        AvroSerializer<GenericRecord> serializer = new AvroSerializer<>(registry, AvroSerdeConfig.defaults());

        List<JsonNode> fromDryRun = new ArrayList<>();
        List<JsonNode> fromOtherSeed = new ArrayList<>();
        InMemoryPrivacyLedger ledger = new InMemoryPrivacyLedger();
        InMemoryPrivacyLedger otherLedger = new InMemoryPrivacyLedger();
        int undecodable = 0;
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "dry-run-vs-topology");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        try (TopologyTestDriver driver = new TopologyTestDriver(
                GatewayTopology.build(engine, codec, new SimpleMeterRegistry(), 2), props,
                Instant.parse("2026-11-24T00:00:00Z"))) {
            for (String line : Files.readAllLines(Samples.EVENTS)) {
                JsonLines.Envelope envelope = JsonLines.parse(line);
                EventFamily family = engine.families().byRawTopic(envelope.topic()).orElseThrow();
                byte[] value;
                try {
                    value = serializer.serialize(envelope.topic(), AvroJson.fromJson(envelope.value(),
                            family.rawSchema()));
                } catch (AvroJsonException e) {
                    value = JsonLines.undecodableBytes(envelope);
                    undecodable++;
                }
                fromDryRun.addAll(json(DryRunCommand.process(dryRunEngine, ledger, envelope)));
                fromOtherSeed.addAll(json(DryRunCommand.process(otherSeed, otherLedger, envelope)));
                driver.createInputTopic(envelope.topic(), new ByteArraySerializer(), new ByteArraySerializer())
                        .pipeInput(envelope.key().getBytes(StandardCharsets.UTF_8), value);
            }
            OutputRenderer renderer = new OutputRenderer(engine, codec, registry);
            List<JsonNode> fromTopology = new ArrayList<>();
            for (String topic : GatewayTopics.outputs(engine)) {
                for (TestRecord<byte[], byte[]> record : driver.createOutputTopic(topic,
                        new ByteArrayDeserializer(), new ByteArrayDeserializer()).readRecordsToList()) {
                    fromTopology.add(renderer.render(topic, record.key(), record.value(), headers(record)));
                }
            }
            assertThat(fromDryRun).as("one line per event, two for one quarantined in a jurisdiction")
                    .hasSize(Files.readAllLines(Samples.EVENTS).size() + 1);
            assertThat(fromDryRun).filteredOn(line -> line.get("topic").asText().startsWith("privacy.audit."))
                    .as("the quarantined event's audit record").hasSize(1);
            assertThat(fromDryRun).filteredOn(line -> line.get("topic").asText().startsWith("sanitized."))
                    .as("provenance headers are compared too")
                    .allSatisfy(line -> assertThat(line.get("headers").has(ProvenanceHeaders.POLICY)).isTrue());
            assertThat(undecodable).as("the samples include lines that do not fit their schema").isPositive();
            assertThat(fromDryRun).filteredOn(line -> line.path("headers").path(QuarantineHeaders.REASON).asText()
                    .equals("undecodable")).hasSize(undecodable);
            assertThat(fromTopology).containsExactlyInAnyOrderElementsOf(fromDryRun);
            assertThat(fromOtherSeed).as("other noise keys, other output: the comparison sees dp fields")
                    .isNotEqualTo(fromDryRun);
        }
    }

    private static List<JsonNode> json(List<String> lines) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : lines) {
            nodes.add(JsonLines.MAPPER.readTree(line));
        }
        return nodes;
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
