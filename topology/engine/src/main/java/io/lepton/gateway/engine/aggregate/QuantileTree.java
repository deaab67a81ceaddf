package io.lepton.gateway.engine.aggregate;

import io.lepton.gateway.engine.dp.RandomBits;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * Differentially private quantiles from a noisy tree histogram over the field's bounded range: 4096 equal leaves
 * under a 16-ary tree of height 3, every node's count noised (so one contribution touches one node per level, which
 * is the sensitivity {@link ComponentNoise} calibrates), and a quantile found by descending from the root into the
 * child where the noisy cumulative count (negatives clamped to 0) passes the rank, interpolating inside the leaf.
 *
 * <p>This is the hierarchical-histogram method (Hay et al., "Boosting the Accuracy of Differentially Private
 * Histograms Through Consistency", PVLDB 2010; Qardaji, Yang and Li, PVLDB 2013, who find branching factors near 16
 * best) as Google's differential-privacy library uses it for its bounded quantiles (QuantileTree, height 4,
 * branching 16). Nodes are noised lazily: a node's noise is a keyed function of (window, group, node), so noising
 * only the visited nodes releases exactly what noising all of them would.
 */
final class QuantileTree {

    private QuantileTree() {
    }

    /** The leaf (0..4095) of a value in grid units. */
    static int leaf(ValueGrid grid, long units) {
        long span = grid.maxUnits() - grid.minUnits() + 1;
        return (int) Math.min(ComponentNoise.TREE_LEAVES - 1,
                (units - grid.minUnits()) * ComponentNoise.TREE_LEAVES / span);
    }

    /**
     * The noisy quantile at {@code rank} (0 < rank < 1) in value units.
     *
     * @param leaves exact leaf counts of the group
     * @param noise the component's noise distribution
     * @param nodeBits the keyed randomness of a node, by its id {@code level * 4096 + index}
     */
    static double quantile(ValueGrid grid, TreeMap<Integer, Long> leaves, double rank,
            IntegerNoiseDistribution noise, IntFunction<RandomBits> nodeBits) {
        int node = 0;
        double lowFraction = 0;
        double nodeWidth = 1;
        for (int level = 1; level <= ComponentNoise.TREE_HEIGHT; level++) {
            int shift = 4 * (ComponentNoise.TREE_HEIGHT - level);
            double[] noisy = new double[ComponentNoise.TREE_BRANCHING];
            double total = 0;
            for (int child = 0; child < noisy.length; child++) {
                int index = node * ComponentNoise.TREE_BRANCHING + child;
                long exact = count(leaves, index << shift, (index + 1) << shift);
                noisy[child] = Math.max(0, exact + noise.sample(nodeBits.apply(level * ComponentNoise.TREE_LEAVES
                        + index)));
                total += noisy[child];
            }
            nodeWidth /= ComponentNoise.TREE_BRANCHING;
            if (total == 0) {
                return value(grid, lowFraction + nodeWidth * ComponentNoise.TREE_BRANCHING / 2);
            }
            double target = rank * total;
            double cumulative = 0;
            int chosen = noisy.length - 1;
            for (int child = 0; child < noisy.length; child++) {
                if (cumulative + noisy[child] >= target && noisy[child] > 0) {
                    chosen = child;
                    break;
                }
                cumulative += noisy[child];
            }
            if (level == ComponentNoise.TREE_HEIGHT) {
                double inside = noisy[chosen] == 0 ? 0.5 : (target - cumulative) / noisy[chosen];
                return value(grid, lowFraction + nodeWidth * (chosen + Math.max(0, Math.min(1, inside))));
            }
            lowFraction += nodeWidth * chosen;
            node = node * ComponentNoise.TREE_BRANCHING + chosen;
        }
        throw new IllegalStateException("unreachable: the descent returns at the last level");
    }

    private static long count(TreeMap<Integer, Long> leaves, int from, int to) {
        long total = 0;
        for (Map.Entry<Integer, Long> entry : leaves.subMap(from, to).entrySet()) {
            total += entry.getValue();
        }
        return total;
    }

    private static double value(ValueGrid grid, double fraction) {
        double span = grid.maxUnits() - grid.minUnits() + 1;
        return grid.bounds().clamp(grid.value(grid.minUnits() + fraction * span));
    }
}
