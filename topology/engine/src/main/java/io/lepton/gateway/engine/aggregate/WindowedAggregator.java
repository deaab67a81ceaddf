package io.lepton.gateway.engine.aggregate;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The DP aggregates of one (jurisdiction, family): admits each event's contributions under the per-subject bounds,
 * keeps all state in a {@link ByteStore}, and releases each window once it closes on stream time plus grace.
 *
 * <p>It must see every contribution of the family in one place, in one order: bounding needs all of a subject's
 * events, key selection all of a group's subjects, and stream time all events. The app therefore runs it in a single
 * task behind a one-partition hop that carries only {@link Contribution}s. Everything it decides is a function of the
 * input order and the keys, so a restarted task that restores the store from its changelog continues identically.
 *
 * <p>Store layout (one byte per aggregate index, then a kind byte): {@code [i][1]} the {@link WindowClock};
 * {@code [i][2][token]} the subject's {@link WindowAllowance}; {@code [i][3][window start][token]} the subject's
 * {@link SubjectWindow}. Allowances of finished periods are deleted once per period. Window starts are written big-endian with the sign bit flipped, so byte order is time
 * order and the windows due to close are one range scan.
 */
public final class WindowedAggregator {

    /** What happened to one contribution. */
    public enum Admission {
        /** Kept (for now: a later contribution with a smaller keyed rank may still displace it). */
        KEPT,
        /** A second copy of an already kept event (same event id): counted once. */
        DUPLICATE,
        /** The subject already has L0 groups with smaller keyed ranks in this window. */
        DROPPED_GROUP,
        /** The subject already has L∞ contributions with smaller keyed ranks in this group. */
        DROPPED_CONTRIBUTION,
        /** The subject already joined maxWindowsPerPeriod windows of this aggregate this period. */
        DROPPED_WINDOW,
        /** The event's window was closed (stream time passed its end plus grace). */
        LATE
    }

    /** What closing due windows produced. */
    public record Closed(List<AggregateRelease> releases, int windows, int groups, int suppressedGroups) {
    }

    private static final byte CLOCK = 1;
    private static final byte ALLOWANCE = 2;
    private static final byte SUBJECT_WINDOW = 3;

    private final List<AggregateQuery> queries;
    private final ByteStore store;
    private final NoiseSource source;

    public WindowedAggregator(List<AggregateQuery> queries, ByteStore store, NoiseSource source) {
        if (queries.size() > Contribution.MAX_AGGREGATES) {
            throw new IllegalArgumentException("at most 127 aggregates per family");
        }
        this.queries = List.copyOf(queries);
        this.store = store;
        this.source = source;
    }

    public List<AggregateQuery> queries() {
        return queries;
    }

    /** Admits one contribution (see {@link Admission}); its event time also advances the aggregate's stream time. */
    public Admission accept(Contribution contribution) {
        AggregateQuery query = queries.get(contribution.aggregate());
        int index = query.index();
        WindowClock before = clock(index);
        WindowClock clock = before.advance(contribution.eventTime());
        long windowStart = query.windowStart(contribution.eventTime());
        Admission admission;
        if (clock.isClosed(windowStart, query.windowMillis(), query.graceMillis())) {
            clock = clock.countLate();
            admission = Admission.LATE;
        } else {
            admission = admit(query, contribution, windowStart);
        }
        if (!clock.equals(before)) {
            store.put(clockKey(index), clock.toBytes());
        }
        return admission;
    }

    private Admission admit(AggregateQuery query, Contribution contribution, long windowStart) {
        byte[] allowanceKey = key(query.index(), ALLOWANCE, null, contribution.subjectToken());
        byte[] stored = store.get(allowanceKey);
        WindowAllowance.Decision decision = WindowAllowance.admit(
                stored == null ? null : WindowAllowance.fromBytes(stored), windowStart, query.windowMillis(),
                query.periodMillis(), query.maxWindowsPerPeriod());
        byte[] next = decision.next().toBytes();
        if (!java.util.Arrays.equals(stored, next)) {
            store.put(allowanceKey, next);
        }
        if (!decision.admitted()) {
            return Admission.DROPPED_WINDOW;
        }
        byte[] windowKey = key(query.index(), SUBJECT_WINDOW, windowStart, contribution.subjectToken());
        byte[] bytes = store.get(windowKey);
        SubjectWindow window = bytes == null ? SubjectWindow.empty() : SubjectWindow.fromBytes(bytes);
        SubjectWindow.Offer offer = window.offer(contribution.group(),
                () -> query.groupRank(source, contribution.subjectToken(), windowStart, contribution.group()),
                contribution.eventRank(),
                contribution.values(), query.spec().maxGroupsPerSubject(),
                query.spec().maxContributionsPerGroup());
        if (offer == SubjectWindow.Offer.KEPT) {
            store.put(windowKey, window.toBytes());
        }
        return switch (offer) {
            case KEPT -> Admission.KEPT;
            case DUPLICATE -> Admission.DUPLICATE;
            case DROPPED_GROUP -> Admission.DROPPED_GROUP;
            case DROPPED_CONTRIBUTION -> Admission.DROPPED_CONTRIBUTION;
        };
    }

