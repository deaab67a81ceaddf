package io.lepton.embedded;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real single-node KRaft Kafka broker (combined broker + controller) running inside this JVM, listening on
 * 127.0.0.1 only.
 *
 * <p>Why: tests, {@code ./gateway replay} and {@code ./gateway demo} need real Kafka semantics (transactions,
 * consumer groups, Kafka Streams rebalancing) without Docker. The broker is configured for a cluster of one:
 * internal topics get replication factor 1 and min ISR 1, otherwise Kafka Streams stays in REBALANCING forever and
 * {@code initTransactions()} times out, so exactly-once could not start; and a crashed producer's transaction is
 * aborted within a second of its timeout. Production keeps Kafka's defaults.
 *
 * <p>{@link #close()} stops the broker and deletes its data directories.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final long ADMIN_TIMEOUT_SECONDS = 30;
    private static final String LOOPBACK = "127.0.0.1";

    /**
     * How often the broker looks for transactions past their timeout (Kafka's default: 10 s). A killed producer's
     * open transaction holds back {@code read_committed} readers until this check aborts it, so the default would
     * add up to 10 s to every failover the demo shows or a test measures; production brokers are the operator's
     * (README "Guarantees"). The Testcontainers broker gets the same.
     */
    static final int TIMED_OUT_TRANSACTION_CHECK_MS = 1_000;

    private final KafkaClusterTestKit cluster;
    private final Path baseDirectory;
    private final String externalBootstrap;
    private final AutoCloseable external;

    private EmbeddedKafka(KafkaClusterTestKit cluster, Path baseDirectory, String externalBootstrap,
            AutoCloseable external) {
        this.cluster = cluster;
        this.baseDirectory = baseDirectory;
        this.externalBootstrap = externalBootstrap;
        this.external = external;
    }

    /** A broker started elsewhere (a container), stopped by closing {@code owner}. */
    static EmbeddedKafka external(String bootstrapServers, AutoCloseable owner) {
        return new EmbeddedKafka(null, null, bootstrapServers, owner);
    }

    /**
     * Formats and starts a broker, returning once it accepts client requests (about 4 s); with
     * {@code -Dlepton.it.broker=testcontainers} (the {@code -Pdocker} profile) a Testcontainers Kafka instead.
     */
    public static EmbeddedKafka start() {
        if (TestcontainersKafka.requested()) {
            return TestcontainersKafka.start();
        }
        Path baseDirectory = TempDirectories.create("lepton-kafka-");
        KafkaClusterTestKit cluster = null;
        try {
            TestKitNodes nodes = new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .setBaseDirectory(baseDirectory)
                    .build();
            cluster = new KafkaClusterTestKit.Builder(nodes)
                    .setConfigProp("listeners", "EXTERNAL://" + LOOPBACK + ":0,CONTROLLER://" + LOOPBACK + ":0")
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("transaction.state.log.num.partitions", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("transaction.abort.timed.out.transaction.cleanup.interval.ms",
                            Integer.toString(TIMED_OUT_TRANSACTION_CHECK_MS))
                    .setDeleteOnClose(true)
                    .build();
            formatQuietly(cluster);
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new EmbeddedKafka(cluster, baseDirectory, null, null);
        } catch (Exception e) {
            closeQuietly(cluster);
            TempDirectories.delete(baseDirectory);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new EmbeddedStartupException("Embedded Kafka broker failed to start", e);
        }
    }

    /**
     * Kafka's storage formatter prints "Formatting metadata directory ..." to standard output; the demo promises its
     * first lines are the bootstrap address and registry URL, so that line is swallowed (start-up is single-threaded
     * up to here, and the stream is restored even if formatting fails).
     */
    private static void formatQuietly(KafkaClusterTestKit cluster) throws Exception {
        java.io.PrintStream stdout = System.out;
        System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        try {
            cluster.format();
        } finally {
            System.setOut(stdout);
        }
    }

    /** The {@code bootstrap.servers} value for clients, e.g. {@code 127.0.0.1:40123}. */
    public String bootstrapServers() {
        if (external != null) {
            return externalBootstrap;
        }
        // The test kit names its listeners "localhost"; ours are bound to 127.0.0.1, so say so to clients.
        return cluster.bootstrapServers().replace("localhost:", LOOPBACK + ":");
    }

    /**
     * Creates the topics with replication factor 1; topics that already exist are left as they are, so callers can
     * create their full topic list on every start.
     */
    public void createTopics(int partitions, Collection<String> topics) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1, was " + partitions);
        }
        try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers()))) {
            Set<String> existing = admin.listTopics().names().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream()
                    .distinct()
                    .filter(name -> !existing.contains(name))
                    .map(name -> new NewTopic(name, partitions, (short) 1))
                    .toList();
            for (var entry : admin.createTopics(missing).values().entrySet()) {
                awaitCreated(entry.getKey(), entry.getValue());
            }
            awaitListed(admin, topics);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedStartupException("Interrupted while creating topics " + topics, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new EmbeddedStartupException("Could not list topics on " + bootstrapServers(), e);
        }
    }

    /**
     * Waits until the broker lists every one of {@code topics}: the controller acknowledges a creation before the
     * broker's metadata has it, and a client asking at once (a test, a Streams app subscribing) would not see it.
     */
    private static void awaitListed(Admin admin, Collection<String> topics)
            throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ADMIN_TIMEOUT_SECONDS);
        while (!admin.listTopics().names().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS).containsAll(topics)) {
            if (System.nanoTime() > deadline) {
                throw new EmbeddedStartupException("Topics " + topics + " not listed after creation");
            }
            Thread.sleep(50);
        }
    }

    /** A topic created concurrently by someone else counts as created. */
    private static void awaitCreated(String topic, KafkaFuture<Void> future) throws InterruptedException {
        try {
            future.get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new EmbeddedStartupException("Could not create topic " + topic, e.getCause());
            }
        } catch (TimeoutException e) {
            throw new EmbeddedStartupException("Timed out creating topic " + topic, e);
        }
    }

    /** Stops the broker and deletes its data directories. */
    @Override
    public void close() {
        if (external != null) {
            try {
                external.close();
            } catch (Exception e) {
                System.getLogger(EmbeddedKafka.class.getName())
                        .log(System.Logger.Level.WARNING, "Kafka container did not stop cleanly", e);
            }
            return;
        }
        closeQuietly(cluster);
        TempDirectories.delete(baseDirectory);
    }

    private static void closeQuietly(KafkaClusterTestKit cluster) {
        if (cluster == null) {
            return;
        }
        try {
            cluster.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // The data directory is deleted next anyway; nothing else a caller could do about a failed shutdown.
            System.getLogger(EmbeddedKafka.class.getName())
                    .log(System.Logger.Level.WARNING, "Embedded Kafka did not shut down cleanly", e);
        }
    }

    /** The directory holding this broker's data; package-private so tests can check it is deleted. */
    Path baseDirectory() {
        return baseDirectory;
    }
}
