package io.lepton.gateway.engine.fairness;

/**
 * Decision and outcome counts of one protected group in one window: everything the classification fairness metrics
 * need, as a commutative monoid ({@link #EMPTY}, {@link #merge}) so windows and partitions combine exactly.
 *
 * <p>Events whose outcome label is unknown ({@code null}) count toward {@link #n} and {@link #selected} (selection
 * rate) but not toward {@link #labelled}, {@link #positives}, {@link #truePositives} or {@link #falsePositives}, so
 * TPR and FPR are computed over labelled events only, as Fairlearn and AIF360 would on the labelled subset.
 *
 * @param n               events in the group
 * @param selected        events with a positive decision (ŷ = 1)
 * @param positives       labelled events with a positive outcome (y = 1)
 * @param truePositives   labelled events with ŷ = 1 and y = 1
 * @param falsePositives  labelled events with ŷ = 1 and y = 0
 * @param labelled        events whose outcome label is known
 */
public record GroupStats(long n, long selected, long positives, long truePositives, long falsePositives,
                         long labelled) {

    /** The identity of {@link #merge}: a group with no events. */
    public static final GroupStats EMPTY = new GroupStats(0, 0, 0, 0, 0, 0);

    private static final byte FORMAT_VERSION = 1;

    /** Rejects counts that no sequence of {@link #add} calls can produce. */
    public GroupStats {
        if (n < 0 || selected < 0 || positives < 0 || truePositives < 0 || falsePositives < 0 || labelled < 0) {
            throw new IllegalArgumentException("counts must be non-negative");
        }
        if (selected > n || labelled > n || positives > labelled) {
            throw new IllegalArgumentException("need selected <= n, labelled <= n and positives <= labelled");
        }
        if (truePositives > positives || falsePositives > labelled - positives
                || truePositives + falsePositives > selected) {
            throw new IllegalArgumentException(
                    "need TP <= positives, FP <= labelled negatives and TP + FP <= selected");
        }
    }

    /**
     * This group with one more event.
     *
     * @param decision the decision (customer-service {@code escalated}, financial-sentiment {@code approved})
     * @param label    the ground-truth outcome, or {@code null} when unknown
     */
    public GroupStats add(boolean decision, Boolean label) {
        int sel = decision ? 1 : 0;
        if (label == null) {
            return new GroupStats(n + 1, selected + sel, positives, truePositives, falsePositives, labelled);
        }
        boolean positive = label;
        return new GroupStats(n + 1, selected + sel,
                positives + (positive ? 1 : 0),
                truePositives + (decision && positive ? 1 : 0),
                falsePositives + (decision && !positive ? 1 : 0),
                labelled + 1);
    }

    /** The counts of both operands together; associative and commutative, with {@link #EMPTY} as identity. */
    public GroupStats merge(GroupStats other) {
        return new GroupStats(
                Math.addExact(n, other.n),
                Math.addExact(selected, other.selected),
                Math.addExact(positives, other.positives),
                Math.addExact(truePositives, other.truePositives),
                Math.addExact(falsePositives, other.falsePositives),
                Math.addExact(labelled, other.labelled));
    }

    /** Labelled events with a negative outcome (y = 0): the denominator of the false-positive rate. */
    public long negatives() {
        return labelled - positives;
    }

    /** P(ŷ = 1) = selected / n; NaN for an empty group. */
    public double selectionRate() {
        return ratio(selected, n);
    }

    /** P(ŷ = 1 | y = 1) = TP / positives; NaN when the group has no labelled positives. */
    public double truePositiveRate() {
        return ratio(truePositives, positives);
    }

    /** P(ŷ = 1 | y = 0) = FP / negatives; NaN when the group has no labelled negatives. */
    public double falsePositiveRate() {
        return ratio(falsePositives, negatives());
    }

    /** A compact binary form for state stores: version byte + six unsigned varints (7 bytes for an empty group). */
    public byte[] toBytes() {
        return CompactCodec.writer(FORMAT_VERSION, 6, 0)
                .putCount(n).putCount(selected).putCount(positives)
                .putCount(truePositives).putCount(falsePositives).putCount(labelled)
                .toBytes();
    }

    /** Reads {@link #toBytes()}; fails on input in any other format or with inconsistent counts. */
    public static GroupStats fromBytes(byte[] bytes) {
        CompactCodec in = CompactCodec.reader(bytes, FORMAT_VERSION, "GroupStats");
        GroupStats stats = new GroupStats(in.count(), in.count(), in.count(), in.count(), in.count(), in.count());
        in.requireFullyRead();
        return stats;
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? Double.NaN : (double) numerator / denominator;
    }
}
