package io.lepton.loadtest.jmh;

import io.lepton.gateway.engine.GatewayEngine;
import io.lepton.gateway.engine.Outcome;
import io.lepton.gateway.engine.audit.ActionTable;
import io.lepton.gateway.engine.audit.RollupTally;
import io.lepton.gateway.engine.dp.InMemoryPrivacyLedger;
import io.lepton.gateway.engine.dp.PrivacyLedger;
import io.lepton.gateway.engine.provenance.ProvenanceEncoder;
import io.lepton.gateway.engine.sanitize.DpRelease;
import io.lepton.gateway.engine.sanitize.RecordSanitizer;
import io.lepton.serdes.registry.InMemorySchemaRegistryClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The per-event cost of what replaced the per-event audit record, on the engine's outcomes for generated events of
 * all families and regions: {@link #encodeHeaders} encodes a released record's provenance headers into Kafka
 * {@link RecordHeaders} (what {@code SanitizeProcessor} does); {@link #rollUp} counts an outcome in its roll-up tally
 * and encodes the tally for the store, as {@code AuditRollups} does after every event (the store's cache put is not
 * included). Scores are events per second on one thread.
 *
 * <p>Run: {@code java -cp "$(cat loadtest/target/classpath.txt):loadtest/target/classes" org.openjdk.jmh.Main
 * ProvenanceBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class ProvenanceBenchmark {

    static final int EVENTS = 2_000;

    private final List<Outcome.Released> released = new ArrayList<>();
    private final List<ProvenanceEncoder> encoders = new ArrayList<>();
    private final List<Outcome> outcomes = new ArrayList<>();
    private final List<String> lanes = new ArrayList<>();
    private final Map<String, ActionTable> tables = new HashMap<>();

    @Setup
    public void setUp() {
        GatewayEngine engine = GeneratedEvents.engine();
        List<GeneratedEvents.Event> events = GeneratedEvents.generate(EVENTS, 42L, engine,
                new InMemorySchemaRegistryClient());
        PrivacyLedger ledger = new InMemoryPrivacyLedger();
        Map<String, ProvenanceEncoder> byLane = new HashMap<>();
        for (GeneratedEvents.Event event : events) {
            Outcome outcome = engine.process(event.family(), event.decoded(), ledger);
            if (outcome instanceof Outcome.Quarantined q && q.policy() == null) {
                continue;
            }
            String jurisdiction = outcome instanceof Outcome.Released r ? r.policy().id()
                    : outcome instanceof Outcome.Suppressed s ? s.policy().id()
                    : ((Outcome.Quarantined) outcome).policy().id();
            String lane = jurisdiction + "/" + event.family().name();
            RecordSanitizer sanitizer = engine.sanitizer(jurisdiction, event.family().name());
            tables.computeIfAbsent(lane, l -> ActionTable.of(sanitizer));
            outcomes.add(outcome);
            lanes.add(lane);
            if (outcome instanceof Outcome.Released r) {
                released.add(r);
                encoders.add(byLane.computeIfAbsent(lane, l -> new ProvenanceEncoder(sanitizer.policy(),
                        sanitizer.family(), sanitizer.actionsByField(), "0.1.0-bench")));
            }
        }
    }

    /** Encoding from the engine's inputs (release kind, ε, band, detections), then writing Kafka headers. */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void encodeHeaders(Blackhole blackhole) {
        int n = released.size();
        for (int i = 0; i < EVENTS; i++) {
            Outcome.Released r = released.get(i % n);
            DpRelease release = r.budget().outcome().name().equals("WITHHELD") ? DpRelease.WITHHOLD
                    : DpRelease.RELEASE;
            Headers headers = new RecordHeaders();
            encoders.get(i % n).encode(release, r.budget().epsilonSpent(), r.provenance().budget(),
                    r.event().detections()).writeTo(headers::add);
            blackhole.consume(headers);
        }
    }

    /** Counting each outcome in its lane's current tally and encoding the tally, as after every event. */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long rollUp() {
        Map<String, RollupTally> tallies = new HashMap<>();
        long bytes = 0;
        int n = outcomes.size();
        for (int i = 0; i < EVENTS; i++) {
            String lane = lanes.get(i % n);
            RollupTally tally = tallies.get(lane);
            if (tally == null) {
                tally = new RollupTally(tables.get(lane));
                tallies.put(lane, tally);
            }
            tally.add(outcomes.get(i % n));
            bytes += tally.encode().length;
        }
        return bytes;
    }
}
