package io.lepton.gateway.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lepton.gateway.engine.GatewayEngine;
import io.lepton.gateway.engine.family.EventFamily;
import io.lepton.gateway.streams.AuditRollups;
import io.lepton.gateway.streams.GatewayTopics;
import io.lepton.serdes.avro.AvroSerdeConfig;
import io.lepton.serdes.avro.AvroSerializer;
import io.lepton.serdes.json.AvroJson;
import io.lepton.serdes.json.AvroJsonException;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./gateway replay --input FILE --out DIR}: runs the real topology on the embedded broker and registry over a
 * JSON-lines file and writes every output topic to {@code DIR/<topic>.jsonl}; exits when the gateway has drained
 * its input.
 *
 * <p>An input value that does not fit its raw schema is produced as-is (JSON bytes), just as a misbehaving producer
 * would: the topology quarantines it, which is exactly what one wants to see in a replay.
 *
 * <p>It also writes {@code DIR/broker-topics.jsonl}: every topic on the broker after the replay, with its role and
 * whether anything was written to it, so residency can be checked topic by topic, internal topics included (see
 * {@link BrokerTopics}).
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Run the real topology on the embedded broker + registry over a JSON-lines file.")
final class ReplayCommand implements Callable<Integer> {

    @Mixin
    EngineOptions engineOptions;

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "JSON-lines input.")
    Path input;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for <topic>.jsonl files.")
    Path out;

    @Option(names = "--timeout", defaultValue = "120", paramLabel = "SECONDS",
            description = "Give up if the gateway has not drained the input after this long (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        if (!Files.isReadable(input)) {
            err.println("error: cannot read input file " + input);
            return 2;
        }
        GatewayEngine engine = engineOptions.engine(err);
        err.println("starting embedded Kafka, schema registry and gateway...");
        err.flush();
        try (EmbeddedGateway gateway = EmbeddedGateway.start(engine)) {
            int[] counts = produce(gateway, err);
            awaitDrained(gateway, Duration.ofSeconds(timeoutSeconds));
            awaitRollUps();
            Map<String, List<ObjectNode>> outputs = new TopicDump(gateway).readAll(GatewayTopics.outputs(engine));
            Files.createDirectories(out);
            int written = 0;
            for (Map.Entry<String, List<ObjectNode>> topic : outputs.entrySet()) {
                try (BufferedWriter writer = Files.newBufferedWriter(out.resolve(topic.getKey() + ".jsonl"),
                        StandardCharsets.UTF_8)) {
                    for (ObjectNode line : topic.getValue()) {
                        writer.write(line.toString());
                        writer.newLine();
                        written++;
                    }
                }
                stdout.printf("%-45s %6d%n", topic.getKey(), topic.getValue().size());
            }
            List<BrokerTopics.Entry> inventory = BrokerTopics.inventory(gateway);
            try (BufferedWriter writer = Files.newBufferedWriter(out.resolve(BrokerTopics.FILE),
                    StandardCharsets.UTF_8)) {
                for (BrokerTopics.Entry entry : inventory) {
                    writer.write(entry.toJson());
                    writer.newLine();
                }
            }
            List<String> undeclared = inventory.stream()
                    .filter(e -> e.role() == BrokerTopics.Role.UNDECLARED && e.written()).map(BrokerTopics.Entry::topic)
                    .toList();
            if (!undeclared.isEmpty()) {
                err.println("warning: written topics no lane declares: " + undeclared);
            }
            stdout.printf("replayed %d records (%d not fitting their schema), wrote %d output records to %s%n",
                    counts[0], counts[1], written, out);
            stdout.flush();
            if (counts[2] > 0) {
                err.println(counts[2] + " input line(s) were not valid envelopes and were skipped");
                return 1;
            }
            return 0;
        }
    }

    /**
     * Waits until the audit roll-ups of the replayed events are written: their window (wall clock) has ended, a
     * punctuation has emitted them and a commit has made them visible.
     */
    private static void awaitRollUps() {
        EmbeddedGateway.sleep(AuditRollups.WINDOW.plus(AuditRollups.PUNCTUATION).plusSeconds(1).toMillis());
    }

    /** Returns {produced, produced-as-raw-bytes, skipped}. */
    private int[] produce(EmbeddedGateway gateway, PrintWriter err) throws IOException {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, gateway.bootstrapServers());
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        AvroSerializer<GenericRecord> serializer = new AvroSerializer<>(gateway.registry(), AvroSerdeConfig.defaults());
        int produced = 0;
        int asBytes = 0;
        int skipped = 0;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(),
                new ByteArraySerializer()); BufferedReader reader = Files.newBufferedReader(input)) {
            String line;
            long number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonLines.Envelope envelope;
                try {
                    envelope = JsonLines.parse(line);
                } catch (IllegalArgumentException e) {
                    err.println("line " + number + ": " + e.getMessage());
                    skipped++;
                    continue;
                }
                EventFamily family = gateway.engine().families().byRawTopic(envelope.topic()).orElse(null);
                if (family == null) {
                    err.println("line " + number + ": unknown topic '" + envelope.topic() + "'");
                    skipped++;
                    continue;
                }
                byte[] value;
                try {
                    value = serializer.serialize(envelope.topic(),
                            AvroJson.fromJson(envelope.value(), family.rawSchema()));
                } catch (AvroJsonException e) {
                    value = JsonLines.undecodableBytes(envelope);
                    asBytes++;
                }
                byte[] key = envelope.key() == null ? null : envelope.key().getBytes(StandardCharsets.UTF_8);
                producer.send(new ProducerRecord<>(envelope.topic(), key, value));
                produced++;
            }
            producer.flush();
        }
        return new int[] {produced, asBytes, skipped};
    }

    /**
     * Waits until the gateway's committed offsets reach the end of every raw topic, then of every internal subject
     * repartition topic (whose content is final once the raw topics are drained).
     */
    private static void awaitDrained(EmbeddedGateway gateway, Duration timeout) {
        awaitDrained(gateway, GatewayTopics.inputs(gateway.engine()), timeout);
        awaitDrained(gateway, GatewayTopics.subjectRepartitions(gateway.engine(), EmbeddedGateway.APPLICATION_ID),
                timeout);
    }

    private static void awaitDrained(EmbeddedGateway gateway, List<String> inputs, Duration timeout) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, gateway.bootstrapServers());
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(props)) {
            Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            for (String topic : inputs) {
                for (int p = 0; p < EmbeddedGateway.PARTITIONS; p++) {
                    latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
                }
            }
            Map<TopicPartition, Long> ends = new java.util.HashMap<>();
            admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).forEach((tp, info) -> ends.put(tp, info.offset()));
            while (true) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin
                        .listConsumerGroupOffsets(EmbeddedGateway.APPLICATION_ID).partitionsToOffsetAndMetadata()
                        .get(30, TimeUnit.SECONDS);
                boolean drained = ends.entrySet().stream().allMatch(e -> e.getValue() == 0
                        || (committed.get(e.getKey()) != null && committed.get(e.getKey()).offset() >= e.getValue()));
                if (drained) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the gateway did not drain its input within " + timeout);
                }
                EmbeddedGateway.sleep(200);
            }
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot read the gateway's progress: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
