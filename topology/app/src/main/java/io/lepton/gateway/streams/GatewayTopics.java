package io.lepton.gateway.streams;

import io.lepton.gateway.engine.GatewayEngine;
import io.lepton.gateway.engine.LaneTopics;
import io.lepton.gateway.engine.dp.LedgerPartitioning;
import io.lepton.gateway.engine.family.EventFamily;
import io.lepton.gateway.settings.TopicSettings;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Every topic the gateway reads or writes for a given engine, and their creation when missing.
 *
 * <p>Creating outputs up front (rather than relying on broker auto-creation) gives them the intended partition
 * count, replication and {@code min.insync.replicas}, and makes a missing ACL fail at start-up rather than at the
 * first record of a jurisdiction. (Kafka Streams creates its internal topics itself: the subject repartition topics
 * and the state changelogs, with the same replication from the Streams settings.)
 */
public final class GatewayTopics {

    /** The keys {@link TopicSettings#internalTopicConfig()} sets to bound an internal topic's retention. */
    private static final List<String> RETENTION_KEYS = List.of(TopicConfig.CLEANUP_POLICY_CONFIG,
            TopicConfig.RETENTION_MS_CONFIG, TopicConfig.SEGMENT_MS_CONFIG);

    private GatewayTopics() {}

    /** Raw inputs. */
    public static List<String> inputs(GatewayEngine engine) {
        return engine.families().all().stream().map(EventFamily::rawTopic).toList();
    }

    /**
     * Every output downstream consumers read: each lane's output topics and the unrouted quarantine (not the lanes'
     * internal topics, see {@link Lanes#internalTopics}).
     */
    public static List<String> outputs(GatewayEngine engine) {
        return Lanes.of(engine).outputTopics();
    }

    /**
     * The outputs written for individual events: sanitized, audit and quarantine topics of every lane, and the
     * unrouted quarantine (not alerts or aggregates, which summarise many events).
     */
    public static List<String> eventOutputs(GatewayEngine engine) {
        return outputs(engine).stream().filter(topic -> LaneTopics.Kind.of(topic)
                .map(kind -> kind != LaneTopics.Kind.FAIRNESS_ALERTS && kind != LaneTopics.Kind.AGGREGATES)
                .orElse(false)).toList();
    }

    /** The internal topics holding raw events re-keyed by subject, one per family (see {@link GatewayTopology}). */
    public static List<String> subjectRepartitions(GatewayEngine engine, String applicationId) {
        return engine.families().all().stream().map(f -> GatewayTopology.subjectTopic(applicationId, f)).toList();
    }

    /**
     * Every topic to create: inputs, outputs and the lanes' internal topics (which, unlike Kafka Streams' own
     * internal topics, a processor-API source needs to exist before start-up).
     */
    public static List<String> all(GatewayEngine engine) {
        Lanes lanes = Lanes.of(engine);
        List<String> topics = new ArrayList<>(inputs(engine));
        topics.addAll(lanes.outputTopics());
        topics.addAll(lanes.internalTopics());
        return topics;
    }

    /**
     * The partition count of the existing privacy-ledger changelogs of {@code applicationId} (the largest, should
     * they differ), or empty on a first start: what {@link LedgerPartitioning#check} compares with the configured
     * count before the gateway may start.
     */
    public static OptionalInt ledgerPartitions(Admin admin, String applicationId, GatewayEngine engine) {
        try {
            Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
            List<String> changelogs = engine.policies().all().stream()
                    .map(policy -> applicationId + "-" + LedgerStore.name(policy.id()) + "-changelog")
                    .filter(existing::contains).toList();
            if (changelogs.isEmpty()) {
                return OptionalInt.empty();
            }
            return admin.describeTopics(changelogs).allTopicNames().get(60, TimeUnit.SECONDS).values().stream()
                    .mapToInt(description -> description.partitions().size()).max();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the privacy ledger changelogs' partition count", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the ledger changelogs", e);
        }
    }

    /**
     * Creates those of {@link #all(GatewayEngine) the engine's topics} that do not exist yet, as {@code settings} say,
     * and gives every lane-internal topic, new or existing, the bounded retention of
     * {@link TopicSettings#internalTopicConfig()} (so a topic created by an earlier version, with the broker's
     * default retention, is bounded too).
     */
    public static void createMissing(Admin admin, GatewayEngine engine, TopicSettings settings) {
        Lanes lanes = Lanes.of(engine);
        List<String> external = new ArrayList<>(inputs(engine));
        external.addAll(lanes.outputTopics());
        List<String> internal = lanes.internalTopics();
        try {
            Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            external.stream().filter(t -> !existing.contains(t))
                    .forEach(t -> missing.add(newTopic(t, settings, settings.topicConfig())));
            internal.stream().filter(t -> !existing.contains(t))
                    .forEach(t -> missing.add(newTopic(t, settings, settings.internalTopicConfig())));
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
            }
            boundRetention(admin, internal.stream().filter(existing::contains).toList(), settings);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create gateway topics: " + e.getCause().getMessage(), e);
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer within 60 s while creating gateway topics", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating gateway topics", e);
        }
    }

    private static NewTopic newTopic(String name, TopicSettings settings, Map<String, String> config) {
        return new NewTopic(name, Optional.of(settings.partitions()), settings.replicationFactor()).configs(config);
    }

    /** Sets the internal topics' retention keys (only those; other topic settings the operator made stay). */
    private static void boundRetention(Admin admin, List<String> topics, TopicSettings settings)
            throws InterruptedException, TimeoutException {
        if (topics.isEmpty()) {
            return;
        }
        Map<String, String> config = settings.internalTopicConfig();
        List<AlterConfigOp> ops = RETENTION_KEYS.stream()
                .map(key -> new AlterConfigOp(new ConfigEntry(key, config.get(key)), AlterConfigOp.OpType.SET))
                .toList();
        Map<ConfigResource, Collection<AlterConfigOp>> alterations = new LinkedHashMap<>();
        topics.forEach(topic -> alterations.put(new ConfigResource(ConfigResource.Type.TOPIC, topic), ops));
        try {
            admin.incrementalAlterConfigs(alterations).all().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot bound the retention of the gateway's internal topics "
                    + topics + ": " + e.getCause().getMessage() + "; grant AlterConfigs on them, or set "
                    + RETENTION_KEYS + " yourself and start with LEPTON_CREATE_TOPICS=false", e);
        }
    }
}
