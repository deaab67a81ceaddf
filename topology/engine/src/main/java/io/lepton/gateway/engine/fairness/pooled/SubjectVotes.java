package io.lepton.gateway.engine.fairness.pooled;

/**
 * The subjects that already voted in each recent pane, as an open-addressing set of 64-bit subject hashes: how the
 * monitor gives one vote per subject per pane. Events are keyed by subject, so all of a subject's events reach the
 * same task and a task-local set suffices. O(1) and allocation-free per event once grown; a hash collision (chance
 * about n²/2⁶⁴) merely drops a vote.
 */
final class SubjectVotes {

    private long[] hashes = new long[1024];
    private long[] panes = new long[1024];
    private boolean[] used = new boolean[1024];
    private int size;

    /** Records the subject's vote in {@code pane}; false when it already voted there. */
    boolean firstVote(long subjectHash, long pane) {
        if (2 * (size + 1) > hashes.length) {
            rehash(hashes.length * 2, Long.MIN_VALUE);
        }
        int mask = hashes.length - 1;
        int slot = (int) mix(subjectHash ^ (pane * 0x9E3779B97F4A7C15L)) & mask;
        while (used[slot]) {
            if (hashes[slot] == subjectHash && panes[slot] == pane) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
        used[slot] = true;
        hashes[slot] = subjectHash;
        panes[slot] = pane;
        size++;
        return true;
    }

    /** Forgets votes of panes before {@code oldestLivePane} (no later event counts in them); once per flush. */
    void forgetBefore(long oldestLivePane) {
        rehash(hashes.length, oldestLivePane);
    }

    int size() {
        return size;
    }

    private void rehash(int capacity, long oldestLivePane) {
        long[] oldHashes = hashes;
        long[] oldPanes = panes;
        boolean[] oldUsed = used;
        hashes = new long[capacity];
        panes = new long[capacity];
        used = new boolean[capacity];
        size = 0;
        int mask = capacity - 1;
        for (int i = 0; i < oldHashes.length; i++) {
            if (oldUsed[i] && oldPanes[i] >= oldestLivePane) {
                int slot = (int) mix(oldHashes[i] ^ (oldPanes[i] * 0x9E3779B97F4A7C15L)) & mask;
                while (used[slot]) {
                    slot = (slot + 1) & mask;
                }
                used[slot] = true;
                hashes[slot] = oldHashes[i];
                panes[slot] = oldPanes[i];
                size++;
            }
        }
    }

    /** Stafford's variant 13 of the MurmurHash3 finalizer: spreads clustered keys over the table. */
    static long mix(long value) {
        long z = (value ^ (value >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
