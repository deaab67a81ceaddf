package io.lepton.gateway.engine.fairness;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class NormalQuantilesTest {

    /**
     * Reference quantiles from SciPy 1.17 {@code norm.ppf} (itself Cephes ndtri, accurate to ~1e-16). AS 241 claims
     * relative error ~1e-16, so 1e-14 relative leaves room for rounding yet catches any mistyped coefficient
     * (the central, intermediate and far-tail branches are each exercised).
     */
    @ParameterizedTest
    @CsvSource({
        "0.975,              1.959963984540054",
        "0.95,               1.6448536269514722",
        "0.995,              2.5758293035489004",
        "0.999,              3.090232306167813",
        "0.3,               -0.5244005127080409",
        "0.02425,           -1.972961051311885",
        "0.8413447460685429, 1.0",
        "1e-10,             -6.361340902404056",
        "1e-20,             -9.262340089798409",
        "0.999999999999,     7.0344869100478356",
    })
    void matchesReferenceQuantiles(double p, double expected) {
        assertThat(NormalQuantiles.inverseCdf(p)).isCloseTo(expected, within(Math.abs(expected) * 1e-14 + 1e-15));
    }

    @Test
    void isZeroAtTheMedianAndAntisymmetric() {
        assertThat(NormalQuantiles.inverseCdf(0.5)).isEqualTo(0.0);
        for (double p : new double[] {1e-8, 0.01, 0.2, 0.4}) {
            assertThat(NormalQuantiles.inverseCdf(p)).isCloseTo(-NormalQuantiles.inverseCdf(1 - p),
                    within(1e-9 * Math.abs(NormalQuantiles.inverseCdf(p))));
        }
    }

    @Test
    void mapsConfidenceLevelsToTwoSidedCriticalValues() {
        assertThat(NormalQuantiles.twoSidedZ(0.95)).isCloseTo(1.959963984540054, within(1e-15));
        assertThat(NormalQuantiles.twoSidedZ(0.99)).isCloseTo(2.5758293035489004, within(1e-15));
        assertThat(NormalQuantiles.twoSidedZ(0.90)).isCloseTo(1.6448536269514722, within(1e-15));
    }

    @Test
    void isInfiniteAtTheEndsAndRejectsNonProbabilities() {
        assertThat(NormalQuantiles.inverseCdf(0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(NormalQuantiles.inverseCdf(1)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThatThrownBy(() -> NormalQuantiles.inverseCdf(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NormalQuantiles.inverseCdf(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NormalQuantiles.twoSidedZ(1.0)).isInstanceOf(IllegalArgumentException.class);
    }
}
