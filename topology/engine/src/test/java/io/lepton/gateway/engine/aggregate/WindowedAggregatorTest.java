package io.lepton.gateway.engine.aggregate;

import static io.lepton.gateway.engine.aggregate.AggregateFixtures.HOUR;
import static io.lepton.gateway.engine.aggregate.AggregateFixtures.T0;
import static io.lepton.gateway.engine.aggregate.AggregateFixtures.event;
import static io.lepton.gateway.engine.aggregate.AggregateFixtures.laplace;
import static io.lepton.gateway.engine.aggregate.AggregateFixtures.metric;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lepton.gateway.engine.policy.MetricSpec.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowedAggregatorTest {

    private static final long GRACE = Duration.ofMinutes(5).toMillis();
    private final AggregateQuery query = AggregateFixtures.query(24, laplace(1, 5, 2, 1e-6,
            metric("messages", Kind.COUNT, null), metric("satisfaction", Kind.MEAN, "satisfaction")));

    @Test
    void aWindowIsReleasedOnceWhenStreamTimePassesItsEndPlusGraceAndLateEventsAreDropped() {
        NoiseSource keys = AggregateFixtures.keys("clock");
        WindowedAggregator aggregator = new WindowedAggregator(List.of(query), new InMemoryByteStore(), keys);
        feed(aggregator, keys, 0, 40);

        aggregator.accept(contribution(keys, "x", "at-end", T0 + HOUR + GRACE - 1));
        assertThat(aggregator.closeDue().releases()).as("grace not yet over").isEmpty();

        aggregator.accept(contribution(keys, "y", "past-grace", T0 + HOUR + GRACE));
        WindowedAggregator.Closed closed = aggregator.closeDue();
        assertThat(closed.windows()).isEqualTo(1);
        assertThat(closed.releases()).extracting(AggregateRelease::windowStart).containsOnly(T0);
        assertThat(closed.releases()).extracting(AggregateRelease::windowEnd).containsOnly(T0 + HOUR);
        assertThat(aggregator.closeDue().releases()).as("released exactly once").isEmpty();

        assertThat(aggregator.accept(contribution(keys, "z", "late", T0 + 10))).isEqualTo(
                WindowedAggregator.Admission.LATE);
        assertThat(aggregator.lateDropped(0)).isEqualTo(1);
        // The next window holds only the two subjects x and y: closed once, its single group withheld by key
        // selection (2 subjects are far below τ).
        WindowedAggregator.Closed next = aggregator.advanceTo(T0 + 3 * HOUR);
        assertThat(next.windows()).isEqualTo(1);
        assertThat(next.suppressedGroups()).isEqualTo(1);
        assertThat(next.releases()).isEmpty();
    }

    @Test
    void replayingTheInputWithTheSameKeyReleasesIdenticalValuesAndAnotherKeyDifferentOnes() {
        List<AggregateRelease> first = runOnce("key-a");
        assertThat(runOnce("key-a")).isEqualTo(first);
        List<AggregateRelease> other = runOnce("key-b");
        assertThat(other).hasSameSizeAs(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void aRestartMidWindowContinuesFromTheStoredStateToTheSameRelease() {
        NoiseSource keys = AggregateFixtures.keys("restart");
        InMemoryByteStore store = new InMemoryByteStore();
        feed(new WindowedAggregator(List.of(query), store, keys), keys, 0, 20);
        // A new aggregator over the same store: what a restored task sees.
        WindowedAggregator restarted = new WindowedAggregator(List.of(query), store, keys);
        feed(restarted, keys, 20, 40);
        List<AggregateRelease> afterRestart = restarted.advanceTo(T0 + 2 * HOUR).releases();

        InMemoryByteStore fresh = new InMemoryByteStore();
        WindowedAggregator uninterrupted = new WindowedAggregator(List.of(query), fresh, keys);
        feed(uninterrupted, keys, 0, 40);
        assertThat(uninterrupted.advanceTo(T0 + 2 * HOUR).releases()).isEqualTo(afterRestart);
        assertThat(store.size()).as("closed windows leave only the clock and allowances").isEqualTo(fresh.size());
    }

    @Test
    void allowancesOfAFinishedPeriodAreDeletedSoStateHoldsAboutOnePeriodOfSubjects() {
        NoiseSource keys = AggregateFixtures.keys("purge");
        InMemoryByteStore store = new InMemoryByteStore();
        WindowedAggregator aggregator = new WindowedAggregator(List.of(query), store, keys);
        feed(aggregator, keys, 0, 40);
        aggregator.advanceTo(T0 + 2 * HOUR);
        assertThat(store.size()).as("clock + 40 allowances").isEqualTo(41);
        long nextDay = T0 + 24 * HOUR;
        aggregator.accept(contribution(keys, "d2", "d2", nextDay));
        aggregator.advanceTo(nextDay + 2 * HOUR);
        assertThat(store.size()).as("clock + the one allowance of the new day").isEqualTo(2);
    }

    @Test
    void stateCodecsRoundTripAndRejectCorruption() {
        WindowClock clock = new WindowClock(T0 + 5, T0, 3, T0 - 24 * HOUR);
        assertThat(WindowClock.fromBytes(clock.toBytes())).isEqualTo(clock);
        Contribution contribution = new Contribution(2, "tok", "intent=A%26B", -5L, T0, new long[] {-3, 70_000});
        Contribution decoded = Contribution.fromBytes(contribution.toBytes());
        assertThat(decoded.values()).containsExactly(-3, 70_000);
        assertThat(decoded.toBytes()).isEqualTo(contribution.toBytes());
        byte[] truncated = java.util.Arrays.copyOf(contribution.toBytes(), 5);
        assertThatThrownBy(() -> Contribution.fromBytes(truncated)).isInstanceOf(IllegalArgumentException.class);
        Contribution other = new Contribution(0, "tok", "intent=C", 9L, T0 + 1, new long[] {});
        byte[] bundle = Contribution.bundle(List.of(contribution, other));
        assertThat(Contribution.unbundle(bundle)).extracting(Contribution::aggregate, Contribution::group)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "intent=A%26B"),
                        org.assertj.core.groups.Tuple.tuple(0, "intent=C"));
        assertThat(Contribution.unbundle(contribution.toBytes())).as("a single contribution, as before bundles")
                .extracting(Contribution::toBytes).containsExactly(contribution.toBytes());
        assertThatThrownBy(() -> Contribution.unbundle(java.util.Arrays.copyOf(bundle, bundle.length - 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Contribution.unbundle(new byte[] {(byte) 0xFF, 0}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(GroupKey.decode(GroupKey.encode(List.of("a", "b"), List.of("x=1&y", "%2")))).containsExactly(
                java.util.Map.entry("a", "x=1&y"), java.util.Map.entry("b", "%2"));
    }

    private List<AggregateRelease> runOnce(String key) {
        NoiseSource keys = AggregateFixtures.keys(key);
        WindowedAggregator aggregator = new WindowedAggregator(List.of(query), new InMemoryByteStore(), keys);
        feed(aggregator, keys, 0, 40);
        return aggregator.advanceTo(T0 + 2 * HOUR).releases();
    }

    private void feed(WindowedAggregator aggregator, NoiseSource keys, int from, int to) {
        List<WindowedAggregator.Admission> admissions = new ArrayList<>();
        for (int s = from; s < to; s++) {
            admissions.add(aggregator.accept(contribution(keys, "c" + s, "e" + s, T0 + s * 1000)));
        }
        assertThat(admissions).containsOnly(WindowedAggregator.Admission.KEPT);
    }

    private Contribution contribution(NoiseSource keys, String customer, String eventId, long time) {
        return query.contribution(event(customer, eventId, time, "BILLING", 4, false), time, keys).orElseThrow();
    }
}
