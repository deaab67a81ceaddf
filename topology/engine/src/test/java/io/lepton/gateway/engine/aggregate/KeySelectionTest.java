package io.lepton.gateway.engine.aggregate;

import static io.lepton.gateway.engine.aggregate.AggregateFixtures.HOUR;
import static io.lepton.gateway.engine.aggregate.AggregateFixtures.T0;
import static io.lepton.gateway.engine.aggregate.AggregateFixtures.event;
import static io.lepton.gateway.engine.aggregate.AggregateFixtures.gaussian;
import static io.lepton.gateway.engine.aggregate.AggregateFixtures.laplace;
import static io.lepton.gateway.engine.aggregate.AggregateFixtures.metric;
import static org.assertj.core.api.Assertions.assertThat;

import io.lepton.gateway.engine.policy.AggregateSpec;
import io.lepton.gateway.engine.policy.MetricSpec.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeySelectionTest {

    private static final int TRIALS = 12_000;

    @ParameterizedTest(name = "L0={0} ε={1} δ={2}")
    @CsvSource({"1, 1.0, 1e-6", "3, 0.5, 1e-6", "5, 2.0, 1e-9", "1, 0.2, 1e-3"})
    void laplaceThresholdIsTheSmallestIntegerMeetingTheExactTailAndTracksWilsonEtAl(int l0, double epsilon,
            double delta) {
        KeySelection selection = AggregateFixtures.query(4, laplace(l0, 1, epsilon, delta,
                metric("customers", Kind.SUBJECTS, null))).keySelection();
        // Independent oracle: the discrete Laplace pmf summed term by term.
        double p = Math.exp(-epsilon / l0);
        double perGroup = 1 - Math.pow(1 - delta, 1.0 / l0);
        long k = 0;
        while (tailBySummation(p, k) > perGroup * (1 + 1e-9)) {
            k++;
        }
        assertThat(selection.threshold()).isEqualTo(k + 1);
        assertThat(selection.singleSubjectReleaseProbability()).isCloseTo(tailBySummation(p, k),
                org.assertj.core.data.Percentage.withPercentage(1e-6));
        assertThat(1 - Math.pow(1 - selection.singleSubjectReleaseProbability(), l0)).isLessThanOrEqualTo(
                delta * (1 + 1e-9));
        // Wilson et al. 2020, continuous Laplace: τ = 1 - (L0/ε)·ln(2 - 2(1-δ)^(1/L0)). The discrete threshold lies
        // within one step of it.
        double wilson = 1 - (l0 / epsilon) * Math.log(2 - 2 * Math.pow(1 - delta, 1.0 / l0));
        assertThat((double) selection.threshold()).isBetween(wilson - 1, wilson + 1 + l0 / epsilon);
    }

    private static double tailBySummation(double p, long k) {
        double tail = 0;
        for (long y = k; y < k + 20_000; y++) {
            tail += (1 - p) / (1 + p) * Math.pow(p, y);
        }
        return tail;
    }

    @Test
    void aSingleSubjectGroupIsReleasedWithTheLaplaceFormulasProbability() {
        // ε = 0.5 on one component, δ = 0.05: p = e^-0.5, τ = 7, P = p^6/(1+p) ≈ 0.031 — large enough to measure.
        assertReleaseRateMatches(laplace(1, 1, 0.5, 0.05, metric("customers", Kind.SUBJECTS, null)), "laplace");
    }

    @Test
    void aSingleSubjectGroupIsReleasedWithTheGaussianFormulasProbability() {
        assertReleaseRateMatches(gaussian(1, 1, 0.05, 0.05, metric("customers", Kind.SUBJECTS, null)), "gaussian");
    }

    @Test
    void atTheBuiltInSettingsASingleSubjectGroupIsPracticallyNeverReleased() {
        AggregateSpec builtIn = io.lepton.gateway.engine.TestEngines.POLICIES.byId("eu-gdpr").orElseThrow()
                .aggregates().forFamily("customer-service").get(0);
        KeySelection selection = AggregateFixtures.query(4, builtIn).keySelection();
        assertThat(selection.singleSubjectReleaseProbability()).isLessThanOrEqualTo(1e-6);
        assertThat(releasedOutOf(builtIn, "built-in")).isZero();
    }

    private static void assertReleaseRateMatches(AggregateSpec spec, String seed) {
        double expected = AggregateFixtures.query(4, spec).keySelection().singleSubjectReleaseProbability();
        assertThat(expected).isBetween(0.005, 0.2);
        double rate = (double) releasedOutOf(spec, seed) / TRIALS;
        double sd = Math.sqrt(expected * (1 - expected) / TRIALS);
        assertThat(rate).isBetween(expected - 4.5 * sd, expected + 4.5 * sd);
    }

    /** One subject with one event per window, in TRIALS windows: how many windows released its group. */
    private static long releasedOutOf(AggregateSpec spec, String seed) {
        AggregateQuery query = AggregateFixtures.query(24, spec);
        NoiseSource keys = AggregateFixtures.keys("selection-" + seed);
        WindowedAggregator aggregator = new WindowedAggregator(List.of(query), new InMemoryByteStore(), keys);
        for (int i = 0; i < TRIALS; i++) {
            long time = T0 + i * HOUR;
            aggregator.accept(query.contribution(event("c" + i, "e" + i, time, "BILLING", 3, false), time, keys)
                    .orElseThrow());
        }
        WindowedAggregator.Closed closed = aggregator.advanceTo(T0 + (TRIALS + 1) * HOUR);
        assertThat(closed.groups()).isEqualTo(TRIALS);
        return closed.groups() - closed.suppressedGroups();
    }
}
