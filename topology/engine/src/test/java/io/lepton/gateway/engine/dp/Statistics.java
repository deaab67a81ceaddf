package io.lepton.gateway.engine.dp;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongToDoubleFunction;

/** Goodness-of-fit helpers for the sampler tests: KS and chi-square statistics with their critical values. */
final class Statistics {

    /** Kolmogorov's asymptotic critical value c(α) for α = 0.001: reject if D > c/√n. Conservative for discrete F. */
    static final double KS_CRITICAL_0_001 = 1.949;

    private Statistics() {
    }

    /** KS distance between integer samples and a CDF on the integers (both step functions jump only at integers). */
    static double ksDiscrete(long[] samples, LongToDoubleFunction cdf) {
        long[] sorted = samples.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double distance = cdf.applyAsDouble(sorted[0] - 1); // empirical CDF is 0 there
        int i = 0;
        while (i < n) {
            long y = sorted[i];
            while (i < n && sorted[i] == y) {
                i++;
            }
            distance = Math.max(distance, Math.abs((double) i / n - cdf.applyAsDouble(y)));
        }
        return distance;
    }

    /** KS distance between real samples and a continuous CDF. */
    static double ksContinuous(double[] samples, DoubleUnaryOperator cdf) {
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double distance = 0;
        for (int i = 0; i < n; i++) {
            double f = cdf.applyAsDouble(sorted[i]);
            distance = Math.max(distance, Math.max((double) (i + 1) / n - f, f - (double) i / n));
        }
        return distance;
    }

    /** Pearson's chi-square of observed counts against expected counts. */
    static double chiSquare(long[] observed, double[] expected) {
        double sum = 0;
        for (int i = 0; i < observed.length; i++) {
            double difference = observed[i] - expected[i];
            sum += difference * difference / expected[i];
        }
        return sum;
    }

    /** The chi-square quantile for {@code degrees} at upper tail 10^-4, by Wilson-Hilferty (accurate for df >= 3). */
    static double chiSquareCritical(int degrees) {
        double z = 3.719; // standard normal upper 10^-4 quantile
        double a = 2.0 / (9 * degrees);
        double cube = 1 - a + z * Math.sqrt(a);
        return degrees * cube * cube * cube;
    }

    /** Standard normal CDF via erfc (Numerical Recipes' Chebyshev fit, relative error below 1.2e-7). */
    static double normalCdf(double x) {
        return 0.5 * erfc(-x / Math.sqrt(2));
    }

    private static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }

    /** Sample mean and (population) variance. */
    static double[] meanAndVariance(double[] samples) {
        double mean = 0;
        for (double x : samples) {
            mean += x;
        }
        mean /= samples.length;
        double variance = 0;
        for (double x : samples) {
            variance += (x - mean) * (x - mean);
        }
        return new double[] {mean, variance / samples.length};
    }

    static double[] toDoubles(long[] samples) {
        return Arrays.stream(samples).asDoubleStream().toArray();
    }
}
