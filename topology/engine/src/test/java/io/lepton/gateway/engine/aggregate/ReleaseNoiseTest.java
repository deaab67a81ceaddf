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
import java.util.Arrays;
import java.util.List;
import java.util.function.LongToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * The released noise has the declared distribution: every window holds the same 50 subjects, so released minus true
 * is one noise draw per window (the keyed source gives each window its own stream).
 */
class ReleaseNoiseTest {

    private static final int WINDOWS = 2_500;
    private static final int SUBJECTS = 50;
    /** Satisfaction 1..5 cycling over the subjects: true mean 3.0. */
    private static final double TRUE_MEAN = 3.0;

    @Test
    void laplaceCountNoiseIsDiscreteLaplaceWithScaleL0LInfOverItsEpsilonShare() {
        // ε = 2 over 2 components (subjects, count), L0 = L∞ = 1: each component is discrete Laplace with b = 1.
        long[] noise = countNoise(laplace(1, 1, 2, 1e-6, metric("messages", Kind.COUNT, null),
                metric("customers", Kind.SUBJECTS, null)), "laplace");
        double p = Math.exp(-1);
        assertFits(noise, y -> (1 - p) / (1 + p) * Math.pow(p, Math.abs(y)));
    }

    @Test
    void gaussianCountNoiseIsDiscreteGaussianWithTheZcdpSigma() {
        // ρ = 0.5 over 2 components: ρ_i = 0.25, Δ2 = 1, so σ = ⌈1/√(2·0.25)⌉ = ⌈1.414⌉ = 2.
        long[] noise = countNoise(gaussian(1, 1, 0.5, 1e-6, metric("messages", Kind.COUNT, null),
                metric("customers", Kind.SUBJECTS, null)), "gaussian");
        double norm = 0;
        for (int y = -200; y <= 200; y++) {
            norm += Math.exp(-y * y / 8.0);
        }
        double normalizer = norm;
        assertFits(noise, y -> Math.exp(-y * y / 8.0) / normalizer);
    }

    @Test
    void theDeclared95PercentIntervalCoversTheTrueCountAsOftenAsItsDistributionSays() {
        AggregateSpec spec = laplace(1, 1, 2, 1e-6, metric("messages", Kind.COUNT, null),
                metric("customers", Kind.SUBJECTS, null));
        List<AggregateRelease> releases = run(spec, "interval").stream()
                .filter(r -> r.metric().equals("messages")).toList();
        long covered = releases.stream()
                .filter(r -> r.intervalLow() <= SUBJECTS && SUBJECTS <= r.intervalHigh()).count();
        long halfWidth = Math.round(releases.get(0).value() - releases.get(0).intervalLow());
        double p = Math.exp(-1);
        // Independent oracle: P[|Y| ≤ k] = 1 - 2p^(k+1)/(1+p); the interval is the smallest k reaching 95%.
        double coverage = 1 - 2 * Math.pow(p, halfWidth + 1) / (1 + p);
        assertThat(coverage).isGreaterThanOrEqualTo(0.95);
        assertThat(1 - 2 * Math.pow(p, halfWidth) / (1 + p)).isLessThan(0.95);
        double sd = Math.sqrt(coverage * (1 - coverage) / releases.size());
        assertThat((double) covered / releases.size()).isBetween(coverage - 4.5 * sd, coverage + 4.5 * sd);
    }

    @Test
    void noisyMeansAreUnbiasedWhenTheNoiseRarelyReachesTheBounds() {
        AggregateSpec spec = laplace(1, 1, 4, 1e-6, metric("messages", Kind.COUNT, null),
                metric("satisfaction", Kind.MEAN, "satisfaction"));
        double[] means = run(spec, "mean").stream().filter(r -> r.metric().equals("satisfaction"))
                .mapToDouble(AggregateRelease::value).toArray();
        double average = Arrays.stream(means).average().orElseThrow();
        double variance = Arrays.stream(means).map(m -> (m - average) * (m - average)).sum() / means.length;
        assertThat(means).hasSize(WINDOWS);
        assertThat(average).isBetween(TRUE_MEAN - 4.5 * Math.sqrt(variance / WINDOWS),
                TRUE_MEAN + 4.5 * Math.sqrt(variance / WINDOWS));
        assertThat(Math.sqrt(variance)).isGreaterThan(0.01).isLessThan(0.2);
    }

