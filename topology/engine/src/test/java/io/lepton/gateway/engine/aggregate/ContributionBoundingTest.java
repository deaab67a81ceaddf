package io.lepton.gateway.engine.aggregate;

import static io.lepton.gateway.engine.aggregate.AggregateFixtures.HOUR;
import static io.lepton.gateway.engine.aggregate.AggregateFixtures.T0;
import static io.lepton.gateway.engine.aggregate.AggregateFixtures.event;
import static io.lepton.gateway.engine.aggregate.AggregateFixtures.laplace;
import static io.lepton.gateway.engine.aggregate.AggregateFixtures.metric;
import static org.assertj.core.api.Assertions.assertThat;

import io.lepton.gateway.engine.policy.MetricSpec.Kind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ContributionBoundingTest {

    private static final NoiseSource KEYS = AggregateFixtures.keys("bounding");

    private record Offered(String group, long groupRank, long rank) {
    }

    @Test
    void aSubjectKeepsTheL0GroupsAndLInfContributionsWithTheSmallestRanksWhateverTheOrder() {
        Random random = new Random(7);
        List<Offered> offers = new ArrayList<>();
        for (int g = 0; g < 6; g++) {
            long groupRank = random.nextLong();
            for (int c = 0; c < 8; c++) {
                offers.add(new Offered("g" + g, groupRank, random.nextLong()));
            }
        }
        // Oracle: sort everything once (bottom-k by definition), independent of the online algorithm.
        List<String> expectedGroups = offers.stream().sorted(Comparator.comparingLong(Offered::groupRank))
                .map(Offered::group).distinct().limit(2).toList();
        byte[] first = null;
        for (int shuffle = 0; shuffle < 20; shuffle++) {
            Collections.shuffle(offers, random);
            SubjectWindow window = SubjectWindow.empty();
            for (Offered offer : offers) {
                window.offer(offer.group(), offer::groupRank, offer.rank(), new long[0], 2, 3);
            }
            assertThat(window.groups()).extracting(SubjectWindow.Group::key)
                    .containsExactlyInAnyOrderElementsOf(expectedGroups);
            for (SubjectWindow.Group group : window.groups()) {
                List<Long> expectedRanks = offers.stream().filter(o -> o.group().equals(group.key()))
                        .map(Offered::rank).sorted().limit(3).toList();
                assertThat(group.contributions()).extracting(SubjectWindow.Kept::rank)
                        .containsExactlyElementsOf(expectedRanks);
            }
            byte[] bytes = window.toBytes();
            if (first == null) {
                first = bytes;
            }
            assertThat(bytes).isEqualTo(first);
            assertThat(SubjectWindow.fromBytes(bytes).toBytes()).isEqualTo(bytes);
        }
    }

    @Test
    void aDuplicateEventCountsOnce() {
        SubjectWindow window = SubjectWindow.empty();
        assertThat(window.offer("g", () -> 5, 42, new long[] {1}, 1, 3)).isEqualTo(SubjectWindow.Offer.KEPT);
        assertThat(window.offer("g", () -> 5, 42, new long[] {1}, 1, 3)).isEqualTo(SubjectWindow.Offer.DUPLICATE);
        assertThat(window.groups().get(0).contributions()).hasSize(1);
    }

    @Test
    void contributionsBeyondL0AndLInfAreDroppedFromTheReleasedTotals() {
        // 200 subjects, each with 10 events in each of 4 intents: unbounded 8000 events; bounded (L0 = 1, L∞ = 2)
        // 400. ε = 20 makes the count noise tiny (scale L0·L∞/(ε/2) = 0.2), so the bound is what shows.
        AggregateQuery query = AggregateFixtures.query(24, laplace(1, 2, 20, 1e-6,
                metric("events", Kind.COUNT, null), metric("customers", Kind.SUBJECTS, null)));
        WindowedAggregator aggregator = new WindowedAggregator(List.of(query), new InMemoryByteStore(), KEYS);
        List<WindowedAggregator.Admission> admissions = new ArrayList<>();
        int id = 0;
        for (int s = 0; s < 200; s++) {
            for (String intent : List.of("BILLING", "CANCELLATION", "TECHNICAL", "DELIVERY")) {
                for (int e = 0; e < 10; e++) {
                    admissions.add(aggregator.accept(query.contribution(event("c" + s, "e" + id++, T0 + id, intent,
                            3, false), T0 + id, KEYS).orElseThrow()));
                }
            }
        }
        List<AggregateRelease> releases = aggregator.advanceTo(T0 + 2 * HOUR).releases();

        double events = releases.stream().filter(r -> r.metric().equals("events"))
                .mapToDouble(AggregateRelease::value).sum();
        double customers = releases.stream().filter(r -> r.metric().equals("customers"))
                .mapToDouble(AggregateRelease::value).sum();
        assertThat(events).isBetween(400 - 8.0, 400 + 8.0);
        assertThat(customers).isBetween(200 - 8.0, 200 + 8.0);
        assertThat(releases.stream().map(r -> r.group().get("intent")).collect(Collectors.toSet())).hasSize(4);
        assertThat(admissions).contains(WindowedAggregator.Admission.DROPPED_GROUP,
                WindowedAggregator.Admission.DROPPED_CONTRIBUTION);
    }

    @Test
    void aSubjectJoinsAtMostMaxWindowsPerPeriodWindows() {
        AggregateQuery query = AggregateFixtures.query(4, laplace(1, 1, 1, 1e-6, metric("events", Kind.COUNT,
                null)));
        WindowedAggregator aggregator = new WindowedAggregator(List.of(query), new InMemoryByteStore(), KEYS);
        List<WindowedAggregator.Admission> admissions = new ArrayList<>();
        for (int hour = 0; hour < 6; hour++) {
            long time = T0 + hour * HOUR + 1000;
            admissions.add(aggregator.accept(query.contribution(event("c1", "e" + hour, time, "BILLING", 3, false),
                    time, KEYS).orElseThrow()));
        }
        // An event of a window already closed by stream time is late; the next day starts afresh.
        long again = T0 + 3 * HOUR + 2000;
        long nextDay = T0 + 24 * HOUR + 1000;
        assertThat(admissions).containsExactly(WindowedAggregator.Admission.KEPT, WindowedAggregator.Admission.KEPT,
                WindowedAggregator.Admission.KEPT, WindowedAggregator.Admission.KEPT,
                WindowedAggregator.Admission.DROPPED_WINDOW, WindowedAggregator.Admission.DROPPED_WINDOW);
        assertThat(aggregator.accept(query.contribution(event("c1", "late-but-open", again, "BILLING", 3, false),
                again, KEYS).orElseThrow())).isEqualTo(WindowedAggregator.Admission.LATE);
        assertThat(aggregator.accept(query.contribution(event("c1", "d2", nextDay, "BILLING", 3, false), nextDay,
                KEYS).orElseThrow())).isEqualTo(WindowedAggregator.Admission.KEPT);
    }

    @Test
    void theAllowanceStateStaysCompact() {
        WindowAllowance state = null;
        for (int hour = 0; hour < 24; hour += 3) {
            state = WindowAllowance.admit(state, T0 + hour * HOUR, HOUR, 24 * HOUR, 8).next();
        }
        assertThat(state.windows()).containsExactly(0, 3, 6, 9, 12, 15, 18, 21);
        assertThat(state.toBytes().length).isLessThanOrEqualTo(16);
        assertThat(WindowAllowance.fromBytes(state.toBytes()).windows()).containsExactly(state.windows());
        assertThat(WindowAllowance.admit(state, T0 - HOUR, HOUR, 24 * HOUR, 8).admitted()).isFalse();
    }
}
