package io.lepton.gateway.engine.fairness.pooled;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.tuple;

import io.lepton.gateway.engine.policy.FairnessSettings;
import io.lepton.gateway.engine.policy.FalseAlarmBudget;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The merge side fed with deltas of two tasks: 30 s flushes, one hour windows advancing by 15 minutes, 6,000
 * votes per hour split evenly between F and M.
 */
class PooledFairnessMonitorTest {

    private static final long T0 = 1_764_000_000_000L;
    private static final long FLUSH = 30_000;
    private static final FairnessSettings SETTINGS = new FairnessSettings(true, Duration.ofHours(1),
            Duration.ofMinutes(15), Duration.ofMinutes(5), 100, 0.8, 0.1, 0.1, 0.8, 3,
            new FalseAlarmBudget(0.01, Duration.ofDays(30)), Map.of("gender", "M"));
    private static final AlphaAllocation ALLOCATION = new AlphaAllocation(SETTINGS.falseAlarmBudget(), 4, 2_880);

    @Test
    void aBiasRaisesOneSequentialBreachEarlyAndWindowBreachesAtClose() {
        PooledFairnessMonitor monitor = monitor();
        List<PooledAlert> alerts = run(monitor, 0.40, 0.80, 0, 2 * 3_600_000L, new SplittableRandom(1));

        List<PooledAlert> sequential = alerts.stream().filter(a -> a.kind() == PooledAlert.Kind.SEQUENTIAL).toList();
        assertThat(sequential).extracting(a -> a.metric().id())
                .containsExactlyInAnyOrder("disparate_impact", "statistical_parity_difference");
        assertThat(sequential).allSatisfy(a -> {
            assertThat(a.group()).isEqualTo("F");
            assertThat(a.referenceGroup()).isEqualTo("M");
            assertThat(a.eValue()).isGreaterThanOrEqualTo(1 / ALLOCATION.sequentialAlpha());
            assertThat(a.alphaSpent()).isEqualTo(0.01 / 2 / 4);
            assertThat(a.roundedSizes().values()).allSatisfy(n -> assertThat(n % 10).isZero());
        });
        List<PooledAlert> windows = alerts.stream().filter(a -> a.kind() == PooledAlert.Kind.WINDOW).toList();
        assertThat(windows).isNotEmpty().allSatisfy(a -> {
            assertThat(a.breach()).isTrue();
            assertThat(a.eValue()).isGreaterThanOrEqualTo(1 / ALLOCATION.windowAlpha());
        });
        assertThat(alerts).extracting(PooledAlert::alertId).doesNotHaveDuplicates();
    }

    @Test
    void afterTheBiasEndsTheNextFairWindowsClearTheWindowVerdict() {
        PooledFairnessMonitor monitor = monitor();
        SplittableRandom random = new SplittableRandom(2);
        run(monitor, 0.40, 0.80, 0, 2 * 3_600_000L, random);
        List<PooledAlert> later = run(monitor, 0.80, 0.80, 2 * 3_600_000L, 5 * 3_600_000L, random);
        assertThat(later).filteredOn(a -> !a.breach()).isNotEmpty()
                .allSatisfy(a -> assertThat(a.kind()).isEqualTo(PooledAlert.Kind.WINDOW));
        assertThat(later.get(later.size() - 1).breach()).isFalse();
    }

    @Test
    void groupsBelowTheSampleGateNeverAlert() {
        PooledFairnessMonitor monitor = monitor();
        // 60 votes of F per window: below the gate of 100 however strong the evidence
        List<PooledAlert> alerts = new ArrayList<>();
        for (long t = 0; t < 3 * 3_600_000L; t += FLUSH) {
            List<CountDelta.Row> rows = List.of(new CountDelta.Row("F", pane(t), t % 120_000 == 0 ? 1 : 0, 0, 0, 0),
                    new CountDelta.Row("M", pane(t), 50, 50, 0, 0));
            alerts.addAll(monitor.apply(new CountDelta(rows), T0 + t + FLUSH));
        }
        assertThat(alerts).isEmpty();
    }

