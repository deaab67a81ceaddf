package io.lepton.gateway.streams.fairness;

import io.lepton.gateway.engine.fairness.FairnessObservations;
import io.lepton.gateway.engine.fairness.pooled.AlphaAllocation;
import io.lepton.gateway.engine.fairness.pooled.PooledFairnessMonitor;
import io.lepton.gateway.engine.family.EventFamily;
import io.lepton.gateway.engine.policy.FairnessSettings;
import io.lepton.gateway.engine.policy.JurisdictionPolicy;
import io.lepton.schemas.FairnessAlert;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Adds one jurisdiction's pooled fairness monitor to a topology:
 * <pre>
 * parents of family f ─→ fairness-&lt;j&gt;-count-&lt;f&gt; ─┐                      (one per family)
 *                                                  ├→ fairness.counts.&lt;j&gt; ─→ fairness-&lt;j&gt;-merge ─→ fairness.alerts.&lt;j&gt;
 *                                                                          store fairness-pooled-&lt;j&gt;
 * </pre>
 * The counts topic re-keys by (family, attribute), which pools the counts of all partitions and instances in one
 * task. The budget is divided over every (family, attribute with a reference group, metric, non-reference group)
 * slot the lane can test, counted here once.
 */
public final class PooledFairnessStage {

    private PooledFairnessStage() {}

    public static String countsTopic(String jurisdiction) {
        return "fairness.counts." + jurisdiction;
    }

    public static String alertsTopic(String jurisdiction) {
        return "fairness.alerts." + jurisdiction;
    }

    /**
     * Adds the nodes, store and sinks of {@code policy}'s jurisdiction under the given parent nodes.
     *
     * @param parents per family, the nodes whose output (that family's decoded raw events of this jurisdiction,
     *                keyed by subject) the monitor reads
     * @param decoded extracts the decoded raw event from the parents' value type
     * @return the handles, or empty when the policy disables fairness or no family has a tested attribute
     */
    public static <V> Optional<FairnessLaneNodes> addTo(Topology topology, JurisdictionPolicy policy,
                                                        Map<EventFamily, List<String>> parents,
                                                        Function<V, GenericRecord> decoded,
                                                        Serializer<? super FairnessAlert> alertSerializer) {
        FairnessSettings settings = policy.fairness();
        String j = policy.id();
        Map<String, Boolean> labelled = new LinkedHashMap<>();
        Map<EventFamily, FairnessObservations> tested = new LinkedHashMap<>();
        int slots = 0;
        for (EventFamily family : parents.keySet()) {
            FairnessObservations observations = FairnessObservations.of(family);
            int metrics = PooledFairnessMonitor.metricsFor(observations.labelled()).size();
            for (String attribute : observations.decisionAttributes()) {
                if (settings.referenceGroups().containsKey(attribute)) {
                    slots += AlphaAllocation.slots(metrics, settings.maxGroupsPerAttribute());
                    tested.put(family, observations);
                    labelled.put(family.name(), observations.labelled());
                }
            }
        }
        if (!settings.enabled() || slots == 0) {
            return Optional.empty();
        }
        AlphaAllocation allocation = new AlphaAllocation(settings.falseAlarmBudget(), slots,
                settings.falseAlarmBudget().per().toMillis() / settings.windowAdvance().toMillis());
        Map<String, String> mapNodes = new LinkedHashMap<>();
        tested.forEach((family, observations) -> {
            String node = "fairness-" + j + "-count-" + family.name();
            topology.addProcessor(node, () -> new PartialCountProcessor<V>(family.name(), observations, settings,
                    decoded), parents.get(family).toArray(String[]::new));
            mapNodes.put(family.name(), node);
        });
        String countsSink = "fairness-" + j + "-counts-sink";
        String countsSource = "fairness-" + j + "-counts-source";
        String merge = "fairness-" + j + "-merge";
        String store = "fairness-pooled-" + j;
        String alertsSink = "fairness-" + j + "-alerts-sink";
        topology.addSink(countsSink, countsTopic(j), new StringSerializer(), new ByteArraySerializer(),
                mapNodes.values().toArray(String[]::new));
        topology.addSource(countsSource, new StringDeserializer(), new ByteArrayDeserializer(), countsTopic(j));
        topology.addProcessor(merge, () -> new PooledMonitorProcessor(policy, labelled, allocation, store),
                countsSource);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(store), Serdes.String(),
                Serdes.ByteArray()), merge);
        topology.addSink(alertsSink, alertsTopic(j), new StringSerializer(), alertSerializer, merge);
        return Optional.of(new FairnessLaneNodes(j, mapNodes, countsSink, countsTopic(j), countsSource, merge, store,
                alertsSink, alertsTopic(j)));
    }
}
