package io.lepton.gateway.streams.fairness;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The names of everything {@link PooledFairnessStage} adds for one jurisdiction, known before the topology is built
 * so the lane can hand its inlets to the router and {@code LaneResidency} can check every node and store. Each name
 * starts with the jurisdiction id, so a topology description reads lane by lane and every changelog names its
 * jurisdiction.
 *
 * @param jurisdiction  the lane's jurisdiction
 * @param mapNodes      per family name, the map-side node counting that family's votes
 * @param countsSink    the sink writing count deltas to {@code countsTopic}
 * @param countsTopic   the lane's {@code fairness.counts.<jurisdiction>}, keyed by family|attribute (aggregates only)
 * @param countsSource  the source reading {@code countsTopic}
 * @param mergeNode     the node pooling and testing the counts
 * @param storeName     the merge node's key-value store (changelogged; one entry per family and attribute)
 * @param alertsSink    the sink writing alerts to {@code alertsTopic}
 * @param alertsTopic   the lane's {@code fairness.alerts.<jurisdiction>}
 */
public record FairnessLaneNodes(String jurisdiction, Map<String, String> mapNodes, String countsSink,
                                String countsTopic, String countsSource, String mergeNode, String storeName,
                                String alertsSink, String alertsTopic) {

    public FairnessLaneNodes {
        mapNodes = Map.copyOf(mapNodes);
    }

    /** Every processor, source and sink name. */
    public List<String> nodes() {
        List<String> nodes = new ArrayList<>(mapNodes.values());
        nodes.addAll(List.of(countsSink, countsSource, mergeNode, alertsSink));
        return nodes;
    }
}
