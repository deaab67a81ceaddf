package io.lepton.gateway.streams;

import io.lepton.gateway.engine.LaneTopics;
import io.lepton.gateway.engine.Outcome;
import io.lepton.gateway.engine.audit.ActionTable;
import io.lepton.gateway.engine.audit.RollupTally;
import io.lepton.gateway.engine.sanitize.RecordSanitizer;
import io.lepton.schemas.AuditRecord;
import io.lepton.schemas.AuditRollup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * One sanitizer node's audit roll-ups: every event it decides is counted in the {@link RollupTally} of its window
 * (wall-clock, {@link #WINDOW}), and a punctuator writes each ended window's tally to the lane's audit topic as an
 * {@link AuditRollup}, then forgets it.
 *
 * <p><b>Exactly-once.</b> A tally lives in memory and, after every event, in the lane's roll-up store
 * ({@code <j>.audit-rollups}: in-memory, changelogged, cached). The cache means the changelog receives a tally once
 * per commit, not once per event, and it commits in the same transaction as the events it counts, so after a crash
 * the restored tally matches exactly the events whose outputs were committed; the events after it are processed
 * again and counted again. The emitted roll-up and the deletion of its tally commit together too, so a window is
 * reported once.
 *
 * <p>Keys are {@code family|policyVersion|windowStart}: the store is shared by the lane's sanitizers, and a tally
 * restored after an upgrade keeps the policy version (and the action table) that counted it.
 */
public final class AuditRollups {

    /** Roll-up window: short enough for a dashboard, long enough that roll-ups are a sliver of the audit topic. */
    public static final Duration WINDOW = Duration.ofSeconds(10);
    /** How often ended windows are looked for. */
    public static final Duration PUNCTUATION = Duration.ofSeconds(1);

    private static final char SEPARATOR = '|';

    private final String jurisdiction;
    private final String family;
    private final String policyVersion;
    private final ActionTable actions;
    private final String sink;
    private final Map<Long, Open> open = new HashMap<>();
    private ProcessorContext<Object, Object> context;
    private KeyValueStore<String, byte[]> store;

    /** The tally of one window, with its store key. */
    private record Open(String key, RollupTally tally) {
    }

    AuditRollups(RecordSanitizer sanitizer, String sink) {
        this.jurisdiction = sanitizer.policy().id();
        this.family = sanitizer.family().name();
        this.policyVersion = sanitizer.policy().contentHash();
        this.actions = ActionTable.of(sanitizer);
        this.sink = sink;
    }

    /** Name of {@code jurisdiction}'s roll-up store (its changelog names the jurisdiction). */
    static String storeName(String jurisdiction) {
        return jurisdiction + ".audit-rollups";
    }

    static StoreBuilder<KeyValueStore<String, byte[]>> storeBuilder(String jurisdiction) {
        return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(storeName(jurisdiction)), Serdes.String(),
                Serdes.ByteArray()).withCachingEnabled();
    }

    /**
     * The registry subjects of the lane's audit topic: it carries two record types, so each has its own subject
     * ({@code <topic>-<record full name>}, Confluent's TopicRecordNameStrategy), registered at start-up.
     */
    static Map<String, Schema> auditSubjects(LaneTopics topics) {
        Map<String, Schema> subjects = new LinkedHashMap<>();
        for (Schema schema : List.of(AuditRecord.getClassSchema(), AuditRollup.getClassSchema())) {
            subjects.put(topics.audit() + "-" + schema.getFullName(), schema);
        }
        return subjects;
    }

    /** Starts counting for this task: forgets in-memory tallies (the store holds the committed ones). */
    void init(ProcessorContext<Object, Object> context) {
        this.context = context;
        this.store = context.getStateStore(storeName(jurisdiction));
        open.clear();
        context.schedule(PUNCTUATION, PunctuationType.WALL_CLOCK_TIME, this::emitEnded);
    }

    /** Counts one decided event in the current window. */
    void count(Outcome outcome) {
        long now = context.currentSystemTimeMs();
        long windowStart = now - Math.floorMod(now, WINDOW.toMillis());
        Open window = open.get(windowStart);
        if (window == null) {
            String key = family + SEPARATOR + policyVersion + SEPARATOR + windowStart;
            byte[] stored = store.get(key);
            window = new Open(key, stored == null ? new RollupTally(actions) : RollupTally.decode(stored));
            open.put(windowStart, window);
        }
        window.tally().add(outcome);
        store.put(window.key(), window.tally().encode());
    }

    /** Writes and forgets every tally of this family whose window ended by {@code now}. */
    void emitEnded(long now) {
        List<KeyValue<String, byte[]>> ended = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> all = store.prefixScan(family + SEPARATOR, new StringSerializer())) {
            while (all.hasNext()) {
                KeyValue<String, byte[]> entry = all.next();
                if (windowStart(entry.key) + WINDOW.toMillis() <= now) {
                    ended.add(entry);
                }
            }
        }
        String task = context.taskId().toString();
        for (KeyValue<String, byte[]> entry : ended) {
            long start = windowStart(entry.key);
            String version = entry.key.substring(family.length() + 1, entry.key.lastIndexOf(SEPARATOR));
            AuditRollup rollup = RollupTally.decode(entry.value).toRollup(jurisdiction, family, version, start,
                    start + WINDOW.toMillis(), task);
            context.forward(new Record<String, GenericRecord>(rollupKey(version, start, task), rollup, now), sink);
            store.delete(entry.key);
            if (version.equals(policyVersion)) {
                open.remove(start);
            }
        }
    }

    private String rollupKey(String version, long windowStart, String task) {
        return jurisdiction + SEPARATOR + family + SEPARATOR + version + SEPARATOR + windowStart + SEPARATOR + task;
    }

    private static long windowStart(String key) {
        return Long.parseLong(key.substring(key.lastIndexOf(SEPARATOR) + 1));
    }
}
