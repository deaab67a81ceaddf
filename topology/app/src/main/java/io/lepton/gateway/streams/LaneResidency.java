package io.lepton.gateway.streams;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.TopologyDescription;

/**
 * Checks a built topology against its lanes, node by node: residency read off the graph rather than trusted.
 *
 * <ul>
 *   <li>a node of a lane has successors only in that lane, and a sink of a lane writes only a topic its
 *       {@link io.lepton.gateway.engine.LaneTopics} allow (its own, or the cross-border aggregates topic where its
 *       policy says {@code aggregates-only}) or its own internal hop;</li>
 *   <li>a state store of a lane is connected only to that lane's processors;</li>
 *   <li>a node outside every lane (the router) writes only the unrouted quarantine or the internal subject hop, and
 *       enters a lane only through the nodes of that lane's inlets, each of which is a real edge (so the router's
 *       typed handles cannot name a node that is not there).</li>
 * </ul>
 * {@link GatewayTopology#build} runs it on every topology it builds, so a miswiring stops start-up instead of
 * leaking a record.
 */
public final class LaneResidency {

    private LaneResidency() {}

    /**
     * @param routerTopics the topics nodes outside the lanes may write (unrouted quarantine, subject hop topics as
     *     the description names them)
     * @return one line per violation; empty when the topology keeps every lane's data in the lane
     */
    public static List<String> violations(TopologyDescription topology, Lanes lanes, Set<String> routerTopics) {
        Map<String, JurisdictionLane> nodeOwner = new HashMap<>();
        Map<String, JurisdictionLane> storeOwner = new HashMap<>();
        for (JurisdictionLane lane : lanes.all()) {
            lane.nodes().forEach(node -> nodeOwner.put(node, lane));
            lane.stores().forEach(store -> storeOwner.put(store, lane));
        }
        List<String> violations = new ArrayList<>();
        Set<String> enteredFromRouter = new HashSet<>();
        for (TopologyDescription.Subtopology subtopology : topology.subtopologies()) {
            for (TopologyDescription.Node node : subtopology.nodes()) {
                JurisdictionLane owner = nodeOwner.get(node.name());
                if (owner == null) {
                    checkRouterNode(node, nodeOwner, routerTopics, violations);
                    node.successors().forEach(successor -> enteredFromRouter.add(successor.name()));
                } else {
                    checkLaneNode(node, owner, nodeOwner, storeOwner, violations);
                }
            }
        }
        for (JurisdictionLane lane : lanes.all()) {
            for (LaneInlet inlet : lane.inlets()) {
                for (String child : inlet.children()) {
                    if (!enteredFromRouter.contains(child)) {
                        violations.add(lane.policy().id() + " inlet node " + child + " has no edge from the router");
                    }
                }
            }
        }
        return violations;
    }

    /** Throws when {@link #violations} finds any. */
    public static void require(TopologyDescription topology, Lanes lanes, Set<String> routerTopics) {
        List<String> violations = violations(topology, lanes, routerTopics);
        if (!violations.isEmpty()) {
            throw new IllegalStateException("the topology breaks jurisdiction residency: "
                    + String.join("; ", violations));
        }
    }

    private static void checkLaneNode(TopologyDescription.Node node, JurisdictionLane owner,
            Map<String, JurisdictionLane> nodeOwner, Map<String, JurisdictionLane> storeOwner,
            List<String> violations) {
        String lane = owner.policy().id();
        for (TopologyDescription.Node successor : node.successors()) {
            if (nodeOwner.get(successor.name()) != owner) {
                violations.add(lane + " node " + node.name() + " feeds " + successor.name() + " outside its lane");
            }
        }
        if (node instanceof TopologyDescription.Sink sink && !owner.outputTopics().contains(sink.topic())
                && !owner.internalTopics().contains(sink.topic())) {
            violations.add(lane + " sink " + node.name() + " writes " + sink.topic()
                    + ", which is not a topic of its lane");
        }
        if (node instanceof TopologyDescription.Processor processor) {
            for (String store : processor.stores()) {
                if (storeOwner.get(store) != owner) {
                    violations.add(lane + " node " + node.name() + " uses store " + store + " outside its lane");
                }
            }
        }
    }

    private static void checkRouterNode(TopologyDescription.Node node, Map<String, JurisdictionLane> nodeOwner,
            Set<String> routerTopics, List<String> violations) {
        if (node instanceof TopologyDescription.Sink sink && !routerTopics.contains(sink.topic())) {
            violations.add("router sink " + node.name() + " writes " + sink.topic()
                    + ", but raw records may only go to a lane, the unrouted quarantine or the subject hop");
        }
        if (node instanceof TopologyDescription.Processor processor && !processor.stores().isEmpty()) {
            violations.add("router node " + node.name() + " uses stores " + processor.stores()
                    + ": state of a jurisdiction's data belongs in its lane");
        }
        for (TopologyDescription.Node successor : node.successors()) {
            JurisdictionLane lane = nodeOwner.get(successor.name());
            if (lane != null && lane.inlets().stream().noneMatch(inlet -> inlet.children().contains(successor.name()))) {
                violations.add("router node " + node.name() + " enters " + lane.policy().id() + " at "
                        + successor.name() + ", which is not one of its inlets");
            }
        }
    }
}
