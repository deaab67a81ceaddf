package io.lepton.gateway.engine.dp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RandomizedResponseTest {

    private static final int N = 200_000;

    @ParameterizedTest
    @CsvSource({"2, 0.1", "2, 20", "4, 1", "7, 3.5", "100, 0.01"})
    void realizedEpsilonNeverExceedsTheConfiguredOneAndIsWithinABillionthOfIt(int k, double epsilon) {
        RandomizedResponse response = new RandomizedResponse(k, epsilon, SecureRandomBits.seeded(1));

        assertThat(response.realizedEpsilon()).isLessThanOrEqualTo(epsilon).isCloseTo(epsilon, within(1e-9));
        assertThat(response.keepProbability())
                .isCloseTo(Math.exp(epsilon) / (Math.exp(epsilon) + k - 1), within(1e-12));
    }

    @Test
    void keepsTheTrueCategoryWithProbabilityPAndSpreadsTheRestUniformly() {
        int k = 4;
        RandomizedResponse response = new RandomizedResponse(k, 1, SecureRandomBits.seeded(2));
        long[] counts = new long[k];
        for (int i = 0; i < N; i++) {
            counts[response.respond(2)]++;
        }
        double p = response.keepProbability();
        double q = (1 - p) / (k - 1);

        // 5 binomial standard errors on the kept share; chi-square with 3 df over all categories at 10^-4 (21.1).
        assertThat((double) counts[2] / N).isCloseTo(p, within(5 * Math.sqrt(p * (1 - p) / N)));
        assertThat(Statistics.chiSquare(counts, new double[] {q * N, q * N, p * N, q * N})).isLessThan(21.1);
    }

    @Test
    void frequencyEstimatorRecoversTheTrueCounts() {
        int k = 4;
        long[] truth = {100_000, 60_000, 30_000, 10_000};
        RandomizedResponse response = new RandomizedResponse(k, 2, SecureRandomBits.seeded(3));
        long[] observed = new long[k];
        for (int category = 0; category < k; category++) {
            for (long i = 0; i < truth[category]; i++) {
                observed[response.respond(category)]++;
            }
        }
        double[] estimates = response.estimateCounts(observed);

        double p = response.keepProbability();
        double q = (1 - p) / (k - 1);
        // Each observed count has variance <= n/4, so an estimate has sd <= √n / (2(p - q)); allow 5 sd.
        double tolerance = 5 * Math.sqrt(200_000) / (2 * (p - q));
        for (int category = 0; category < k; category++) {
            assertThat(estimates[category]).isCloseTo(truth[category], within(tolerance));
        }
    }

    @Test
    void empiricalPrivacyLossOfTheReportsStaysWithinEpsilon() {
        int k = 3;
        double epsilon = 1.5;
        RandomizedResponse response = new RandomizedResponse(k, epsilon, SecureRandomBits.seeded(4));
        long[] fromZero = new long[k];
        long[] fromOne = new long[k];
        for (int i = 0; i < N; i++) {
            fromZero[response.respond(0)]++;
            fromOne[response.respond(1)]++;
        }
        double loss = 0;
        for (int j = 0; j < k; j++) {
            loss = Math.max(loss, Math.abs(Math.log((double) fromZero[j] / fromOne[j])));
        }

        // Smallest count is about N·q = 37000: the log ratio has sd < √(2/37000) = 0.007; 5 sd = 0.037.
        assertThat(loss).isCloseTo(epsilon, within(0.037));
    }

    @Test
    void rejectsInvalidParameters() {
        RandomBits bits = SecureRandomBits.seeded(5);
        assertThatThrownBy(() -> new RandomizedResponse(1, 1, bits)).hasMessageContaining("2 categories");
        assertThatThrownBy(() -> new RandomizedResponse(3, 0, bits)).hasMessageContaining("epsilon");
        assertThatThrownBy(() -> new RandomizedResponse(3, 21, bits)).hasMessageContaining("epsilon");
        RandomizedResponse response = new RandomizedResponse(3, 1, bits);
        assertThatThrownBy(() -> response.respond(3)).hasMessageContaining("outside");
        assertThatThrownBy(() -> response.estimateCounts(new long[2])).hasMessageContaining("expected 3");
    }
}
