package io.lepton.gateway.engine.aggregate;

import java.util.TreeMap;

/**
 * The exact, bounded totals of one group in one window, built from the kept contributions of every subject: distinct
 * subjects, events, plain and centred sums per value field (grid units) and sparse leaf counts of each quantile tree.
 */
final class GroupTally {

    private long subjects;
    private long count;
    private final long[] sums;
    private final long[] centredSums;
    private final TreeMap<Integer, Long>[] leaves;

    @SuppressWarnings("unchecked")
    GroupTally(int valueFields) {
        this.sums = new long[valueFields];
        this.centredSums = new long[valueFields];
        this.leaves = new TreeMap[valueFields];
        for (int i = 0; i < valueFields; i++) {
            leaves[i] = new TreeMap<>();
        }
    }

    /** Adds one subject's kept contributions to this group. */
    void addSubject(SubjectWindow.Group group, AggregateQuery query) {
        subjects++;
        for (SubjectWindow.Kept kept : group.contributions()) {
            count++;
            for (int i = 0; i < sums.length; i++) {
                ValueGrid grid = query.grid(i);
                long units = kept.values()[i];
                sums[i] += units;
                centredSums[i] += units - grid.midUnits();
                leaves[i].merge(QuantileTree.leaf(grid, units), 1L, Long::sum);
            }
        }
    }

    long subjects() {
        return subjects;
    }

    long count() {
        return count;
    }

    long sum(int field) {
        return sums[field];
    }

    long centredSum(int field) {
        return centredSums[field];
    }

    TreeMap<Integer, Long> leaves(int field) {
        return leaves[field];
    }
}
