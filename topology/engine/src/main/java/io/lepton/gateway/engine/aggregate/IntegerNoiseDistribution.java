package io.lepton.gateway.engine.aggregate;

import io.lepton.gateway.engine.dp.DiscreteGaussian;
import io.lepton.gateway.engine.dp.DiscreteLaplace;
import io.lepton.gateway.engine.dp.RandomBits;

/**
 * Integer noise for one component of an aggregate release, drawn by the exact samplers of the {@code dp} package,
 * with the closed-form facts an analyst and the key selection need: upper tail probabilities and the 95% interval.
 */
sealed interface IntegerNoiseDistribution {

    long sample(RandomBits bits);

    /** P[Y ≥ k], for k ≥ 0. */
    double upperTail(long k);

    /** The smallest k with P[|Y| ≤ k] ≥ 0.95: the half-width of the noise's central 95% interval. */
    default long halfWidth95() {
        long k = 0;
        long step = 1;
        // Exponential then binary search on the two-sided tail 2·P[Y ≥ k+1] (the distribution is symmetric).
        while (2 * upperTail(k + step) > 0.05) {
            step *= 2;
        }
        long low = k;
        long high = step;
        while (low < high) {
            long middle = low + (high - low) / 2;
            if (2 * upperTail(middle + 1) <= 0.05) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }

    /** The variance, in squared units. */
    double variance();

    /**
     * Discrete Laplace with rational scale {@code b = numerator / denominator}: P[Y = y] ∝ p^|y|, p = exp(-1/b);
     * pure (Δ/b)-DP for sensitivity Δ.
     */
    record Laplace(long numerator, long denominator) implements IntegerNoiseDistribution {

        double p() {
            return Math.exp(-(double) denominator / numerator);
        }

        @Override
        public long sample(RandomBits bits) {
            return new DiscreteLaplace(numerator, denominator).sample(bits);
        }

        @Override
        public double upperTail(long k) {
            double p = p();
            return Math.exp(k * Math.log(p)) / (1 + p);
        }

        @Override
        public double variance() {
            double p = p();
            return 2 * p / ((1 - p) * (1 - p));
        }
    }

    /** Discrete Gaussian N_Z(0, σ²) with integer σ: (Δ²/(2σ²))-zCDP for L2 sensitivity Δ (CKS20, Theorem 4). */
    record Gaussian(long sigma) implements IntegerNoiseDistribution {

        /** Beyond this σ the tail is taken from the continuous normal: the two differ by less than 10^-6. */
        private static final long DIRECT_SUM_LIMIT = 10_000;

        @Override
        public long sample(RandomBits bits) {
            return DiscreteGaussian.withSigma(sigma).sample(bits);
        }

        @Override
        public double upperTail(long k) {
            if (sigma > DIRECT_SUM_LIMIT) {
                return 0.5 * erfc((k - 0.5) / (sigma * Math.sqrt(2)));
            }
            double twoVariance = 2.0 * sigma * sigma;
            long reach = 40 * sigma;
            double total = 1;
            double tail = k <= 0 ? 1 : 0;
            for (long y = 1; y <= reach; y++) {
                double mass = Math.exp(-(double) y * y / twoVariance);
                total += 2 * mass;
                if (y >= k) {
                    tail += mass;
                }
            }
            return tail / total;
        }

        @Override
        public double variance() {
            return (double) sigma * sigma;
        }

        /** Complementary error function, Numerical Recipes' erfcc (relative error below 1.2e-7). */
        private static double erfc(double x) {
            double z = Math.abs(x);
            double t = 1 / (1 + 0.5 * z);
            double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                    + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                    + t * (-0.82215223 + t * 0.17087277)))))))));
            return x >= 0 ? r : 2 - r;
        }
    }
}
