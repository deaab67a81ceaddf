package io.lepton.gateway.failover;

import static org.assertj.core.api.Assertions.assertThat;

import io.lepton.embedded.EmbeddedEnvironment;
import io.lepton.gateway.RawEvents;
import io.lepton.gateway.TestTopics;
import io.lepton.gateway.engine.PiiCatalog;
import io.lepton.gateway.engine.family.EventFamilies;
import io.lepton.gateway.engine.policy.JurisdictionPolicy;
import io.lepton.gateway.engine.policy.PolicySet;
import io.lepton.gateway.settings.GatewaySettings;
import io.lepton.gateway.settings.GroupMembership;
import io.lepton.gateway.settings.StreamsSettings;
import io.lepton.schemas.CustomerServiceEvent;
import io.lepton.serdes.avro.AvroDeserializer;
import io.lepton.serdes.avro.AvroSerdeConfig;
import io.lepton.serdes.avro.AvroSerializer;
import io.lepton.serdes.registry.RegistryClientConfig;
import io.lepton.serdes.registry.RestSchemaRegistryClient;
import io.lepton.serdes.registry.SchemaRegistryClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Failover measured, not assumed: gateway instances run as separate JVMs ({@code java -jar quarkus-run.jar}, as
 * {@code ./gateway run} does) against a real broker and Apicurio on 127.0.0.1, under a steady stream of events; one
 * instance is killed with SIGKILL and the harness measures the time from the kill until every raw partition has a
 * committed ({@code read_committed}) sanitized output again, and checks that no event was lost or duplicated.
 *
 * <p>One instance: the killed instance is started again at once with the same state directory and
 * {@code group.instance.id}, as a StatefulSet restarts a pod; the state directory gives it the same process id, so
 * the same transactional ids, and its producers fence and abort the killed instance's open transactions at once.
 * Two instances with {@code num.standby.replicas=1}: the killed instance stays dead, and the survivor takes its
 * tasks over from warm standby copies once the session has expired and the killed instance's transactions have
 * timed out. Both with the production defaults of {@code GatewaySettings}.
 *
 * <p>Opt-in, it takes minutes: {@code LEPTON_FAILOVER_IT=true LEPTON_FAILOVER_RUNS=5 ./mvnw -B -o -pl topology/app
 * -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false
 * -Dit.test=FailoverIT}; the figures are printed as lines starting with {@code FAILOVER}, and each run's instance
 * logs (Kafka Streams at INFO, for the timeline) stay in {@code target/failover-it}.
 */
@EnabledIfEnvironmentVariable(named = "LEPTON_FAILOVER_IT", matches = "true")
class FailoverIT {

    private static final int PARTITIONS = 4;
    private static final int EVENTS_PER_SECOND = 40;
    private static final String SANITIZED = TestTopics.sanitized("eu-gdpr", "customer-service");
    private static final Duration WAIT = Duration.ofSeconds(180);

    /** Where each run keeps its instance logs and state: under {@code target}, so a slow failover can be read after. */
    private static final Path RUNS = Path.of("target", "failover-it");

    private Path work;

    /**
     * Target (issue #16): 20 s from kill -9 to every partition's next committed output, the instance restarted at
     * once. Most of it is the new JVM's start-up and the re-initialisation of its tasks, both slower on a loaded
     * machine, so the median of the runs must meet the target and every run twice it; a restart that waits for
     * the old member's session (dynamic membership at Kafka's default session of 45 s) fails both.
     */
    @Test
    void oneInstanceKilledAndRestarted() throws Exception {
        assertWithinTarget(measureRuns(1), Duration.ofSeconds(20));
    }

    /**
     * Target (issue #16): 10 s with a standby, the killed instance staying down. Waiting out the killed instance's
     * transactions at Kafka Streams' and the broker's defaults (10 s timeout, 10 s abort check) misses it.
     */
    @Test
    void twoInstancesWithAStandbyLosingOne() throws Exception {
        assertWithinTarget(measureRuns(2), Duration.ofSeconds(10));
    }

    private static void assertWithinTarget(List<Failover> runs, Duration target) {
        List<Long> millis = runs.stream().map(run -> run.everyPartition().toMillis()).sorted().toList();
        assertThat(median(millis)).as("median of %s ms", millis).isLessThanOrEqualTo(target.toMillis());
        assertThat(millis).as("every run within twice the target").allMatch(ms -> ms <= 2 * target.toMillis());
    }

