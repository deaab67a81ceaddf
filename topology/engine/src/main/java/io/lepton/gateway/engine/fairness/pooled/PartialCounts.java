package io.lepton.gateway.engine.fairness.pooled;

import io.lepton.gateway.engine.fairness.HoppingWindows;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One task's votes of one (jurisdiction, family) since its last flush, per attribute, group and pane: the map side
 * of the pooled monitor. Per event it does a set lookup (one vote per subject per pane, {@link SubjectVotes}) and an
 * increment in an open-addressing table of primitive arrays: O(1) and allocation-free once the tables have grown.
 * A decision adds to the vote, selected, labelled-positive and true-positive counters; a ranking impression adds to
 * the vote counter and to fixed-point sums of its position weight and relevance ({@link ExposureUnits}).
 * {@link #drain(long)} turns the table into one {@link CountDelta} per attribute and empties it, once per
 * punctuation.
 *
 * <p>Groups are bounded per attribute: the reference group is always admitted, then the first
 * {@code maxGroupsPerAttribute − 2} others; later ones are counted as {@value #OTHER}.
 */
public final class PartialCounts {

    /** The group that collects values once an attribute has its maximum of named groups. */
    public static final String OTHER = "other";
    private static final int COUNTERS = CountDelta.COUNTERS;

    private final HoppingWindows windows;
    private final Map<String, String> referenceGroups;
    private final int maxGroupsPerAttribute;
    private final SubjectVotes subjects = new SubjectVotes();
    private final Map<String, Integer> attributeIds = new HashMap<>();
    private final List<String> attributes = new ArrayList<>();
    private final List<Map<String, Integer>> groupIds = new ArrayList<>();
    private final List<List<String>> groups = new ArrayList<>();
    private long[] keys = new long[256];
    private long[] counts = new long[256 * COUNTERS];
    private boolean[] used = new boolean[256];
    private int size;

    public PartialCounts(HoppingWindows windows, Map<String, String> referenceGroups, int maxGroupsPerAttribute) {
        this.windows = windows;
        this.referenceGroups = Map.copyOf(referenceGroups);
        this.maxGroupsPerAttribute = maxGroupsPerAttribute;
    }

    /**
     * A 64-bit hash of a subject id, over its UTF-16 code units (FNV-1a, then mixed) without copying it; the id
     * itself is never kept.
     */
    public static long subjectHash(CharSequence subject) {
        long hash = 0xCBF29CE484222325L;
        for (int i = 0; i < subject.length(); i++) {
            hash = (hash ^ subject.charAt(i)) * 0x100000001B3L;
        }
        return SubjectVotes.mix(hash);
    }

    /** Whether this is the subject's first event in the pane of {@code eventTime}; only then does it vote. */
    public boolean firstVote(long subjectHash, long eventTime) {
        return subjects.firstVote(subjectHash, eventTime / windows.paneMs());
    }

    /** Counts one vote of {@code group} for {@code attribute} in the pane of {@code eventTime}. */
    public void add(String attribute, String group, long eventTime, boolean decision, Boolean label) {
        int base = counters(attribute, group, eventTime);
        counts[base]++;
        if (decision) {
            counts[base + 1]++;
        }
        if (Boolean.TRUE.equals(label)) {
            counts[base + 2]++;
            if (decision) {
                counts[base + 3]++;
            }
        }
    }

    /**
     * Counts one ranking impression of {@code group} (the item's provider group) for {@code attribute} in the pane of
     * {@code eventTime}.
     *
     * @param rank      1-based position in the ranking
     * @param relevance the item's relevance score, clamped to [0, 1]
     */
    public void addImpression(String attribute, String group, long eventTime, int rank, double relevance) {
        int base = counters(attribute, group, eventTime);
        counts[base]++;
        counts[base + 4] += ExposureUnits.exposure(rank);
        counts[base + 5] += ExposureUnits.relevance(relevance);
    }

    /** The index of the first counter of (attribute, group, pane of {@code eventTime}), created empty if new. */
    private int counters(String attribute, String group, long eventTime) {
        int attributeId = attributeId(attribute);
        long key = ((long) attributeId << 56) | ((long) groupId(attributeId, group) << 40)
                | (eventTime / windows.paneMs());
        return slot(key) * COUNTERS;
    }

    /**
     * Empties the table into one delta per attribute and forgets the subjects of panes that no window open at
     * {@code streamTime} (with grace) can still count.
     */
    public Map<String, CountDelta> drain(long streamTime) {
        Map<String, List<CountDelta.Row>> rows = new LinkedHashMap<>();
        for (int slot = 0; slot < keys.length; slot++) {
            if (!used[slot]) {
                continue;
            }
            long key = keys[slot];
            int attributeId = (int) (key >>> 56);
            int groupId = (int) ((key >>> 40) & 0xFFFF);
            long pane = key & 0xFF_FFFF_FFFFL;
            int base = slot * COUNTERS;
            rows.computeIfAbsent(attributes.get(attributeId), a -> new ArrayList<>()).add(new CountDelta.Row(
                    groups.get(attributeId).get(groupId), pane * windows.paneMs(), counts[base], counts[base + 1],
                    counts[base + 2], counts[base + 3], counts[base + 4], counts[base + 5]));
        }
        Arrays.fill(used, false);
        Arrays.fill(counts, 0);
        size = 0;
        long oldestLive = (streamTime - windows.graceMs()) / windows.paneMs();
        subjects.forgetBefore(oldestLive);
        Map<String, CountDelta> deltas = new LinkedHashMap<>();
        rows.forEach((attribute, list) -> deltas.put(attribute, new CountDelta(list)));
        return deltas;
    }

    private int attributeId(String attribute) {
        Integer id = attributeIds.get(attribute);
        if (id != null) {
            return id;
        }
        int created = attributes.size();
        attributeIds.put(attribute, created);
        attributes.add(attribute);
        groupIds.add(new HashMap<>());
        groups.add(new ArrayList<>());
        return created;
    }

    private int groupId(int attributeId, String group) {
        Map<String, Integer> ids = groupIds.get(attributeId);
        Integer id = ids.get(group);
        if (id != null) {
            return id;
        }
        String referenceGroup = referenceGroups.get(attributes.get(attributeId));
        boolean reference = group.equals(referenceGroup);
        int others = ids.size() - (ids.containsKey(OTHER) ? 1 : 0) - (ids.containsKey(referenceGroup) ? 1 : 0);
        String admitted = reference || others < maxGroupsPerAttribute - 2 ? group : OTHER;
        Integer existing = ids.get(admitted);
        if (existing != null) {
            return existing;
        }
        int created = groups.get(attributeId).size();
        ids.put(admitted, created);
        groups.get(attributeId).add(admitted);
        return created;
    }

    private int slot(long key) {
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int slot = (int) SubjectVotes.mix(key) & mask;
        while (used[slot]) {
            if (keys[slot] == key) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
        used[slot] = true;
        keys[slot] = key;
        size++;
        return slot;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldCounts = counts;
        boolean[] oldUsed = used;
        keys = new long[oldKeys.length * 2];
        counts = new long[keys.length * COUNTERS];
        used = new boolean[keys.length];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldUsed[i]) {
                int slot = slot(oldKeys[i]);
                System.arraycopy(oldCounts, i * COUNTERS, counts, slot * COUNTERS, COUNTERS);
            }
        }
    }
}
