package io.lepton.gateway.streams.fairness;

import java.util.Map;

/**
 * What {@link PooledFairnessStage#addTo} added for one jurisdiction: every node, store and topic carries the
 * jurisdiction id, so the lane owns them all.
 *
 * @param jurisdiction  the lane's jurisdiction
 * @param mapNodes      per family, the map-side node counting that family's votes
 * @param countsSink    the sink writing count deltas to {@code countsTopic}
 * @param countsTopic   {@code fairness.counts.<jurisdiction>}, keyed by family|attribute (create it with the raw
 *                      topics' partitioning and cluster; it holds aggregates only)
 * @param countsSource  the source reading {@code countsTopic}
 * @param mergeNode     the node pooling and testing the counts
 * @param storeName     the merge node's key-value store (changelogged; one entry per family and attribute)
 * @param alertsSink    the sink writing alerts to {@code alertsTopic}
 * @param alertsTopic   {@code fairness.alerts.<jurisdiction>}
 */
public record FairnessLaneNodes(String jurisdiction, Map<String, String> mapNodes, String countsSink,
                                String countsTopic, String countsSource, String mergeNode, String storeName,
                                String alertsSink, String alertsTopic) {

    public FairnessLaneNodes {
        mapNodes = Map.copyOf(mapNodes);
    }
}
