package io.lepton.gateway.engine.aggregate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * One subject's bounded contributions to one window of one aggregate: at most L0 groups, at most L∞ contributions
 * per group, each chosen by a keyed sample that needs no reservoir and no randomness at run time.
 *
 * <p>The kept groups are the L0 with the smallest keyed rank PRF(subject, window, group); the kept contributions of
 * a group are the L∞ with the smallest PRF(subject, event id). A bottom-k sample can be maintained exactly online:
 * an item evicted by a smaller rank can never return, because the k-th smallest rank only decreases. The outcome is
 * a function of the set of events, not of their order or of a restart, so a replay keeps the same contributions;
 * two copies of one event have one rank and count once. The PRF is keyed, so a producer cannot aim its events at
 * the kept set of another subject, and the sample is independent of the values, so the bounding is unbiased within
 * a subject's groups.
 */
final class SubjectWindow {

    /** What an offer did. */
    enum Offer { KEPT, DUPLICATE, DROPPED_GROUP, DROPPED_CONTRIBUTION }

    /** A kept contribution: its rank and its values in grid units. */
    record Kept(long rank, long[] values) {
    }

    /** A kept group: its key, its rank, and its kept contributions in rank order. */
    record Group(String key, long rank, List<Kept> contributions) {
    }

    private static final byte VERSION = 1;
    private static final Comparator<Group> GROUP_ORDER =
            Comparator.comparingLong(Group::rank).thenComparing(Group::key);

    private final List<Group> groups;

    private SubjectWindow(List<Group> groups) {
        this.groups = groups;
    }

    static SubjectWindow empty() {
        return new SubjectWindow(new ArrayList<>());
    }

    List<Group> groups() {
        return groups;
    }

    /**
     * Offers one contribution. {@code groupRank} is asked for only when the group is not kept yet: a kept group's
     * rank is stored, and the keyed PRF behind it is the costly part of an offer.
     */
    Offer offer(String group, LongSupplier groupRank, long contributionRank, long[] values, int maxGroups,
            int maxContributions) {
        Group kept = find(group);
        if (kept == null) {
            Group candidate = new Group(group, groupRank.getAsLong(), new ArrayList<>());
            if (groups.size() >= maxGroups) {
                Group largest = groups.get(groups.size() - 1);
                if (GROUP_ORDER.compare(candidate, largest) > 0) {
                    return Offer.DROPPED_GROUP;
                }
                groups.remove(groups.size() - 1);
            }
            groups.add(candidate);
            groups.sort(GROUP_ORDER);
            kept = candidate;
        }
        List<Kept> contributions = kept.contributions();
        int position = 0;
        while (position < contributions.size() && contributions.get(position).rank() < contributionRank) {
            position++;
        }
        if (position < contributions.size() && contributions.get(position).rank() == contributionRank) {
            return Offer.DUPLICATE;
        }
        if (position >= maxContributions) {
            return Offer.DROPPED_CONTRIBUTION;
        }
        contributions.add(position, new Kept(contributionRank, values.clone()));
        if (contributions.size() > maxContributions) {
            contributions.remove(contributions.size() - 1);
        }
        return Offer.KEPT;
    }

    private Group find(String key) {
        for (Group group : groups) {
            if (group.key().equals(key)) {
                return group;
            }
        }
        return null;
    }

    byte[] toBytes() {
        ByteCodec.Writer out = new ByteCodec.Writer();
        out.varint(VERSION);
        out.varint(groups.size());
        for (Group group : groups) {
            out.string(group.key());
            out.fixedLong(group.rank());
            out.varint(group.contributions().size());
            for (Kept kept : group.contributions()) {
                out.fixedLong(kept.rank());
                out.varint(kept.values().length);
                for (long value : kept.values()) {
                    out.zigzag(value);
                }
            }
        }
        return out.toBytes();
    }

    static SubjectWindow fromBytes(byte[] bytes) {
        ByteCodec.Reader in = new ByteCodec.Reader(bytes);
        if (in.varint() != VERSION) {
            throw new IllegalArgumentException("unknown subject-window state version");
        }
        int groupCount = (int) in.varint();
        List<Group> groups = new ArrayList<>(groupCount);
        for (int g = 0; g < groupCount; g++) {
            String key = in.string();
            long rank = in.fixedLong();
            int count = (int) in.varint();
            List<Kept> contributions = new ArrayList<>(count);
            for (int c = 0; c < count; c++) {
                long contributionRank = in.fixedLong();
                long[] values = new long[(int) in.varint()];
                for (int v = 0; v < values.length; v++) {
                    values[v] = in.zigzag();
                }
                contributions.add(new Kept(contributionRank, values));
            }
            groups.add(new Group(key, rank, contributions));
        }
        in.requireEnd();
        return new SubjectWindow(groups);
    }
}
