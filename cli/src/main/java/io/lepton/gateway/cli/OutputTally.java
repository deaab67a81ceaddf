package io.lepton.gateway.cli;

import io.lepton.gateway.engine.LaneTopics.Kind;
import io.lepton.gateway.engine.provenance.BudgetBand;
import io.lepton.gateway.engine.provenance.ProvenanceHeaders;
import io.lepton.gateway.streams.QuarantineHeaders;
import io.lepton.serdes.SerdeException;
import io.lepton.serdes.avro.AvroDeserializer;
import io.lepton.serdes.avro.AvroSerdeConfig;
import io.lepton.serdes.registry.SchemaRegistryClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Counts what the gateway writes, as a downstream consumer would see it (read_committed, so aborted transactions are
 * never counted): sanitized and quarantined records per family and jurisdiction, quarantine reasons, free-text PII
 * and DP budget outcomes from the sanitized records' provenance headers and suppressed events' audit records,
 * fairness alerts, the latest DP aggregate releases, and produce-to-consume latency.
 *
 * <p>It subscribes by pattern, so output topics that a newer gateway adds (audit, alerts) are picked up when they
 * appear; audit and alert values are decoded as generic Avro with their writer schema from the registry, so the
 * tally depends on field names only, not on generated classes.
 */
final class OutputTally implements AutoCloseable {

    private static final Pattern OUTPUTS = Pattern.compile(Stream.of(Kind.SANITIZED, Kind.QUARANTINE, Kind.AUDIT,
            Kind.FAIRNESS_ALERTS, Kind.AGGREGATES).map(kind -> Pattern.quote(kind.prefix()) + ".+").collect(Collectors.joining("|")));
    private static final long MAX_TRACKABLE_LATENCY_MS = Duration.ofHours(1).toMillis();

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final AvroDeserializer<GenericRecord> decoder;
    private final Thread thread;
    private final long startMillis = System.currentTimeMillis();

    private final Map<String, Long> byFamily = new TreeMap<>();
    private final Map<String, Long> byJurisdiction = new TreeMap<>();
    private final Map<String, Long> quarantinedByReason = new TreeMap<>();
    private final Map<String, Long> piiByType = new TreeMap<>();
    private final Map<String, Long> budgetOutcomes = new TreeMap<>();
    private final Map<String, DemoSnapshot.FairnessAlertLine> alerts = new LinkedHashMap<>();
    /** Releases of the latest window per (jurisdiction, family, aggregate), by that key. */
    private final Map<String, List<DemoSnapshot.AggregateLine>> latestReleases = new TreeMap<>();
    private final Histogram intervalLatency = new Histogram(MAX_TRACKABLE_LATENCY_MS, 3);
    private final Histogram totalLatency = new Histogram(MAX_TRACKABLE_LATENCY_MS, 3);
    private boolean auditAvailable;
    private boolean alertsAvailable;
    private boolean aggregatesAvailable;

    private OutputTally(KafkaConsumer<byte[], byte[]> consumer, AvroDeserializer<GenericRecord> decoder) {
        this.consumer = consumer;
        this.decoder = decoder;
        this.thread = new Thread(this::pollLoop, "lepton-demo-tally");
    }

