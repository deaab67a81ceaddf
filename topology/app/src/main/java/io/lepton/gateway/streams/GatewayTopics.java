package io.lepton.gateway.streams;

import io.lepton.gateway.engine.GatewayEngine;
import io.lepton.gateway.engine.Topics;
import io.lepton.gateway.engine.family.EventFamily;
import io.lepton.gateway.engine.policy.JurisdictionPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Every topic the gateway reads or writes for a given engine, and their creation when missing.
 *
 * <p>Creating outputs up front (rather than relying on broker auto-creation) gives them the intended partition
 * count and replication, and makes a missing ACL fail at start-up rather than at the first record of a jurisdiction.
 */
public final class GatewayTopics {

    private GatewayTopics() {}

    /** Raw inputs. */
    public static List<String> inputs(GatewayEngine engine) {
        return engine.families().all().stream().map(EventFamily::rawTopic).toList();
    }

    /**
     * Every output: the {@link #eventOutputs per-event outputs} and {@code fairness.alerts}. (Kafka Streams creates
     * its internal topics itself: the subject repartition topics and the ledger and fairness changelogs.)
     */
    public static List<String> outputs(GatewayEngine engine) {
        List<String> topics = new ArrayList<>(eventOutputs(engine));
        topics.add(Topics.FAIRNESS_ALERTS);
        return topics;
    }

    /**
     * The outputs written for individual events: sanitized per jurisdiction and family, audit and quarantine per
     * jurisdiction, and unrouted. Every input lands exactly once in audit or quarantine; a released event also in its
     * sanitized topic. Aggregate outputs such as {@code fairness.alerts} are not among them.
     */
    public static List<String> eventOutputs(GatewayEngine engine) {
        List<String> topics = new ArrayList<>();
        for (JurisdictionPolicy policy : engine.policies().all()) {
            for (EventFamily family : engine.families().all()) {
                topics.add(Topics.sanitized(policy, family));
            }
            topics.add(Topics.audit(policy.id()));
            topics.add(Topics.quarantine(policy.id()));
        }
        topics.add(Topics.QUARANTINE_UNROUTED);
        return topics;
    }

    /** The internal topics holding raw events re-keyed by subject, one per family (see {@link GatewayTopology}). */
    public static List<String> subjectRepartitions(GatewayEngine engine, String applicationId) {
        return engine.families().all().stream().map(f -> GatewayTopology.subjectTopic(applicationId, f)).toList();
    }

    /** Inputs and outputs. */
    public static List<String> all(GatewayEngine engine) {
        List<String> topics = new ArrayList<>(inputs(engine));
        topics.addAll(outputs(engine));
        return topics;
    }

    /**
     * Creates those of {@code topics} that do not exist yet.
     *
     * @param replicationFactor replication, or empty for the broker's default
     */
    public static void createMissing(Map<String, Object> adminConfig, List<String> topics, int partitions,
            Optional<Short> replicationFactor) {
        try (Admin admin = Admin.create(adminConfig)) {
            Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, Optional.of(partitions), replicationFactor)).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                throw new IllegalStateException("cannot create gateway topics: " + e.getCause().getMessage(), e);
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer within 60 s while creating gateway topics", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating gateway topics", e);
        }
    }
}
