package io.lepton.gateway.streams;

import io.lepton.gateway.engine.GatewayEngine;
import io.lepton.gateway.engine.LaneTopics;
import io.lepton.gateway.engine.family.EventFamily;
import io.lepton.gateway.engine.policy.JurisdictionPolicy;
import io.lepton.gateway.failure.FailClosedProcessor;
import io.lepton.gateway.streams.aggregate.DpAggregateTopology;
import io.lepton.gateway.streams.fairness.PooledFairnessStage;
import io.lepton.schemas.DpAggregate;
import io.lepton.schemas.FairnessAlert;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;

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
 *           ├→ &lt;j&gt;.fairness-count.&lt;f&gt; ─→ fairness.counts.&lt;j&gt; ─→ &lt;j&gt;.fairness-merge
 *           │    (store &lt;j&gt;.fairness-pooled) ─→ fairness.alerts.&lt;j&gt;        ({@link PooledFairnessStage})
 *           └→ &lt;j&gt;.aggregates-contributions.&lt;f&gt; → dp-contributions.&lt;j&gt;.&lt;f&gt; (partition 0)
 *                → &lt;j&gt;.aggregates.&lt;f&gt; (store &lt;j&gt;.aggregates-state.&lt;f&gt;) → LaneTopics#aggregates
 * </pre>
 * The aggregates branch exists only for families whose policy declares aggregates; the fairness counts and the
 * contributions hop are the lane's internal topics, written and read back by the lane alone.
 */
public final class JurisdictionLane {

    private final JurisdictionPolicy policy;
    private final LaneTopics topics;
    private final List<EventFamily> families;
    private final Optional<PooledFairnessStage> fairness;
    private final Map<EventFamily, LaneInlet> inlets = new LinkedHashMap<>();
    private final Map<EventFamily, DpAggregateTopology.Nodes> aggregates = new LinkedHashMap<>();
    private final Set<String> nodes = new LinkedHashSet<>();
    private final Set<String> stores = new LinkedHashSet<>();

    JurisdictionLane(JurisdictionPolicy policy, List<EventFamily> families) {
        this.policy = policy;
        this.topics = LaneTopics.of(policy);
        this.families = List.copyOf(families);
        this.fairness = PooledFairnessStage.of(policy, this.families, topics);
        for (EventFamily family : families) {
            List<String> children = new ArrayList<>();
            children.add(sanitizeNode(family));
            nodes.addAll(List.of(sanitizeNode(family), node("sanitized", family), node("audit", family),
                    node("quarantine", family)));
            fairness.flatMap(stage -> stage.mapNode(family)).ifPresent(children::add);
            if (!policy.aggregates().forFamily(family.name()).isEmpty()) {
                DpAggregateTopology.Nodes stage = aggregateNodes(family);
                aggregates.put(family, stage);
                children.add(stage.contributions());
                nodes.addAll(stage.all());
                stores.add(stage.store());
            }
            inlets.put(family, new LaneInlet(policy, children));
        }
        fairness.ifPresent(stage -> {
            nodes.addAll(stage.nodes().nodes());
            stores.add(stage.nodes().storeName());
        });
        stores.add(LedgerStore.name(policy.id()));
        stores.add(AuditRollups.storeName(policy.id()));
    }

    public JurisdictionPolicy policy() {
        return policy;
    }

    public LaneTopics topics() {
        return topics;
    }

    /**
     * Every output topic this lane writes, for topic creation and residency checks: fairness alerts only where the
     * lane monitors, an aggregates topic only for a family whose policy declares aggregates.
     */
    public List<String> outputTopics() {
        List<String> declared = aggregates.values().stream().map(DpAggregateTopology.Nodes::outputTopic).toList();
        return topics.all(families).stream().filter(topic -> LaneTopics.Kind.of(topic).map(kind -> switch (kind) {
            case FAIRNESS_COUNTS -> false;
            case FAIRNESS_ALERTS -> fairness.isPresent();
            case AGGREGATES -> declared.contains(topic);
            default -> true;
        }).orElse(true)).toList();
    }

    /**
     * Topics the lane writes and reads back itself (the fairness counts on their way to the merge, the aggregates'
     * contributions hop): created with the outputs, in the raw topics' cluster, of no use to a consumer.
     */
    public List<String> internalTopics() {
        List<String> internal = new ArrayList<>();
        fairness.ifPresent(stage -> internal.add(topics.fairnessCounts()));
        aggregates.values().forEach(stage -> internal.add(stage.hopTopic()));
        return internal;
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
        if (fairness.isPresent()) {
            schemas.put(topics.fairnessAlerts(), FairnessAlert.getClassSchema());
        }
        aggregates.values().forEach(stage -> schemas.put(stage.outputTopic(), DpAggregate.getClassSchema()));
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
            DpAggregateTopology.Nodes stage = aggregates.get(family);
            if (stage != null) {
                GatewayEngine engine = services.engine();
                DpAggregateTopology.addTo(topology, stage, DpAggregateTopology.Settings.of(
                        engine.aggregates(policy.id(), family.name()), engine.aggregateNoise(),
                        event -> engine.acceptedEventTime(policy, family, event), services.codec().avroSerializer(),
                        services.aggregates()), RoutedEvent::record, from);
            }
        }
        topology.addStateStore(LedgerStore.builder(policy.id()), sanitizers.toArray(String[]::new));
        topology.addStateStore(AuditRollups.storeBuilder(policy.id()), sanitizers.toArray(String[]::new));
        fairness.ifPresent(stage -> stage.<RoutedEvent>addTo(topology, parents, RoutedEvent::record,
                (family, event) -> services.engine().acceptedEventTime(policy, family, event),
                services.codec().avroSerializer(), services.fairness()));
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

    private DpAggregateTopology.Nodes aggregateNodes(EventFamily family) {
        return new DpAggregateTopology.Nodes(node("aggregates-contributions", family),
                node("aggregates-hop-out", family), node("aggregates-hop-in", family), node("aggregates", family),
                node("aggregates-releases", family), node("aggregates-state", family), topics.contributions(family),
                topics.aggregates(family));
    }

    private String sanitizeNode(EventFamily family) {
        return node("sanitize", family);
    }

    /**
     * Node and store names start with the jurisdiction, so a topology description reads lane by lane and every
     * changelog topic names its jurisdiction.
     */
    private String node(String role, EventFamily family) {
        return policy.id() + "." + role + "." + family.name();
    }

}
