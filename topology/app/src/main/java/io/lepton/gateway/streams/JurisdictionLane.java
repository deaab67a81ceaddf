package io.lepton.gateway.streams;

import io.lepton.gateway.engine.GatewayEngine;
import io.lepton.gateway.engine.LaneTopics;
import io.lepton.gateway.engine.fairness.FairnessObservations;
import io.lepton.gateway.engine.fairness.HoppingWindows;
import io.lepton.gateway.engine.family.EventFamily;
import io.lepton.gateway.engine.policy.FairnessSettings;
import io.lepton.gateway.engine.policy.JurisdictionPolicy;
import io.lepton.gateway.failure.FailClosedProcessor;
import io.lepton.schemas.FairnessAlert;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * Everything one jurisdiction's data passes through after routing: its nodes, sinks, state stores, topics and output
 * schemas, built once per policy. Residency is a property of this object: every sink it adds writes one of its own
 * {@link LaneTopics}, every store it adds is its own, and the router reaches it only through its {@link LaneInlet}s.
 * {@link LaneResidency} checks the built topology against that, so adding an output is a change here alone.
 *
 * <pre>
 * inlet(f) ─┬→ &lt;j&gt;.sanitize.&lt;f&gt; (stores dp-ledger-&lt;j&gt;, &lt;j&gt;.audit-rollups) ─┬→ sanitized.&lt;j&gt;.&lt;f&gt;
 *           │                                                                  ├→ privacy.audit.&lt;j&gt;
 *           │                                                                  └→ quarantine.&lt;j&gt;
 *           └→ &lt;j&gt;.fairness.&lt;f&gt; (stores &lt;j&gt;.fairness-*.&lt;f&gt;) ──→ fairness.alerts.&lt;j&gt;
 * </pre>
 */
public final class JurisdictionLane {

    private final JurisdictionPolicy policy;
    private final LaneTopics topics;
    private final List<EventFamily> families;
    private final Map<EventFamily, LaneInlet> inlets = new LinkedHashMap<>();
    private final Set<String> nodes = new LinkedHashSet<>();
    private final Set<String> stores = new LinkedHashSet<>();

    JurisdictionLane(JurisdictionPolicy policy, List<EventFamily> families) {
        this.policy = policy;
        this.topics = LaneTopics.of(policy);
        this.families = List.copyOf(families);
        for (EventFamily family : families) {
            List<String> children = new ArrayList<>();
            children.add(sanitizeNode(family));
            nodes.addAll(List.of(sanitizeNode(family), node("sanitized", family), node("audit", family),
                    node("quarantine", family)));
            if (monitors(family)) {
                children.add(fairnessNode(family));
                nodes.addAll(List.of(fairnessNode(family), node("fairness-alerts", family)));
                stores.addAll(List.of(node("fairness-windows", family), node("fairness-state", family)));
            }
            inlets.put(family, new LaneInlet(policy, children));
        }
        stores.add(LedgerStore.name(policy.id()));
        stores.add(AuditRollups.storeName(policy.id()));
    }

    public JurisdictionPolicy policy() {
        return policy;
    }

    public LaneTopics topics() {
        return topics;
    }

    /** Every topic this lane writes, for topic creation and residency checks. */
    public List<String> outputTopics() {
        return topics.all(families);
    }

    /** The way into this lane for {@code family}'s routed events. */
    LaneInlet inlet(EventFamily family) {
        return inlets.get(family);
    }

    /** Every inlet of this lane, one per family. */
    List<LaneInlet> inlets() {
        return List.copyOf(inlets.values());
    }

    /** Names of every processor and sink this lane adds to the topology. */
    Set<String> nodes() {
        return Collections.unmodifiableSet(nodes);
    }

    /** Names of every state store this lane adds (their changelogs stay in the raw topics' cluster). */
    Set<String> stores() {
        return Collections.unmodifiableSet(stores);
    }