    @Test
    void quantilesFromTheNoisyTreeLandNearTheTrueQuantiles() {
        AggregateSpec spec = laplace(1, 1, 20, 1e-6,
                metric("satisfaction", Kind.QUANTILES, "satisfaction", 0.1, 0.5, 0.9));
        List<AggregateRelease> releases = run(spec, "quantiles").subList(0, 300);
        // 50 subjects with satisfaction 1..5, ten of each: the 0.1, 0.5 and 0.9 quantiles lie in 1, 3 and 5's
        // leaves (a leaf spans 4/4096), give or take the interpolation inside the leaf.
        for (AggregateRelease release : releases) {
            double expected = switch (release.quantile().toString()) {
                case "0.1" -> 1;
                case "0.5" -> 3;
                default -> 5;
            };
            assertThat(release.value()).as("q%s", release.quantile()).isCloseTo(expected,
                    org.assertj.core.data.Offset.offset(0.01));
        }
    }

    private static long[] countNoise(AggregateSpec spec, String seed) {
        return run(spec, seed).stream().filter(r -> r.metric().equals("messages"))
                .mapToLong(r -> Math.round(r.value()) - SUBJECTS).toArray();
    }

    private static List<AggregateRelease> run(AggregateSpec spec, String seed) {
        AggregateQuery query = AggregateFixtures.query(24 * 400, spec);
        NoiseSource keys = AggregateFixtures.keys("noise-" + seed);
        WindowedAggregator aggregator = new WindowedAggregator(List.of(query), new InMemoryByteStore(), keys);
        for (int w = 0; w < WINDOWS; w++) {
            for (int s = 0; s < SUBJECTS; s++) {
                long time = T0 + w * HOUR + s;
                aggregator.accept(query.contribution(event("c" + s, "e" + w + "-" + s, time, "BILLING",
                        1 + s % 5, false), time, keys).orElseThrow());
            }
        }
        WindowedAggregator.Closed closed = aggregator.advanceTo(T0 + (WINDOWS + 1) * HOUR);
        assertThat(closed.suppressedGroups()).isZero();
        return closed.releases();
    }

    /** Pearson χ² over the bins |y| ≤ 5 and two open tails, at upper-tail 10^-4 (Wilson-Hilferty quantile). */
    private static void assertFits(long[] noise, LongToDoubleFunction pmf) {
        int reach = 5;
        long[] observed = new long[2 * reach + 3];
        double[] expected = new double[observed.length];
        for (long y : noise) {
            int bin = y < -reach ? 0 : y > reach ? observed.length - 1 : (int) y + reach + 1;
            observed[bin]++;
        }
        double inside = 0;
        for (int y = -reach; y <= reach; y++) {
            expected[y + reach + 1] = pmf.applyAsDouble(y) * noise.length;
            inside += pmf.applyAsDouble(y);
        }
        expected[0] = expected[observed.length - 1] = (1 - inside) / 2 * noise.length;
        double chi = 0;
        for (int i = 0; i < observed.length; i++) {
            chi += (observed[i] - expected[i]) * (observed[i] - expected[i]) / expected[i];
        }
        int degrees = observed.length - 1;
        double a = 2.0 / (9 * degrees);
        double cube = 1 - a + 3.719 * Math.sqrt(a);
        assertThat(chi).isLessThan(degrees * cube * cube * cube);
        // And the variance is not off by a factor a χ² on few bins could miss.
        double mean = Arrays.stream(noise).average().orElseThrow();
        double variance = Arrays.stream(noise).mapToDouble(y -> (y - mean) * (y - mean)).sum() / noise.length;
        double declared = 0;
        for (int y = -400; y <= 400; y++) {
            declared += y * y * pmf.applyAsDouble(y);
        }
        assertThat(variance / declared).isBetween(0.85, 1.15);
    }
}
