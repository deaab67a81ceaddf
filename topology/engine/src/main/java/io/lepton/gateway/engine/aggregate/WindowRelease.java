package io.lepton.gateway.engine.aggregate;

import io.lepton.gateway.engine.dp.Mechanism;
import io.lepton.gateway.engine.policy.AggregateSpec;
import io.lepton.gateway.engine.policy.MetricSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Turns the exact group tallies of one closed window into releases: key selection first, then one noisy value per
 * metric, every noise draw keyed by (jurisdiction, window, group, component) so that closing the same window twice
 * (after a crash before commit) yields identical values.
 *
 * <p>Means are post-processing of two noisy components, {@code mid + noisy centred sum / max(1, noisy count)},
 * clamped into the bounds (Google's BoundedMean). Their reported interval is the centred sum's noise interval divided
 * by the noisy count, around the released mean: it ignores the count's noise, which is the smaller term once the
 * count is well above its own noise, and says nothing about the clamping bias of small groups.
 */
final class WindowRelease {

    /** The releases of a window and how many of its groups key selection withheld. */
    record Result(List<AggregateRelease> releases, int groups, int suppressedGroups) {
    }

    private WindowRelease() {
    }

    static Result release(AggregateQuery query, long windowStart, SortedMap<String, GroupTally> tallies,
            NoiseSource source) {
        ComponentNoise noise = query.noise();
        KeySelection selection = noise.keySelection();
        List<AggregateRelease> releases = new ArrayList<>();
        int suppressed = 0;
        for (Map.Entry<String, GroupTally> entry : tallies.entrySet()) {
            GroupRelease group = new GroupRelease(query, windowStart, entry.getKey(), entry.getValue(), source);
            long noisySubjects = group.noisy(ComponentNoise.subjects(), entry.getValue().subjects());
            if (!selection.releases(noisySubjects)) {
                suppressed++;
                continue;
            }
            for (MetricSpec metric : query.spec().metrics()) {
                group.releaseMetric(metric, noisySubjects, releases);
            }
        }
        return new Result(List.copyOf(releases), tallies.size(), suppressed);
    }

    /** The release of one group: draws its keyed noise and builds its records. */
    private static final class GroupRelease {

        private final AggregateQuery query;
        private final long windowStart;
        private final String groupKey;
        private final Map<String, String> group;
        private final GroupTally tally;
        private final NoiseSource source;

        GroupRelease(AggregateQuery query, long windowStart, String groupKey, GroupTally tally, NoiseSource source) {
            this.query = query;
            this.windowStart = windowStart;
            this.groupKey = groupKey;
            this.group = GroupKey.decode(groupKey);
            this.tally = tally;
            this.source = source;
        }

        long noisy(String purpose, long exact) {
            IntegerNoiseDistribution distribution = query.noise().component(purpose).distribution();
            return exact + distribution.sample(bits(purpose));
        }

        private io.lepton.gateway.engine.dp.RandomBits bits(String purpose) {
            return source.bits(query.jurisdiction(), windowStart, groupKey, query.name() + "/" + purpose);
        }

        private long halfWidth(String purpose) {
            return query.noise().component(purpose).distribution().halfWidth95();
        }

        void releaseMetric(MetricSpec metric, long noisySubjects, List<AggregateRelease> out) {
            switch (metric.kind()) {
                case SUBJECTS -> {
                    long hw = halfWidth(ComponentNoise.subjects());
                    out.add(record(metric, null, noisySubjects, (double) noisySubjects - hw,
                            (double) noisySubjects + hw));
                }
                case COUNT -> {
                    long value = noisy(ComponentNoise.count(), tally.count());
                    long hw = halfWidth(ComponentNoise.count());
                    out.add(record(metric, null, value, (double) value - hw, (double) value + hw));
                }
                case SUM -> {
                    ValueGrid grid = query.grid(metric.field());
                    int index = query.valueFields().indexOf(metric.field());
                    String purpose = ComponentNoise.sum(metric.field());
                    long units = noisy(purpose, tally.sum(index));
                    long hw = halfWidth(purpose);
                    out.add(record(metric, null, grid.value(units), grid.value(units - hw), grid.value(units + hw)));
                }
                case MEAN -> {
                    ValueGrid grid = query.grid(metric.field());
                    int index = query.valueFields().indexOf(metric.field());
                    String purpose = ComponentNoise.centredSum(metric.field());
                    double count = Math.max(1, noisy(ComponentNoise.count(), tally.count()));
                    long centred = noisy(purpose, tally.centredSum(index));
                    double mean = grid.value(grid.midUnits() + centred / count);
                    double released = grid.bounds().clamp(mean);
                    double spread = grid.value(halfWidth(purpose) / count);
                    out.add(record(metric, null, released, released - spread, released + spread));
                }
                case QUANTILES -> {
                    ValueGrid grid = query.grid(metric.field());
                    int index = query.valueFields().indexOf(metric.field());
                    String purpose = ComponentNoise.tree(metric.field());
                    IntegerNoiseDistribution distribution = query.noise().component(purpose).distribution();
                    for (double rank : metric.quantiles()) {
                        double value = QuantileTree.quantile(grid, tally.leaves(index), rank, distribution,
                                node -> bits(purpose + "/" + node));
                        out.add(record(metric, rank, value, null, null));
                    }
                }
                default -> throw new IllegalStateException("unknown metric kind " + metric.kind());
            }
        }

        private AggregateRelease record(MetricSpec metric, Double quantile, double value, Double low, Double high) {
            AggregateSpec spec = query.spec();
            ValueGrid grid = metric.field() == null ? null : query.grid(metric.field());
            return new AggregateRelease(windowStart, windowStart + query.windowMillis(), query.jurisdiction(),
                    query.policyVersion(), query.family(), query.name(), group, metric.name(), metric.kind(),
                    metric.field(), quantile, value, low, high, spec.mechanism(), query.epsilonPerWindow(),
                    query.deltaPerWindow(), spec.mechanism() == Mechanism.GAUSSIAN ? spec.rho() : null,
                    grid == null ? null : grid.bounds().min(), grid == null ? null : grid.bounds().max(),
                    spec.maxGroupsPerSubject(), spec.maxContributionsPerGroup(), query.maxWindowsPerPeriod(),
                    query.keySelection().threshold());
        }
    }
}