    /**
     * The value schema of each output topic that carries one Avro record type (the audit topic carries two: see
     * {@link AuditRollups#auditSubjects}), registered at start-up so that no
     * registration happens on the hot path (where two stream threads could race for a new subject).
     */
    public Map<String, Schema> valueSchemas(GatewayEngine engine) {
        Map<String, Schema> schemas = new LinkedHashMap<>();
        for (EventFamily family : families) {
            schemas.put(topics.sanitized(family), engine.sanitizer(policy.id(), family.name()).outputSchema());
        }
        if (families.stream().anyMatch(this::monitors)) {
            schemas.put(topics.fairnessAlerts(), FairnessAlert.getClassSchema());
        }
        return schemas;
    }

    /**
     * Adds this lane's nodes, sinks and stores; {@code parents} are, per family, the router nodes whose
     * {@link #inlet inlet} forwards to them.
     */
    void addTo(Topology topology, LaneServices services, Map<EventFamily, List<String>> parents) {
        List<String> sanitizers = new ArrayList<>();
        for (EventFamily family : families) {
            String[] from = parents.get(family).toArray(String[]::new);
            sanitizers.add(addSanitizer(topology, services, family, from));
            if (monitors(family)) {
                addFairnessMonitor(topology, services, family, from);
            }
        }
        topology.addStateStore(LedgerStore.builder(policy.id()), sanitizers.toArray(String[]::new));
        topology.addStateStore(AuditRollups.storeBuilder(policy.id()), sanitizers.toArray(String[]::new));
    }

    private String addSanitizer(Topology topology, LaneServices services, EventFamily family, String[] parents) {
        String node = sanitizeNode(family);
        SanitizeProcessor.Sinks sinks = new SanitizeProcessor.Sinks(node("sanitized", family), node("audit", family),
                node("quarantine", family));
        // Fail closed: a record whose sanitizing throws goes to the lane's quarantine, never half-released.
        topology.addProcessor(node, FailClosedProcessor.wrap(() -> new SanitizeProcessor(services.engine(), policy,
                family, sinks, services.budgets(), services.records()), node, sinks.quarantine(),
                record -> record.withKey(QuarantineHeaders.takeOriginalKey(record.headers(), record.key())),
                services.failures()), parents);
        topology.addSink(sinks.sanitized(), topics.sanitized(family), new StringSerializer(),
                services.codec().avroSerializer(), node);
        topology.addSink(sinks.audit(), topics.audit(), new StringSerializer(), services.codec().auditSerializer(),
                node);
        topology.addSink(sinks.quarantine(), topics.quarantine(), new ByteArraySerializer(),
                RoutedEvent.RAW_BYTES.serializer(), node);
        return node;
    }

    private void addFairnessMonitor(Topology topology, LaneServices services, EventFamily family, String[] parents) {
        String node = fairnessNode(family);
        String windowStore = node("fairness-windows", family);
        String stateStore = node("fairness-state", family);
        FairnessSettings settings = policy.fairness();
        HoppingWindows windows = HoppingWindows.of(settings.windowSize(), settings.windowAdvance(), settings.grace());
        topology.addProcessor(node, () -> new FairnessMonitorProcessor(policy, family, FairnessObservations.of(family),
                windowStore, stateStore, services.fairness()), parents);
        topology.addStateStore(Stores.windowStoreBuilder(
                Stores.inMemoryWindowStore(windowStore, settings.windowSize().plus(settings.grace()),
                        Duration.ofMillis(windows.paneMs()), false),
                Serdes.String(), Serdes.ByteArray()).withCachingEnabled(), node);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(stateStore),
                Serdes.String(), Serdes.ByteArray()).withCachingEnabled(), node);
        String sink = node("fairness-alerts", family);
        topology.addSink(sink, topics.fairnessAlerts(), new StringSerializer(), services.codec().avroSerializer(),
                node);
    }

    private boolean monitors(EventFamily family) {
        return policy.fairness().enabled() && FairnessObservations.of(family).monitorsAnything();
    }

    private String sanitizeNode(EventFamily family) {
        return node("sanitize", family);
    }

    private String fairnessNode(EventFamily family) {
        return node("fairness", family);
    }

    /**
     * Node and store names start with the jurisdiction, so a topology description reads lane by lane and every
     * changelog topic names its jurisdiction.
     */
    private String node(String role, EventFamily family) {
        return policy.id() + "." + role + "." + family.name();
    }

}
