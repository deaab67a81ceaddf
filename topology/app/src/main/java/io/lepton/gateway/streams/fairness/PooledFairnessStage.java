package io.lepton.gateway.streams.fairness;

import io.lepton.gateway.engine.LaneTopics;
import io.lepton.gateway.engine.fairness.FairnessObservations;
import io.lepton.gateway.engine.fairness.pooled.AlphaAllocation;
import io.lepton.gateway.engine.fairness.pooled.PooledMetric;
import io.lepton.gateway.engine.family.EventFamily;
import io.lepton.gateway.engine.policy.FairnessSettings;
import io.lepton.gateway.engine.policy.JurisdictionPolicy;
import io.lepton.schemas.FairnessAlert;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Optional;
import java.util.function.Function;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * One jurisdiction's pooled fairness monitor as a stage of its lane:
 * <pre>
 * inlet(f) ─→ &lt;j&gt;.fairness-count.&lt;f&gt; ─┐                          (one per family, O(1) per event)
 *                                    ├→ fairness.counts.&lt;j&gt; ─→ &lt;j&gt;.fairness-merge ─→ fairness.alerts.&lt;j&gt;
 *                                                               store &lt;j&gt;.fairness-pooled
 * </pre>
 * The counts topic re-keys by (family, attribute), which pools the counts of all partitions and instances in one
 * task, exactly-once with the rest of the topology (the deltas are written and read in the same transactions as the
 * events' offsets). The budget is divided over every (family, attribute with a reference group, metric,
 * non-reference group) slot the lane can test, counted here once: the decision metrics of each protected attribute
 * and the exposure ratio of a family's exposure-group attribute (recommendation's {@code providerGroup}).
 */
public final class PooledFairnessStage {

    private final JurisdictionPolicy policy;
    private final Map<EventFamily, FairnessObservations> tested;
    private final Map<String, List<PooledMetric>> metrics;
    private final AlphaAllocation allocation;
    private final FairnessLaneNodes nodes;

    private PooledFairnessStage(JurisdictionPolicy policy, Map<EventFamily, FairnessObservations> tested,
                                Map<String, List<PooledMetric>> metrics, AlphaAllocation allocation,
                                LaneTopics topics) {
        this.policy = policy;
        this.tested = tested;
        this.metrics = metrics;
        this.allocation = allocation;
        String j = policy.id();
        Map<String, String> mapNodes = new LinkedHashMap<>();
        tested.keySet().forEach(family -> mapNodes.put(family.name(), j + ".fairness-count." + family.name()));
        this.nodes = new FairnessLaneNodes(j, mapNodes, j + ".fairness-counts-out", topics.fairnessCounts(),
                j + ".fairness-counts-in", j + ".fairness-merge", j + ".fairness-pooled", j + ".fairness-alerts",
                topics.fairnessAlerts());
    }

    /**
     * The stage of {@code policy}'s lane, or empty when the policy disables fairness or no family has a decision or
     * exposure-group attribute with a declared reference group (nothing the monitor could test).
     */
    public static Optional<PooledFairnessStage> of(JurisdictionPolicy policy, List<EventFamily> families,
                                                   LaneTopics topics) {
        FairnessSettings settings = policy.fairness();
        if (!settings.enabled()) {
            return Optional.empty();
        }
        Map<String, List<PooledMetric>> metrics = new LinkedHashMap<>();
        Map<EventFamily, FairnessObservations> tested = new LinkedHashMap<>();
        for (EventFamily family : families) {
            FairnessObservations observations = FairnessObservations.of(family);
            Map<String, List<PooledMetric>> byAttribute = new LinkedHashMap<>();
            observations.decisionAttributes().forEach(attribute -> byAttribute.put(attribute,
                    PooledMetric.decisionMetrics(observations.labelled())));
            observations.exposureAttribute().ifPresent(attribute -> byAttribute.put(attribute,
                    PooledMetric.rankingMetrics()));
            byAttribute.forEach((attribute, tests) -> {
                if (settings.referenceGroups().containsKey(attribute)) {
                    metrics.put(PooledMonitorProcessor.key(family.name(), attribute), tests);
                    tested.put(family, observations);
                }
            });
        }
        int slots = metrics.values().stream()
                .mapToInt(tests -> AlphaAllocation.slots(tests.size(), settings.maxGroupsPerAttribute())).sum();
        if (slots == 0) {
            return Optional.empty();
        }
        AlphaAllocation allocation = new AlphaAllocation(settings.falseAlarmBudget(), slots,
                settings.falseAlarmBudget().per().toMillis() / settings.windowAdvance().toMillis());
        return Optional.of(new PooledFairnessStage(policy, tested, metrics, allocation, topics));
    }

    /** The names of this stage's nodes, store and topics. */
    public FairnessLaneNodes nodes() {
        return nodes;
    }

    /** Whether {@code family}'s events feed this stage (then its inlet forwards them to the family's map node). */
    public Optional<String> mapNode(EventFamily family) {
        return Optional.ofNullable(nodes.mapNodes().get(family.name()));
    }

    /**
     * Adds the nodes, store and sinks under the given parent nodes.
     *
     * @param parents per family, the nodes whose output (that family's decoded raw events of this jurisdiction,
     *                keyed by subject) the monitor reads
     * @param decoded extracts the decoded raw event from the parents' value type
     * @param meters  the gauges and counters the merge side publishes
     */
    public <V> void addTo(Topology topology, Map<EventFamily, List<String>> parents,
                          Function<V, GenericRecord> decoded, AcceptedTime acceptedTime,
                          Serializer<? super FairnessAlert> alertSerializer, FairnessMeters meters) {
        FairnessSettings settings = policy.fairness();
        tested.forEach((family, observations) -> topology.addProcessor(nodes.mapNodes().get(family.name()),
                () -> new PartialCountProcessor<V>(family, observations, settings, decoded,
                        event -> acceptedTime.of(family, event)),
                parents.get(family).toArray(String[]::new)));
        topology.addSink(nodes.countsSink(), nodes.countsTopic(), new StringSerializer(), new ByteArraySerializer(),
                nodes.mapNodes().values().toArray(String[]::new));
        topology.addSource(nodes.countsSource(), new StringDeserializer(), new ByteArrayDeserializer(),
                nodes.countsTopic());
        topology.addProcessor(nodes.mergeNode(), () -> new PooledMonitorProcessor(policy, metrics, allocation,
                nodes.storeName(), meters), nodes.countsSource());
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(nodes.storeName()),
                Serdes.String(), Serdes.ByteArray()), nodes.mergeNode());
        topology.addSink(nodes.alertsSink(), nodes.alertsTopic(), new StringSerializer(), alertSerializer,
                nodes.mergeNode());
    }

    /**
     * The time an event may be counted at: its event time when the policy accepts it, empty otherwise (the same
     * window the budget uses). An event dated far ahead would otherwise push the monitor's stream time, and the
     * timestamps of its count records, past what the broker accepts, and stop the stream thread.
     */
    @FunctionalInterface
    public interface AcceptedTime {
        OptionalLong of(EventFamily family, GenericRecord event);
    }
}
