package io.lepton.gateway.streams;

import io.lepton.gateway.engine.GatewayEngine;
import io.lepton.gateway.engine.LaneTopics;
import io.lepton.gateway.engine.family.EventFamily;
import io.lepton.gateway.engine.policy.JurisdictionPolicy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One {@link JurisdictionLane} per policy of an engine, and the topics outside any lane. */
public final class Lanes {

    private final Map<String, JurisdictionLane> byJurisdiction;

    private Lanes(Map<String, JurisdictionLane> byJurisdiction) {
        this.byJurisdiction = byJurisdiction;
    }

    public static Lanes of(GatewayEngine engine) {
        Map<String, JurisdictionLane> lanes = new LinkedHashMap<>();
        for (JurisdictionPolicy policy : engine.policies().all()) {
            lanes.put(policy.id(), new JurisdictionLane(policy, engine.families().all()));
        }
        return new Lanes(lanes);
    }

    public List<JurisdictionLane> all() {
        return List.copyOf(byJurisdiction.values());
    }

    public JurisdictionLane of(JurisdictionPolicy policy) {
        return byJurisdiction.get(policy.id());
    }

    public Optional<JurisdictionLane> byId(String jurisdiction) {
        return Optional.ofNullable(byJurisdiction.get(jurisdiction));
    }

    /** Each lane's inlet for {@code family}, by jurisdiction id, for the router. */
    Map<String, LaneInlet> inlets(EventFamily family) {
        Map<String, LaneInlet> inlets = new LinkedHashMap<>();
        byJurisdiction.forEach((id, lane) -> inlets.put(id, lane.inlet(family)));
        return inlets;
    }

    /** Each lane's internal topics (the aggregates' contributions hops), which the gateway creates with its outputs. */
    public List<String> internalTopics() {
        return byJurisdiction.values().stream().flatMap(lane -> lane.internalTopics().stream()).toList();
    }

    /** Every topic the gateway writes: each lane's, and the quarantine of records no lane can take. */
    public List<String> outputTopics() {
        List<String> topics = new ArrayList<>();
        for (JurisdictionLane lane : byJurisdiction.values()) {
            for (String topic : lane.outputTopics()) {
                if (!topics.contains(topic)) {
                    topics.add(topic);
                }
            }
        }
        topics.add(LaneTopics.UNROUTED_QUARANTINE);
        return topics;
    }
}