    /** Starts consuming every output topic of the gateway on {@code bootstrapServers}, from the beginning. */
    static OutputTally start(String bootstrapServers, SchemaRegistryClient registry) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "lepton-demo-summary");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // Pick up topics created after start-up within a few seconds.
        props.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 3_000);
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        consumer.subscribe(OUTPUTS);
        OutputTally tally = new OutputTally(consumer, new AvroDeserializer<>(registry, AvroSerdeConfig.defaults()));
        tally.thread.start();
        return tally;
    }

    private void pollLoop() {
        try {
            while (true) {
                var records = consumer.poll(Duration.ofMillis(200));
                long now = System.currentTimeMillis();
                synchronized (this) {
                    Set<String> topics = consumer.subscription();
                    auditAvailable = topics.stream().anyMatch(t -> t.startsWith(Kind.AUDIT.prefix()));
                    alertsAvailable = topics.stream().anyMatch(t -> t.startsWith(Kind.FAIRNESS_ALERTS.prefix()));
                    aggregatesAvailable = topics.stream().anyMatch(t -> t.startsWith(Kind.AGGREGATES.prefix()));
                    for (ConsumerRecord<byte[], byte[]> record : records) {
                        count(record, now);
                    }
                }
            }
        } catch (WakeupException e) {
            // close() asked us to stop
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void count(ConsumerRecord<byte[], byte[]> record, long now) {
        String topic = record.topic();
        Kind kind = Kind.of(topic).orElse(null);
        if (kind == Kind.SANITIZED) {
            String[] parts = topic.split("\\.", 3);
            add(byJurisdiction, parts[1]);
            add(byFamily, parts[2]);
            countProvenance(record);
            long latency = Math.max(0, Math.min(MAX_TRACKABLE_LATENCY_MS, now - record.timestamp()));
            intervalLatency.recordValue(latency);
            totalLatency.recordValue(latency);
        } else if (kind == Kind.QUARANTINE) {
            add(byJurisdiction, topic.substring(Kind.QUARANTINE.prefix().length()));
            String source = header(record, QuarantineHeaders.SOURCE_TOPIC);
            add(byFamily, source != null && source.startsWith("raw.") ? source.substring(4) : "(unknown)");
            String reason = header(record, QuarantineHeaders.REASON);
            add(quarantinedByReason, reason == null ? "(no reason header)" : reason);
        } else if (kind == Kind.AUDIT) {
            decode(record).ifPresent(this::countAudit);
        } else if (kind == Kind.FAIRNESS_ALERTS) {
            decode(record).ifPresent(this::countAlert);
        } else if (kind == Kind.AGGREGATES) {
            decode(record).ifPresent(this::keepRelease);
        }
    }

    /**
     * PII found and budget exhaustion of a released event, from its provenance headers: live, with no audit record
     * per event to read.
     */
    private void countProvenance(ConsumerRecord<byte[], byte[]> record) {
        String detections = header(record, ProvenanceHeaders.DETECTIONS);
        if (detections != null && !detections.equals(ProvenanceHeaders.NONE)) {
            for (String entry : detections.split(",")) {
                int colon = entry.lastIndexOf(':');
                if (colon > 0) {
                    piiByType.merge(entry.substring(0, colon), Long.parseLong(entry.substring(colon + 1)), Long::sum);
                }
            }
        }
        if (BudgetBand.EXHAUSTED.code().equals(header(record, ProvenanceHeaders.BUDGET))) {
            add(budgetOutcomes, "WITHHELD");
        }
    }

    /** A suppressed event's audit record (roll-ups and quarantined events are counted elsewhere). */
    private void countAudit(GenericRecord audit) {
        Object outcome = field(audit, "outcome");
        if (outcome == null || !"SUPPRESSED".equals(outcome.toString())) {
            return;
        }
        add(budgetOutcomes, outcome.toString());
        if (field(audit, "detections") instanceof Map<?, ?> detections) {
            detections.forEach((type, n) -> piiByType.merge(type.toString(), ((Number) n).longValue(), Long::sum));
        }
    }

    private void countAlert(GenericRecord alert) {
        List<String> groups = new ArrayList<>();
        if (field(alert, "groups") instanceof List<?> list) {
            list.forEach(g -> groups.add(g.toString()));
        }
        DemoSnapshot.FairnessAlertLine line = new DemoSnapshot.FairnessAlertLine(text(alert, "status"),
                text(alert, "jurisdiction"), text(alert, "family"), text(alert, "metric"), text(alert, "attribute"),
                List.copyOf(groups), number(alert, "value"), number(alert, "threshold"), text(alert, "kind"),
                number(alert, "eValue"), number(alert, "alphaSpent"));
        alerts.put(String.join("|", line.jurisdiction(), line.family(), line.metric(), line.attribute(),
                String.join(",", groups)), line);
    }

    /** Keeps a release if its window is the latest of its aggregate, dropping the releases of older windows. */
    private void keepRelease(GenericRecord release) {
        DemoSnapshot.AggregateLine line = new DemoSnapshot.AggregateLine(text(release, "jurisdiction"),
                text(release, "family"), text(release, "aggregate"), millis(release, "windowStart"),
                millis(release, "windowEnd"), group(release), text(release, "metric"), number(release, "value"),
                number(release, "intervalLow"), number(release, "intervalHigh"));
        List<DemoSnapshot.AggregateLine> window = latestReleases.computeIfAbsent(String.join("|",
                line.jurisdiction(), line.family(), line.aggregate()), k -> new ArrayList<>());
        if (!window.isEmpty() && window.get(0).windowStart() > line.windowStart()) {
            return;
        }
        if (!window.isEmpty() && window.get(0).windowStart() < line.windowStart()) {
            window.clear();
        }
        window.add(line);
    }

    private static String group(GenericRecord release) {
        if (!(field(release, "group") instanceof Map<?, ?> group)) {
            return "";
        }
        return new TreeMap<>(group.entrySet().stream().collect(Collectors.toMap(e -> e.getKey().toString(),
                e -> String.valueOf(e.getValue())))).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(","));
    }

    private static long millis(GenericRecord record, String name) {
        Object value = field(record, name);
        return value instanceof java.time.Instant instant ? instant.toEpochMilli()
                : value instanceof Number n ? n.longValue() : 0;
    }

    /** Audit and alert values; one that cannot be decoded is skipped (the demo summary is best effort). */
    private Optional<GenericRecord> decode(ConsumerRecord<byte[], byte[]> record) {
        try {
            return Optional.ofNullable(decoder.deserialize(record.topic(), record.value()));
        } catch (SerdeException e) {
            return Optional.empty();
        }
    }

    /** The counts so far; also starts a new latency interval. */
    synchronized DemoSnapshot snapshot() {
        DemoSnapshot.LatencySummary interval = latency(intervalLatency);
        intervalLatency.reset();
        return new DemoSnapshot(System.currentTimeMillis() - startMillis, Map.copyOf(byFamily),
                Map.copyOf(byJurisdiction), Map.copyOf(quarantinedByReason),
                auditAvailable ? Optional.of(Map.copyOf(piiByType)) : Optional.empty(),
                auditAvailable ? Optional.of(Map.copyOf(budgetOutcomes)) : Optional.empty(),
                alertsAvailable ? Optional.of(List.copyOf(alerts.values())) : Optional.empty(),
                interval, latency(totalLatency), aggregatesAvailable
                        ? Optional.of(latestReleases.values().stream().flatMap(List::stream).toList())
                        : Optional.empty());
    }

    private static DemoSnapshot.LatencySummary latency(Histogram histogram) {
        return new DemoSnapshot.LatencySummary(histogram.getTotalCount(), histogram.getValueAtPercentile(50),
                histogram.getValueAtPercentile(99), histogram.getMaxValue());
    }

    private static void add(Map<String, Long> counts, String key) {
        counts.merge(key, 1L, Long::sum);
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Object field(GenericRecord record, String name) {
        return record.hasField(name) ? record.get(name) : null;
    }

    private static String text(GenericRecord record, String name) {
        Object value = field(record, name);
        return value == null ? "?" : value.toString();
    }

    private static double number(GenericRecord record, String name) {
        return field(record, name) instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** Stops consuming and closes the consumer. */
    @Override
    public void close() {
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