    @Test
    void aMonitorRestoredFromItsBytesContinuesExactlyAsTheOriginal() {
        PooledFairnessMonitor original = monitor();
        run(original, 0.55, 0.80, 0, 40 * 60_000L, new SplittableRandom(3));
        PooledFairnessMonitor restored = monitor();
        restored.restore(original.toBytes());
        assertThat(restored.toBytes()).isEqualTo(original.toBytes());
        List<PooledAlert> fromOriginal = run(original, 0.55, 0.80, 40 * 60_000L, 3 * 3_600_000L,
                new SplittableRandom(4));
        List<PooledAlert> fromRestored = run(restored, 0.55, 0.80, 40 * 60_000L, 3 * 3_600_000L,
                new SplittableRandom(4));
        assertThat(fromRestored).isNotEmpty().isEqualTo(fromOriginal);
    }

    @Test
    void aStateWrittenBeforeExposureWasCountedStillRestores() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(1);
            out.writeLong(T0 / Duration.ofDays(30).toMillis());
            out.writeLong(Long.MIN_VALUE);
            out.writeLong(0);
            out.writeInt(1);
            out.writeLong(pane(0));
            out.writeInt(2);
            for (String group : new String[] {"F", "M"}) {
                out.writeUTF(group);
                for (long count : new long[] {120, 60, 0, 0}) {
                    out.writeLong(count);
                }
            }
            for (int emptyCollection = 0; emptyCollection < 4; emptyCollection++) {
                out.writeInt(0);
            }
        }
        PooledFairnessMonitor monitor = monitor();
        monitor.restore(bytes.toByteArray());
        assertThat(monitor.view(T0 + 1).groups()).extracting(WindowView.Group::roundedVotes,
                WindowView.Group::selectionRate).containsExactlyInAnyOrder(tuple(120L, 0.5), tuple(120L, 0.5));
    }

    @Test
    void aTruncatedStateIsRejected() {
        PooledFairnessMonitor monitor = monitor();
        run(monitor, 0.55, 0.80, 0, 20 * 60_000L, new SplittableRandom(5));
        byte[] bytes = monitor.toBytes();
        assertThatThrownBy(() -> monitor().restore(java.util.Arrays.copyOf(bytes, bytes.length - 3)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anExposureBiasAgainstSmallProvidersRaisesAnExposureBreachAndSurvivesARestore() {
        PooledFairnessMonitor monitor = exposureMonitor();
        SplittableRandom random = new SplittableRandom(6);
        // SMALL items at ranks 6..10 (mean weight 0.319), LARGE at 1..5 (0.590), equal relevance: ratio 0.54.
        // One bet per flush (sums cannot be split into single impressions), so this takes a few hundred flushes.
        List<PooledAlert> alerts = new ArrayList<>();
        for (long t = 0; t < 3 * 3_600_000L; t += FLUSH) {
            List<CountDelta.Row> rows = List.of(impressions(random, "SMALL", pane(t), 6),
                    impressions(random, "LARGE", pane(t), 1));
            alerts.addAll(monitor.apply(new CountDelta(rows), T0 + t + FLUSH));
        }
        assertThat(alerts).isNotEmpty().allSatisfy(a -> {
            assertThat(a.metric()).isEqualTo(PooledMetric.EXPOSURE_RATIO);
            assertThat(a.group()).isEqualTo("SMALL");
            assertThat(a.referenceGroup()).isEqualTo("LARGE");
            assertThat(a.value()).isCloseTo(0.319 / 0.590, offset(0.03));
        });
        WindowView view = monitor.view(T0 + 3 * 3_600_000L);
        assertThat(view.groups()).extracting(WindowView.Group::selectionRate).containsOnly(Double.NaN);
        assertThat(view.metrics()).extracting(WindowView.Metric::metric).containsOnly("exposure_ratio");

        PooledFairnessMonitor restored = exposureMonitor();
        restored.restore(monitor.toBytes());
        assertThat(restored.toBytes()).isEqualTo(monitor.toBytes());
    }

    /**
     * One subject votes once per pane, so only impressions of one pane of one delta are sure to come from different
     * users. Here the LARGE impressions always sit in another pane than the SMALL ones (in one delta, or in the
     * next delta of the same task): a monitor that pooled the panes of a delta, or carried a lone group's sums into
     * the next bet, would pair them (the same users could be on both sides) and, with this bias, alarm; it must not
     * bet at all.
     */
    @Test
    void exposureIsNeverComparedAcrossPanesOrCarriedToALaterBatch() {
        PooledFairnessMonitor monitor = exposureMonitor();
        SplittableRandom random = new SplittableRandom(9);
        long pane = 15 * 60_000L;
        List<PooledAlert> alerts = new ArrayList<>();
        for (long t = pane; t < 3 * 3_600_000L; t += FLUSH) {
            CountDelta.Row small = impressions(random, "SMALL", pane(t), 16);
            CountDelta.Row large = impressions(random, "LARGE", pane(t) - pane, 1);
            alerts.addAll(monitor.apply(new CountDelta(List.of(small, large)), T0 + t + FLUSH));
            alerts.addAll(monitor.apply(new CountDelta(List.of(small)), T0 + t + FLUSH));
            alerts.addAll(monitor.apply(new CountDelta(List.of(impressions(random, "LARGE", pane(t) + pane, 1))),
                    T0 + t + FLUSH));
        }
        assertThat(alerts).isEmpty();
    }

    @Test
    void providersRankedAlikeRaiseNoExposureAlertInADay() {
        PooledFairnessMonitor monitor = exposureMonitor();
        SplittableRandom random = new SplittableRandom(8);
        List<PooledAlert> alerts = new ArrayList<>();
        for (long t = 0; t < 24 * 3_600_000L; t += FLUSH) {
            int first = 1 + random.nextInt(6);
            List<CountDelta.Row> rows = List.of(impressions(random, "SMALL", pane(t), first),
                    impressions(random, "LARGE", pane(t), first));
            alerts.addAll(monitor.apply(new CountDelta(rows), T0 + t + FLUSH));
        }
        assertThat(alerts).isEmpty();
    }

    /** 12 impressions at ranks first..first+4, relevance uniform on [0, 1]. */
    private static CountDelta.Row impressions(SplittableRandom random, String group, long pane, int first) {
        long exposure = 0;
        long relevance = 0;
        for (int i = 0; i < 12; i++) {
            exposure += ExposureUnits.exposure(first + random.nextInt(5));
            relevance += ExposureUnits.relevance(random.nextDouble());
        }
        return new CountDelta.Row(group, pane, 12, 0, 0, 0, exposure, relevance);
    }

    /** eu-gdpr's recommendation provider groups, LARGE the reference, exposure ratio threshold 0.8. */
    private static PooledFairnessMonitor exposureMonitor() {
        FairnessSettings settings = new FairnessSettings(true, Duration.ofHours(1), Duration.ofMinutes(15),
                Duration.ofMinutes(5), 100, 0.8, 0.1, 0.1, 0.8, 3, new FalseAlarmBudget(0.01, Duration.ofDays(30)),
                Map.of("providerGroup", "LARGE"));
        return new PooledFairnessMonitor("eu-gdpr", "recommendation", "providerGroup", settings, ALLOCATION,
                PooledMetric.rankingMetrics());
    }

    private static PooledFairnessMonitor monitor() {
        return new PooledFairnessMonitor("eu-gdpr", "financial-sentiment", "gender", SETTINGS, ALLOCATION,
                PooledMetric.decisionMetrics(false));
    }

    /** Two tasks flushing every 30 s; each flush holds the votes of 15 s per task. */
    private static List<PooledAlert> run(PooledFairnessMonitor monitor, double female, double male, long from,
                                         long to, SplittableRandom random) {
        List<PooledAlert> alerts = new ArrayList<>();
        for (long t = from; t < to; t += FLUSH) {
            for (int task = 0; task < 2; task++) {
                long f = binomial(random, 12, female);
                long m = binomial(random, 12, male);
                CountDelta delta = new CountDelta(List.of(new CountDelta.Row("F", pane(t), 12, f, 0, 0),
                        new CountDelta.Row("M", pane(t), 12, m, 0, 0)));
                alerts.addAll(monitor.apply(delta, T0 + t + FLUSH));
            }
        }
        return alerts;
    }

    private static long pane(long t) {
        return T0 + t - t % 900_000;
    }

    private static long binomial(SplittableRandom random, int n, double p) {
        long hits = 0;
        for (int i = 0; i < n; i++) {
            hits += random.nextDouble() < p ? 1 : 0;
        }
        return hits;
    }
}
