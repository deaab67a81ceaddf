package io.lepton.gateway.streams;

import io.lepton.gateway.engine.GatewayEngine;
import io.lepton.gateway.engine.Topics;
import io.lepton.gateway.engine.fairness.FairnessObservations;
import io.lepton.gateway.engine.fairness.HoppingWindows;
import io.lepton.gateway.engine.family.EventFamily;
import io.lepton.gateway.engine.policy.JurisdictionPolicy;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * Adds the online fairness monitor to the gateway topology: per family, one {@link FairnessMonitorProcessor} per
 * jurisdiction whose policy enables it, fed by the route node with the decoded raw event, sharing the family's two
 * state stores and one sink to {@code fairness.alerts}.
 *
 * <pre>
 * route-&lt;family&gt; ─→ fairness-&lt;j&gt;-&lt;family&gt; (one per enabled jurisdiction j) ─→ fairness.alerts
 *                      stores: fairness-windows-&lt;family&gt; (window store, group tables per attribute and pane)
 *                              fairness-state-&lt;family&gt;   (key-value store, alert states and stream time)
 * </pre>
 *
 * Both stores are changelogged (the default) and cached, so the counters are exactly-once under
 * {@code exactly_once_v2} and survive restarts by restoring from the changelog. They live in memory rather than in
 * RocksDB because they are small by construction (one group table per jurisdiction × attribute × open pane, one
 * alert state per jurisdiction × metric × attribute): restoring them takes moments, and no RocksDB flush is paid on
 * every commit. Keys start with the jurisdiction, so the jurisdictions of a family never share a counter.
 */
public final class FairnessMonitorTopology {

    private final GatewayEngine engine;
    private final RecordCodec codec;
    private final FairnessMeters meters;

    public FairnessMonitorTopology(GatewayEngine engine, RecordCodec codec, MeterRegistry registry) {
        this.engine = engine;
        this.codec = codec;
        this.meters = new FairnessMeters(registry);
    }

    /** The monitor node of {@code family} per jurisdiction; empty when the family has nothing to monitor. */
    public Map<String, String> nodes(EventFamily family) {
        Map<String, String> nodes = new LinkedHashMap<>();
        if (FairnessObservations.of(family).monitorsAnything()) {
            for (JurisdictionPolicy policy : monitored()) {
                nodes.put(policy.id(), "fairness-" + policy.id() + "-" + family.name());
            }
        }
        return nodes;
    }

    /** Adds {@code family}'s monitor nodes, stores and alert sink under the route nodes; nothing if none. */
    public void addTo(Topology topology, EventFamily family, String... routeNodes) {
        Map<String, String> nodes = nodes(family);
        if (nodes.isEmpty()) {
            return;
        }
        FairnessObservations observations = FairnessObservations.of(family);
        String windowStore = "fairness-windows-" + family.name();
        String stateStore = "fairness-state-" + family.name();
        for (JurisdictionPolicy policy : monitored()) {
            topology.addProcessor(nodes.get(policy.id()), () -> new FairnessMonitorProcessor(policy, family.name(),
                    observations, windowStore, stateStore, meters), routeNodes);
        }
        String[] processors = nodes.values().toArray(String[]::new);
        topology.addStateStore(Stores.windowStoreBuilder(
                Stores.inMemoryWindowStore(windowStore, retention(), longestPane(), false),
                Serdes.String(), Serdes.ByteArray()).withCachingEnabled(), processors);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(stateStore),
                Serdes.String(), Serdes.ByteArray()).withCachingEnabled(), processors);
        topology.addSink("fairness-alerts-" + family.name(), Topics.FAIRNESS_ALERTS, new StringSerializer(),
                codec.alertSerializer(), processors);
    }

    private List<JurisdictionPolicy> monitored() {
        return engine.policies().all().stream().filter(p -> p.fairness().enabled()).toList();
    }

    /** Long enough for every monitored jurisdiction's windows to stay in the store until they close. */
    private Duration retention() {
        return monitored().stream().map(JurisdictionPolicy::fairness)
                .map(s -> s.windowSize().plus(s.grace())).max(Duration::compareTo).orElseThrow();
    }

    /** The store holds panes ({@link PaneTables}), not whole windows. */
    private Duration longestPane() {
        return Duration.ofMillis(monitored().stream().map(JurisdictionPolicy::fairness)
                .map(s -> HoppingWindows.of(s.windowSize(), s.windowAdvance(), s.grace()))
                .mapToLong(HoppingWindows::paneMs).max().orElseThrow());
    }
}
