package io.lepton.gateway.engine.dp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FieldNoiserTest {

    private static final DpBounds RATING = new DpBounds(1, 5);

    @ParameterizedTest
    @EnumSource(Mechanism.class)
    void sensitivityIsTheWidthOfTheBounds(Mechanism mechanism) {
        FieldNoiser noiser = noiser(mechanism, false, 1);

        assertThat(noiser.sampler().spec().sensitivity()).isEqualTo(4);
        assertThat(noiser.sampler().spec().mechanism()).isEqualTo(mechanism);
    }

    @Test
    void inputsOutsideTheBoundsAreClampedBeforeNoising() {
        FieldNoiser outOfRange = noiser(Mechanism.LAPLACE, false, 9);
        FieldNoiser atBound = noiser(Mechanism.LAPLACE, false, 9);

        for (int i = 0; i < 100; i++) {
            assertThat(outOfRange.noise(1e9)).isEqualTo(atBound.noise(5.0));
            assertThat(outOfRange.noise(-1e9)).isEqualTo(atBound.noise(1.0));
        }
    }

    @Test
    void outputClampingKeepsValuesInRangeAndBiasesTowardsTheMiddle() {
        FieldNoiser clamped = noiser(Mechanism.LAPLACE, true, 10);
        FieldNoiser raw = noiser(Mechanism.LAPLACE, false, 10);
        int n = 100_000;
        double clampedSum = 0;
        double rawSum = 0;
        int rawOutside = 0;
        for (int i = 0; i < n; i++) {
            double c = clamped.noise(1.0);
            double r = raw.noise(1.0);
            assertThat(c).isBetween(1.0, 5.0);
            clampedSum += c;
            rawSum += r;
            rawOutside += r < 1 || r > 5 ? 1 : 0;
        }
        // Laplace noise of scale 4 around the lower bound: half the raw outputs fall below it, and raw outputs are
        // unbiased (mean 1 ± 5·√32/√n = ±0.09) while clamped ones are pulled up (the documented bias).
        assertThat(rawOutside).isGreaterThan(n / 2);
        assertThat(rawSum / n).isBetween(0.91, 1.09);
        assertThat(clampedSum / n).isGreaterThan(1.5);
    }

    @ParameterizedTest
    @EnumSource(Mechanism.class)
    void integerFieldsGetIntegerOutputsWithinTheIntegerBounds(Mechanism mechanism) {
        double delta = mechanism == Mechanism.GAUSSIAN ? 1e-6 : 0;
        FieldNoiser noiser = new FieldNoiser(new DpBounds(0.5, 4.5), mechanism, 1, delta, true,
                SecureRandomBits.seeded(11));
        FieldNoiser unclamped = new FieldNoiser(new DpBounds(0.5, 4.5), mechanism, 1, delta, false,
                SecureRandomBits.seeded(11));
        boolean sawOutside = false;
        for (int i = 0; i < 10_000; i++) {
            assertThat(noiser.noise(3L)).isBetween(1L, 4L);
            long raw = unclamped.noise(3L);
            sawOutside |= raw < 1 || raw > 4;
        }
        assertThat(sawOutside).isTrue();
    }

    @Test
    void rejectsNaNAndInvalidBounds() {
        FieldNoiser noiser = noiser(Mechanism.GAUSSIAN, false, 1);
        assertThatThrownBy(() -> noiser.noise(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DpBounds(5, 5)).hasMessageContaining("min < max");
        assertThatThrownBy(() -> new DpBounds(0, Double.POSITIVE_INFINITY)).hasMessageContaining("finite");
    }

    private static FieldNoiser noiser(Mechanism mechanism, boolean clampOutput, long seed) {
        double delta = mechanism == Mechanism.GAUSSIAN ? 1e-6 : 0;
        return new FieldNoiser(RATING, mechanism, 1, delta, clampOutput, SecureRandomBits.seeded(seed));
    }
}