    /** {@code LEPTON_FAILOVER_RUNS} runs (default 1), each on a fresh broker and registry; the spread is printed. */
    private List<Failover> measureRuns(int instances) throws Exception {
        int runs = Integer.parseInt(System.getenv().getOrDefault("LEPTON_FAILOVER_RUNS", "1"));
        List<Failover> measured = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            measured.add(measure(instances));
        }
        List<Long> all = measured.stream().map(m -> m.everyPartition().toMillis()).sorted().toList();
        List<Long> first = measured.stream().map(m -> m.first().toMillis()).sorted().toList();
        System.out.printf("FAILOVER SUMMARY instances=%d runs=%d: next committed output median %.1f s (%.1f-%.1f), "
                + "every partition median %.1f s (%.1f-%.1f)%n", instances, runs, median(first) / 1000.0,
                first.get(0) / 1000.0, first.get(runs - 1) / 1000.0, median(all) / 1000.0, all.get(0) / 1000.0,
                all.get(runs - 1) / 1000.0);
        return measured;
    }

    private static double median(List<Long> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    /** From kill -9 to the first committed output of an event sent after it, and to every raw partition's. */
    record Failover(Duration first, Duration everyPartition) {
    }

    private Failover measure(int instances) throws Exception {
        work = Files.createDirectories(RUNS.resolve(instances + "-instances-" + System.currentTimeMillis()));
        try (EmbeddedEnvironment env = EmbeddedEnvironment.start()) {
            Map<String, String> common = commonEnvironment(env, instances);
            List<GatewayProcess> running = new ArrayList<>();
            SchemaRegistryClient registry = new RestSchemaRegistryClient(
                    RegistryClientConfig.builder(env.registry().confluentApiUrl()).build());
            Traffic traffic = new Traffic(env.kafka().bootstrapServers(), registry);
            try {
                for (int i = 0; i < instances; i++) {
                    running.add(GatewayProcess.start(instanceEnvironment(common, i), work.resolve("gateway-" + i + ".log")));
                }
                for (GatewayProcess gateway : running) {
                    assertThat(gateway.awaitReady(WAIT)).as("instance ready; see " + work).isTrue();
                }
                traffic.start();
                traffic.awaitOutputsSentAfter(System.nanoTime(), WAIT);
                // Let the standby copies catch up with the active tasks before the kill.
                Thread.sleep(10_000);

                long killedAt = System.nanoTime();
                Instant killedWallClock = Instant.now();
                running.get(0).kill9();
                if (instances == 1) {
                    running.set(0, GatewayProcess.start(instanceEnvironment(common, 0),
                            work.resolve("gateway-0-restarted.log")));
                }
                Map<Integer, Long> resumedAt = traffic.awaitOutputsSentAfter(killedAt, WAIT);
                Duration first = Duration.ofNanos(resumedAt.values().stream().mapToLong(t -> t - killedAt).min()
                        .orElseThrow());
                Duration all = Duration.ofNanos(resumedAt.values().stream().mapToLong(t -> t - killedAt).max()
                        .orElseThrow());
                traffic.stop();
                traffic.awaitAllOutputs(WAIT);
                StreamsSettings settings = GatewaySettings.fromEnvironment(common).streams();
                GroupMembership membership = settings.membership();
                System.out.printf("FAILOVER instances=%d standby=%d session.timeout.ms=%d heartbeat.interval.ms=%d "
                        + "transaction.timeout.ms=%d partitions=%d rate=%d/s: next committed output %.1f s, every "
                        + "partition %.1f s after kill -9; sent=%d, each output exactly once; load average %.2f; "
                        + "kill at %s, logs in %s%n", instances, membership.standbyReplicas(),
                        membership.sessionTimeoutMs(), membership.heartbeatIntervalMs(),
                        settings.transactionTimeoutMs(), PARTITIONS, EVENTS_PER_SECOND,
                        first.toMillis() / 1000.0,
                        all.toMillis() / 1000.0, traffic.sent(),
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                        killedWallClock, work.toAbsolutePath());
                return new Failover(first, all);
            } finally {
                traffic.close();
                for (GatewayProcess gateway : running) {
                    gateway.close();
                }
            }
        }
    }

    private Map<String, String> commonEnvironment(EmbeddedEnvironment env, int instances) throws IOException {
        Path hmac = Files.createDirectories(work.resolve("hmac-keys"));
        Path noise = Files.createDirectories(work.resolve("noise-keys"));
        Path ledger = Files.createDirectories(work.resolve("ledger-keys"));
        SecureRandom random = new SecureRandom();
        EventFamilies families = EventFamilies.discover();
        for (JurisdictionPolicy policy : PolicySet.builtIn(PiiCatalog.knownClasses(families)).all()) {
            writeKey(random, hmac.resolve(policy.pseudonymKeyId()));
            writeKey(random, noise.resolve(policy.id()));
            writeKey(random, ledger.resolve(policy.id()));
        }
        Map<String, String> common = new HashMap<>();
        common.put("KAFKA_BOOTSTRAP_SERVERS", env.kafka().bootstrapServers());
        common.put("SCHEMA_REGISTRY_URL", env.registry().confluentApiUrl());
        common.put("LEPTON_HMAC_KEY_DIR", hmac.toString());
        common.put("LEPTON_NOISE_KEY_DIR", noise.toString());
        common.put("LEPTON_LEDGER_KEY_DIR", ledger.toString());
        common.put("LEPTON_TOPIC_PARTITIONS", Integer.toString(PARTITIONS));
        common.put("LEPTON_REPLICATION_FACTOR", "1");
        common.put("LEPTON_MIN_INSYNC_REPLICAS", "1");
        common.put("KAFKA_STREAMS_NUM_STANDBY_REPLICAS", Integer.toString(instances - 1));
        return common;
    }

    private Map<String, String> instanceEnvironment(Map<String, String> common, int index) throws IOException {
        Map<String, String> env = new HashMap<>(common);
        env.put("KAFKA_STREAMS_STATE_DIR", Files.createDirectories(work.resolve("state-" + index)).toString());
        env.put("KAFKA_STREAMS_GROUP_INSTANCE_ID", "gateway-" + index);
        return env;
    }

    private static void writeKey(SecureRandom random, Path file) throws IOException {
        byte[] key = new byte[32];
        random.nextBytes(key);
        Files.writeString(file, Base64.getEncoder().encodeToString(key));
    }

    /**
     * A steady producer (event {@code n} to raw partition {@code n % PARTITIONS}, a subject of its own so no budget
     * withholds it) and a read_committed consumer of the sanitized topic that notes when each event first came out.
     */
    private static final class Traffic implements AutoCloseable {

        private final String bootstrap;
        private final SchemaRegistryClient registry;
        private final ConcurrentMap<Integer, Long> sentAt = new ConcurrentHashMap<>();
        private final ConcurrentMap<Integer, Long> committedAt = new ConcurrentHashMap<>();
        private final ConcurrentMap<Integer, AtomicInteger> copies = new ConcurrentHashMap<>();
        private final AtomicBoolean producing = new AtomicBoolean(true);
        private final AtomicBoolean consuming = new AtomicBoolean(true);
        private final AtomicInteger next = new AtomicInteger();
        private Thread producer;
        private Thread consumer;

        Traffic(String bootstrap, SchemaRegistryClient registry) {
            this.bootstrap = bootstrap;
            this.registry = registry;
        }

        void start() {
            producer = new Thread(this::produce, "failover-producer");
            consumer = new Thread(this::consume, "failover-consumer");
            producer.start();
            consumer.start();
        }

        int sent() {
            return next.get();
        }

        /** Waits until each partition has a committed output of an event sent after {@code since}; when, per partition. */
        Map<Integer, Long> awaitOutputsSentAfter(long since, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                Map<Integer, Long> first = new HashMap<>();
                committedAt.forEach((event, at) -> {
                    Long sent = sentAt.get(event);
                    if (sent != null && sent >= since) {
                        first.merge(event % PARTITIONS, at, Math::min);
                    }
                });
                if (first.size() == PARTITIONS) {
                    return first;
                }
                Thread.sleep(50);
            }
            throw new AssertionError("not every partition had output within " + timeout);
        }

        void stop() throws InterruptedException {
            producing.set(false);
            producer.join();
        }

        void awaitAllOutputs(Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (committedAt.size() < sent() && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            Thread.sleep(2_000); // a duplicate would arrive late
            assertThat(committedAt).as("every event sent came out").hasSize(sent());
            assertThat(copies.values()).as("no event came out twice").allMatch(count -> count.get() == 1);
        }

        private void produce() {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
            AvroSerializer<SpecificRecord> serializer = new AvroSerializer<>(registry, AvroSerdeConfig.defaults());
            long interval = 1_000_000_000L / EVENTS_PER_SECOND;
            long due = System.nanoTime();
            try (KafkaProducer<byte[], byte[]> kafka = new KafkaProducer<>(props, new ByteArraySerializer(),
                    new ByteArraySerializer())) {
                while (producing.get()) {
                    int n = next.get();
                    CustomerServiceEvent event = RawEvents.customerService("failover-" + n, "DE");
                    event.setOccurredAt(Instant.now());
                    event.setCustomerId("failover-subject-" + n);
                    byte[] value = serializer.serialize("raw.customer-service", event);
                    sentAt.put(n, System.nanoTime());
                    kafka.send(new ProducerRecord<>("raw.customer-service", n % PARTITIONS,
                            event.getCustomerId().getBytes(StandardCharsets.UTF_8), value));
                    next.incrementAndGet();
                    due += interval;
                    long sleep = due - System.nanoTime();
                    if (sleep > 0) {
                        Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                    }
                }
                kafka.flush();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void consume() {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            props.put(ConsumerConfig.GROUP_ID_CONFIG, "failover-reader-" + System.nanoTime());
            props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            AvroDeserializer<GenericRecord> deserializer = new AvroDeserializer<>(registry,
                    AvroSerdeConfig.defaults());
            try (KafkaConsumer<byte[], byte[]> kafka = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                    new ByteArrayDeserializer())) {
                kafka.subscribe(List.of(SANITIZED));
                while (consuming.get()) {
                    for (ConsumerRecord<byte[], byte[]> record : kafka.poll(Duration.ofMillis(50))) {
                        long now = System.nanoTime();
                        String eventId = deserializer.deserialize(record.topic(), record.value()).get("eventId")
                                .toString();
                        int n = Integer.parseInt(eventId.substring("failover-".length()));
                        committedAt.putIfAbsent(n, now);
                        copies.computeIfAbsent(n, k -> new AtomicInteger()).incrementAndGet();
                    }
                }
            }
        }

        @Override
        public void close() throws InterruptedException {
            producing.set(false);
            consuming.set(false);
            if (producer != null) {
                producer.join();
            }
            if (consumer != null) {
                consumer.join();
            }
        }
    }
}
