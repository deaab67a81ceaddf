package io.lepton.gateway.engine.aggregate;

import io.lepton.gateway.engine.dp.Mechanism;
import io.lepton.gateway.engine.policy.AggregateSpec;
import io.lepton.gateway.engine.policy.MetricSpec;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The noise of every component of one aggregate's window release, calibrated to the bounded sensitivity.
 *
 * <p><b>Components.</b> A window release consists of: the distinct-subject count per group (key selection, and the
 * {@code subjects} metric); the event count per group (for {@code count} and as the denominator of {@code mean});
 * a plain sum per {@code sum} field; a centred sum Σ(v - mid) per {@code mean} field (half the sensitivity of a plain
 * sum, as in Google's BoundedMean); and a 16-ary tree histogram of height 3 per {@code quantiles} field. The
 * declared ε (Laplace) or ρ (Gaussian) of the window is split evenly over the k components, and basic composition
 * (pure ε adds; ρ adds in zCDP) gives the declared total.
 *
 * <p><b>Sensitivity</b>, per subject, summed over the ≤ L0 groups it reaches, in grid units (c = a contribution's
 * largest |units|, H = 3 tree levels): subjects L1 = L0, L2² = L0; count L1 = L0·L∞, L2² = L0·L∞²; sums
 * L1 = L0·L∞·c, L2² = L0·(L∞·c)²; tree L1 = H·L0·L∞, L2² = H·L0·L∞².
 *
 * <p><b>Calibration, exact in the integers.</b> Laplace: ε_i = ⌊ε·10^6 / k⌋ micro-ε, scale b = Δ1·10^6 / ε_i as a
 * rational, so Δ1/b ≤ ε/k exactly. Gaussian: σ_i the smallest integer with 2·(ρ/k)·σ_i² ≥ Δ2², checked in
 * {@link BigDecimal}, so each component is at most (ρ/k)-zCDP.
 *
 * <p><b>Reported (ε, δ).</b> Laplace: the declared ε and the key-selection δ. Gaussian: ρ, and ε from
 * ρ-zCDP ⇒ (ρ + 2√(ρ ln(1/δ)), δ)-DP (Bun and Steinke 2016, Prop. 1.3) at the key-selection δ, so the total δ is
 * 2δ; the CKS20 conversion DP v2 adopts is tighter, so this ε is conservative.
 */
final class ComponentNoise {

    static final int TREE_BRANCHING = 16;
    static final int TREE_HEIGHT = 3;
    static final int TREE_LEAVES = 4096;
    private static final long MICRO = 1_000_000;

    /** One noisy component: its purpose (the noise-key label) and its distribution. */
    record Component(String purpose, IntegerNoiseDistribution distribution) {
    }

    private final Map<String, Component> components;
    private final KeySelection keySelection;
    private final double epsilon;
    private final double delta;

    private ComponentNoise(Map<String, Component> components, KeySelection keySelection, double epsilon,
            double delta) {
        this.components = components;
        this.keySelection = keySelection;
        this.epsilon = epsilon;
        this.delta = delta;
    }

    static String subjects() {
        return "subjects";
    }

    static String count() {
        return "count";
    }

    static String sum(String field) {
        return "sum/" + field;
    }

    static String centredSum(String field) {
        return "csum/" + field;
    }

    static String tree(String field) {
        return "tree/" + field;
    }

    static ComponentNoise calibrate(AggregateSpec spec, List<String> valueFields, List<ValueGrid> grids) {
        long l0 = spec.maxGroupsPerSubject();
        long lInf = spec.maxContributionsPerGroup();
        Map<String, long[]> sensitivities = new LinkedHashMap<>(); // purpose -> {L1, L2²}
        sensitivities.put(subjects(), new long[] {l0, l0});
        boolean needsCount = spec.metrics().stream()
                .anyMatch(m -> m.kind() == MetricSpec.Kind.COUNT || m.kind() == MetricSpec.Kind.MEAN);
        if (needsCount) {
            sensitivities.put(count(), new long[] {l0 * lInf, l0 * lInf * lInf});
        }
        for (MetricSpec metric : spec.metrics()) {
            if (metric.field() == null) {
                continue;
            }
            ValueGrid grid = grids.get(valueFields.indexOf(metric.field()));
            switch (metric.kind()) {
                case SUM -> sensitivities.putIfAbsent(sum(metric.field()), sumSensitivity(l0, lInf,
                        grid.maxAbsUnits(), spec));
                case MEAN -> sensitivities.putIfAbsent(centredSum(metric.field()), sumSensitivity(l0, lInf,
                        grid.maxCentredUnits(), spec));
                case QUANTILES -> sensitivities.putIfAbsent(tree(metric.field()),
                        new long[] {TREE_HEIGHT * l0 * lInf, TREE_HEIGHT * l0 * lInf * lInf});
                default -> throw new IllegalStateException("metric " + metric.kind() + " has no field");
            }
        }
        int k = sensitivities.size();
        Map<String, Component> components = new LinkedHashMap<>();
        for (Map.Entry<String, long[]> entry : sensitivities.entrySet()) {
            IntegerNoiseDistribution distribution = spec.mechanism() == Mechanism.LAPLACE
                    ? laplace(entry.getValue()[0], spec.epsilon(), k, spec)
                    : gaussian(entry.getValue()[1], spec.rho(), k);
            components.put(entry.getKey(), new Component(entry.getKey(), distribution));
        }
        KeySelection selection = KeySelection.derive(components.get(subjects()).distribution(),
                spec.maxGroupsPerSubject(), spec.delta());
        if (spec.mechanism() == Mechanism.LAPLACE) {
            return new ComponentNoise(Map.copyOf(components), selection, spec.epsilon(), spec.delta());
        }
        double rho = spec.rho();
        double epsilon = rho + 2 * Math.sqrt(rho * Math.log(1 / spec.delta()));
        return new ComponentNoise(Map.copyOf(components), selection, epsilon, 2 * spec.delta());
    }

    private static long[] sumSensitivity(long l0, long lInf, long units, AggregateSpec spec) {
        try {
            long perGroup = Math.multiplyExact(lInf, units);
            return new long[] {Math.multiplyExact(l0, perGroup),
                    Math.multiplyExact(l0, Math.multiplyExact(perGroup, perGroup))};
        } catch (ArithmeticException e) {
            throw spec.source().error("the contribution bounds are too large for exact noise calibration",
                    "lower maxGroupsPerSubject or maxContributionsPerGroup");
        }
    }

    private static IntegerNoiseDistribution laplace(long l1, double epsilon, int k, AggregateSpec spec) {
        long microEpsilon = (long) Math.floor(epsilon * MICRO / k);
        if (microEpsilon < 1) {
            throw spec.source().error("ε split over " + k + " components is below 10^-6", "raise epsilon");
        }
        try {
            return new IntegerNoiseDistribution.Laplace(Math.multiplyExact(l1, MICRO), microEpsilon);
        } catch (ArithmeticException e) {
            throw spec.source().error("the contribution bounds are too large for exact noise calibration",
                    "lower maxGroupsPerSubject or maxContributionsPerGroup");
        }
    }

    private static IntegerNoiseDistribution gaussian(long l2Squared, double rho, int k) {
        BigDecimal twoRho = new BigDecimal(rho / k * (1 - 1e-12)).multiply(BigDecimal.valueOf(2));
        BigDecimal needed = new BigDecimal(BigInteger.valueOf(l2Squared));
        long sigma = Math.max(1, (long) Math.ceil(Math.sqrt(l2Squared / (2 * rho / k))));
        while (twoRho.multiply(BigDecimal.valueOf(sigma).pow(2)).compareTo(needed) < 0) {
            sigma++;
        }
        while (sigma > 1 && twoRho.multiply(BigDecimal.valueOf(sigma - 1).pow(2)).compareTo(needed) >= 0) {
            sigma--;
        }
        return new IntegerNoiseDistribution.Gaussian(sigma);
    }

    Component component(String purpose) {
        Component component = components.get(purpose);
        if (component == null) {
            throw new IllegalArgumentException("no noise component " + purpose);
        }
        return component;
    }

    /** Number of components the window's budget is split over. */
    int size() {
        return components.size();
    }

    List<String> purposes() {
        return new ArrayList<>(components.keySet());
    }

    KeySelection keySelection() {
        return keySelection;
    }

    double epsilon() {
        return epsilon;
    }

    double delta() {
        return delta;
    }
}