    /** Releases every window of every aggregate that its stream time has closed, once, and deletes its state. */
    public Closed closeDue() {
        List<AggregateRelease> releases = new ArrayList<>();
        int windows = 0;
        int groups = 0;
        int suppressed = 0;
        for (AggregateQuery query : queries) {
            WindowClock clock = clock(query.index());
            if (clock.streamTime() == Long.MIN_VALUE) {
                continue;
            }
            long lastClosable = clock.streamTime() - query.graceMillis() - query.windowMillis();
            TreeMap<Long, List<byte[]>> due = new TreeMap<>();
            TreeMap<Long, SortedMap<String, GroupTally>> tallies = new TreeMap<>();
            store.range(key(query.index(), SUBJECT_WINDOW, Long.MIN_VALUE, null),
                    key(query.index(), SUBJECT_WINDOW, lastClosable + 1, null), (key, value) -> {
                        long windowStart = windowStartOf(key);
                        due.computeIfAbsent(windowStart, w -> new ArrayList<>()).add(key);
                        SortedMap<String, GroupTally> byGroup = tallies.computeIfAbsent(windowStart,
                                w -> new TreeMap<>());
                        for (SubjectWindow.Group group : SubjectWindow.fromBytes(value).groups()) {
                            byGroup.computeIfAbsent(group.key(), g -> new GroupTally(query.valueFields().size()))
                                    .addSubject(group, query);
                        }
                    });
            for (var entry : tallies.entrySet()) {
                WindowRelease.Result result = WindowRelease.release(query, entry.getKey(), entry.getValue(), source);
                releases.addAll(result.releases());
                windows++;
                groups += result.groups();
                suppressed += result.suppressedGroups();
                due.get(entry.getKey()).forEach(store::delete);
                clock = clock.released(entry.getKey() + query.windowMillis());
            }
            store.put(clockKey(query.index()), purgeAllowances(query, clock, lastClosable).toBytes());
        }
        return new Closed(List.copyOf(releases), windows, groups, suppressed);
    }

    /**
     * Deletes the window allowances of budget periods whose windows are all closed (any event for them is late, so
     * they can never admit again), once per period: the allowance state holds about one period of subjects.
     */
    private WindowClock purgeAllowances(AggregateQuery query, WindowClock clock, long lastClosable) {
        long period = Math.floorDiv(lastClosable, query.periodMillis()) * query.periodMillis();
        if (period <= clock.purgedBefore()) {
            return clock;
        }
        List<byte[]> stale = new ArrayList<>();
        store.range(key(query.index(), ALLOWANCE, null, null), key(query.index(), (byte) (ALLOWANCE + 1), null, null),
                (key, value) -> {
                    if (WindowAllowance.fromBytes(value).periodStart() < period) {
                        stale.add(key);
                    }
                });
        stale.forEach(store::delete);
        return clock.purged(period);
    }

    /**
     * Moves every aggregate's stream time to at least {@code time} without an event, then closes what is due: the
     * end of a finite input (a replay, the accuracy harness), where no later event will advance the clock.
     */
    public Closed advanceTo(long time) {
        for (AggregateQuery query : queries) {
            WindowClock clock = clock(query.index());
            store.put(clockKey(query.index()), clock.advance(time).toBytes());
        }
        return closeDue();
    }

    /** Events of aggregate {@code index} dropped as late so far. */
    public long lateDropped(int index) {
        return clock(index).lateDropped();
    }

    private WindowClock clock(int index) {
        byte[] bytes = store.get(clockKey(index));
        return bytes == null ? WindowClock.initial() : WindowClock.fromBytes(bytes);
    }

    private static byte[] clockKey(int index) {
        return new byte[] {(byte) index, CLOCK};
    }

    private static byte[] key(int index, byte kind, Long windowStart, String token) {
        byte[] tokenBytes = token == null ? new byte[0] : token.getBytes(StandardCharsets.UTF_8);
        ByteBuffer key = ByteBuffer.allocate(2 + (windowStart == null ? 0 : Long.BYTES) + tokenBytes.length);
        key.put((byte) index).put(kind);
        if (windowStart != null) {
            key.putLong(windowStart ^ Long.MIN_VALUE);
        }
        return key.put(tokenBytes).array();
    }

    private static long windowStartOf(byte[] key) {
        return ByteBuffer.wrap(key, 2, Long.BYTES).getLong() ^ Long.MIN_VALUE;
    }
}
