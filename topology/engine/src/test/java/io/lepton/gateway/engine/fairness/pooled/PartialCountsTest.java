package io.lepton.gateway.engine.fairness.pooled;

import static org.assertj.core.api.Assertions.assertThat;

import io.lepton.gateway.engine.fairness.HoppingWindows;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PartialCountsTest {

    private static final long T0 = 1_764_000_000_000L; // a pane boundary: divisible by 15 minutes
    private static final HoppingWindows WINDOWS = new HoppingWindows(3_600_000, 900_000, 300_000);

    @Test
    void aSubjectVotesOncePerPane() {
        PartialCounts counts = new PartialCounts(WINDOWS, Map.of("gender", "M"), 5);
        long alice = PartialCounts.subjectHash("alice");
        assertThat(counts.firstVote(alice, T0)).isTrue();
        assertThat(counts.firstVote(alice, T0 + 60_000)).isFalse();
        assertThat(counts.firstVote(alice, T0 + 900_000)).isTrue();
    }

    @Test
    void drainsOneRowPerGroupAndPaneThenStartsEmpty() {
        PartialCounts counts = new PartialCounts(WINDOWS, Map.of("gender", "M"), 5);
        counts.add("gender", "F", T0, true, true);
        counts.add("gender", "F", T0 + 1, false, true);
        counts.add("gender", "F", T0 + 900_000, true, null);
        counts.add("gender", "M", T0, true, false);
        Map<String, CountDelta> deltas = counts.drain(T0 + 900_001);
        assertThat(deltas.get("gender").rows()).containsExactlyInAnyOrder(
                new CountDelta.Row("F", T0, 2, 1, 2, 1),
                new CountDelta.Row("F", T0 + 900_000, 1, 1, 0, 0),
                new CountDelta.Row("M", T0, 1, 1, 0, 0));
        assertThat(counts.drain(T0 + 900_002)).isEmpty();
    }

    @Test
    void impressionsSumTheirPositionWeightsAndRelevanceInFixedPoint() {
        PartialCounts counts = new PartialCounts(WINDOWS, Map.of("providerGroup", "LARGE"), 5);
        counts.addImpression("providerGroup", "SMALL", T0, 1, 0.5);
        counts.addImpression("providerGroup", "SMALL", T0 + 1, 3, 2.0);
        // weights 1/log2(2) = 1 and 1/log2(4) = 1/2; relevance 0.5 and 2.0 clamped to 1
        assertThat(counts.drain(T0 + 2).get("providerGroup").rows()).containsExactly(
                new CountDelta.Row("SMALL", T0, 2, 0, 0, 0, 3L << 19, 3L << 19));
    }

    @Test
    void groupsBeyondTheBoundAreOtherButTheReferenceIsAlwaysAdmitted() {
        PartialCounts counts = new PartialCounts(WINDOWS, Map.of("ageBand", "30-39"), 3);
        for (String band : new String[] {"0-9", "10-19", "20-29", "30-39"}) {
            counts.add("ageBand", band, T0, true, null);
        }
        assertThat(counts.drain(T0).get("ageBand").rows()).extracting(CountDelta.Row::group)
                .containsExactlyInAnyOrder("0-9", "other", "30-39");
    }

    @Test
    void subjectsOfPanesPastGraceAreForgotten() {
        PartialCounts counts = new PartialCounts(WINDOWS, Map.of(), 5);
        long bob = PartialCounts.subjectHash("bob");
        counts.firstVote(bob, T0);
        counts.drain(T0 + 900_000 + 300_000 + 1);
        // the pane of T0 can no longer be counted in, so forgetting it cannot double-count
        assertThat(counts.firstVote(bob, T0 + 900_000 + 300_000 + 2)).isTrue();
    }
}
