package io.lepton.gateway.engine.fairness.pooled;

import io.lepton.gateway.engine.fairness.HoppingWindows;
import io.lepton.gateway.engine.policy.FairnessSettings;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The merge side of the pooled monitor for one (jurisdiction, family, attribute): it adds the deltas of every task,
 * so its counts are those of all partitions together, and runs one {@link SlotTest} per (metric,
 * non-reference group) on two horizons that share the jurisdiction's budget through {@link AlphaAllocation}:
 * <ul>
 *   <li><b>sequential</b>: one e-process per slot and budget period, fed with every delta as it arrives; a BREACH as
 *       soon as it crosses 1/α_seq (at most one per slot and period: a second would need budget of its own);</li>
 *   <li><b>window</b>: one e-process per slot and hopping window, fed with the votes of that window's panes and
 *       read once when the window closes (end + grace): BREACH when its e-value reaches 1/α_win, CLEARED when a slot
 *       that breached in the previous window closes below it with its point value back on the fair side.</li>
 * </ul>
 * Alerts need both groups at or above {@code minSamplesPerGroup} votes in the window they describe; sizes on alerts
 * are rounded ({@link RoundedSizes}). A monitor tests either decisions (the AIF360 metrics of a protected attribute)
 * or ranking impressions (the exposure ratio of an exposure-group attribute), as its metrics say.
 */
public final class PooledFairnessMonitor {

    private final String jurisdiction;
    private final String family;
    private final String attribute;
    private final String referenceGroup;
    private final HoppingWindows windows;
    private final FairnessSettings settings;
    private final AlphaAllocation allocation;
    private final List<PooledMetric> metrics;
    private final long periodMs;

    private final MonitorState state = new MonitorState();

    /**
     * @param metrics the metrics tested for the attribute: {@link PooledMetric#decisionMetrics(boolean)} or
     *                {@link PooledMetric#rankingMetrics()}
     */
    public PooledFairnessMonitor(String jurisdiction, String family, String attribute, FairnessSettings settings,
                                 AlphaAllocation allocation, List<PooledMetric> metrics) {
        this.jurisdiction = jurisdiction;
        this.family = family;
        this.attribute = attribute;
        this.referenceGroup = settings.referenceGroups().get(attribute);
        if (referenceGroup == null) {
            throw new IllegalArgumentException("no reference group declared for attribute " + attribute);
        }
        this.windows = HoppingWindows.of(settings.windowSize(), settings.windowAdvance(), settings.grace());
        this.settings = settings;
        this.allocation = allocation;
        this.metrics = List.copyOf(metrics);
        this.periodMs = settings.falseAlarmBudget().per().toMillis();
    }

    /** Votes that arrived after every window of their pane had closed (ignored). */
    public long lateVotes() {
        return state.lateVotes;
    }

    /**
     * Adds one task's delta, bets on it pane by pane, closes the windows {@code streamTime} has passed; returns new
     * alerts. Pane by pane because one subject votes once per pane: a bet on one pane of one task's delta never sees
     * one user twice, which the exposure test needs ({@link ExposureComparisonTest}); a delta spans several panes
     * only at a boundary or while catching up.
     */
    public List<PooledAlert> apply(CountDelta delta, long streamTime) {
        List<PooledAlert> alerts = new ArrayList<>();
        startPeriodOf(streamTime);
        Map<Long, Map<String, long[]>> byPane = new TreeMap<>();
        for (CountDelta.Row row : delta.rows()) {
            long[] starts = windows.startsContaining(row.paneStart());
            if (starts.length == 0 || max(starts) <= state.closedThrough) {
                state.lateVotes += row.votes();
                continue;
            }
            long[] counts = row.counters();
            add(state.panes.computeIfAbsent(row.paneStart(), p -> new LinkedHashMap<>()), row.group(), counts);
            add(byPane.computeIfAbsent(row.paneStart(), p -> new LinkedHashMap<>()), row.group(), counts);
        }
        boolean betThisPeriod = false;
        for (Map.Entry<Long, Map<String, long[]>> pane : byPane.entrySet()) {
            if (Math.floorDiv(pane.getKey(), periodMs) == state.period) {
                betSequential(pane.getValue(), streamTime, alerts);
                betThisPeriod = true;
            }
            for (long start : windows.startsContaining(pane.getKey())) {
                if (start > state.closedThrough) {
                    offer(state.windowTests.computeIfAbsent(start, s -> new LinkedHashMap<>()), pane.getValue(),
                            start);
                }
            }
        }
        if (!betThisPeriod) {
            // No votes of this period: still look at the period's e-values, as every delta does.
            betSequential(Map.of(), streamTime, alerts);
        }
        closeWindows(streamTime, alerts);
        return alerts;
    }

    private void startPeriodOf(long streamTime) {
        long current = Math.floorDiv(streamTime, periodMs);
        if (current > state.period) {
            state.period = current;
            state.sequentialTests.clear();
            state.sequentialAlerted.clear();
        }
    }

    private void betSequential(Map<String, long[]> delta, long streamTime, List<PooledAlert> alerts) {
        Map<String, Double> peaks = offer(state.sequentialTests, delta, state.period);
        double threshold = Math.log(1 / allocation.sequentialAlpha());
        long shownStart = min(windows.startsContaining(streamTime));
        Map<String, long[]> shown = totals(shownStart, windows.end(shownStart));
        for (Map.Entry<String, Double> peak : peaks.entrySet()) {
            String slot = peak.getKey();
            if (peak.getValue() >= threshold && !state.sequentialAlerted.contains(slot)) {
                PooledAlert alert = alert(PooledAlert.Kind.SEQUENTIAL, true, slot, shown, peak.getValue(),
                        allocation.sequentialAlpha(), shownStart, "p" + state.period);
                if (alert != null) {
                    state.sequentialAlerted.add(slot);
                    alerts.add(alert);
                }
            }
        }
    }

    /** Offers the delta to every (metric, group) test of {@code tests}; returns each touched slot's peak ln e. */
    private Map<String, Double> offer(Map<String, SlotTest> tests, Map<String, long[]> delta, long scope) {
        Map<String, Double> peaks = new LinkedHashMap<>();
        long[] reference = delta.getOrDefault(referenceGroup, new long[CountDelta.COUNTERS]);
        Set<String> groups = new HashSet<>(delta.keySet());
        for (String slot : tests.keySet()) {
            groups.add(groupOf(slot));
        }
        groups.remove(referenceGroup);
        for (String group : groups) {
            long[] counts = delta.getOrDefault(group, new long[CountDelta.COUNTERS]);
            for (PooledMetric metric : metrics) {
                String slot = metric.id() + "|" + group;
                SlotTest test = tests.computeIfAbsent(slot, s -> metric.newTest(threshold(metric), seed(s, scope)));
                peaks.put(slot, metric.offer(test, counts, reference));
            }
        }
        return peaks;
    }

    private void closeWindows(long streamTime, List<PooledAlert> alerts) {
        double threshold = Math.log(1 / allocation.windowAlpha());
        while (!state.windowTests.isEmpty() && windows.closed(state.windowTests.firstKey(), streamTime)) {
            long start = state.windowTests.firstKey();
            Map<String, SlotTest> tests = state.windowTests.remove(start);
            Map<String, long[]> window = totals(start, windows.end(start));
            Set<String> breached = new HashSet<>();
            for (Map.Entry<String, SlotTest> entry : tests.entrySet()) {
                String slot = entry.getKey();
                double logE = entry.getValue().logEValue();
                if (logE >= threshold) {
                    PooledAlert alert = alert(PooledAlert.Kind.WINDOW, true, slot, window, logE,
                            allocation.windowAlpha(), start, "w" + start);
                    if (alert != null) {
                        breached.add(slot);
                        alerts.add(alert);
                    }
                } else if (state.breachedLastWindow.contains(slot)) {
                    PooledAlert cleared = alert(PooledAlert.Kind.WINDOW, false, slot, window, logE,
                            allocation.windowAlpha(), start, "w" + start);
                    if (cleared != null && !metricOf(slot).adverse(cleared.value(), cleared.threshold())) {
                        alerts.add(cleared);
                    } else {
                        breached.add(slot);
                    }
                }
            }
            state.breachedLastWindow.clear();
            state.breachedLastWindow.addAll(breached);
            state.closedThrough = start;
        }
        if (!state.windowTests.isEmpty() || state.closedThrough != Long.MIN_VALUE) {
            long oldestOpen = state.windowTests.isEmpty()
                    ? state.closedThrough + windows.advanceMs() : state.windowTests.firstKey();
            state.panes.headMap(Math.min(oldestOpen, min(windows.startsContaining(streamTime))), false).clear();
        }
    }

    /** The alert for a slot, or null when a group of the shown window is below the sample gate. */
    private PooledAlert alert(PooledAlert.Kind kind, boolean breach, String slot, Map<String, long[]> window,
                              double logE, double alpha, long windowStart, String scope) {
        PooledMetric metric = metricOf(slot);
        String group = groupOf(slot);
        long[] groupCounts = window.getOrDefault(group, new long[CountDelta.COUNTERS]);
        long[] referenceCounts = window.getOrDefault(referenceGroup, new long[CountDelta.COUNTERS]);
        long gate = settings.minSamplesPerGroup();
        if (metric.trials(groupCounts) < gate || metric.trials(referenceCounts) < gate) {
            return null;
        }
        Map<String, Long> sizes = new LinkedHashMap<>();
        sizes.put(group, RoundedSizes.round(metric.trials(groupCounts)));
        sizes.put(referenceGroup, RoundedSizes.round(metric.trials(referenceCounts)));
        String id = String.join("/", jurisdiction, family, attribute, metric.id(), group, kind.name().toLowerCase(),
                scope, breach ? "BREACH" : "CLEARED");
        return new PooledAlert(id, kind, breach, metric, attribute, group, referenceGroup,
                metric.value(groupCounts, referenceCounts), threshold(metric), Math.exp(Math.min(logE, 700)), alpha,
                windowStart, windows.end(windowStart), sizes);
    }

    /** The gated, rounded view of the window shown on sequential alerts at {@code streamTime}. */
    public WindowView view(long streamTime) {
        long start = min(windows.startsContaining(streamTime));
        Map<String, long[]> window = totals(start, windows.end(start));
        long gate = settings.minSamplesPerGroup();
        boolean labelled = metrics.stream().anyMatch(PooledMetric::needsLabels);
        boolean ranking = metrics.stream().anyMatch(PooledMetric::ranking);
        List<WindowView.Group> groups = new ArrayList<>();
        window.forEach((group, counts) -> {
            if (counts[0] >= gate) {
                double selectionRate = ranking ? Double.NaN : (double) counts[1] / counts[0];
                double truePositiveRate = labelled && counts[2] >= gate ? (double) counts[3] / counts[2] : Double.NaN;
                double exposurePerRelevance = ranking ? PooledMetric.exposurePerRelevance(counts) : Double.NaN;
                groups.add(new WindowView.Group(group, RoundedSizes.round(counts[0]), selectionRate,
                        truePositiveRate, exposurePerRelevance));
            }
        });
        List<WindowView.Metric> values = new ArrayList<>();
        long[] reference = window.getOrDefault(referenceGroup, new long[CountDelta.COUNTERS]);
        window.forEach((group, counts) -> {
            for (PooledMetric metric : metrics) {
                if (!group.equals(referenceGroup) && metric.trials(counts) >= gate
                        && metric.trials(reference) >= gate) {
                    values.add(new WindowView.Metric(metric.id(), group, metric.value(counts, reference)));
                }
            }
        });
        return new WindowView(start, groups, values);
    }

    private Map<String, long[]> totals(long from, long to) {
        Map<String, long[]> totals = new LinkedHashMap<>();
        state.panes.subMap(from, true, to, false).values()
                .forEach(groups -> groups.forEach((g, c) -> add(totals, g, c)));
        return totals;
    }

    /**
     * The monitor's whole state (pooled pane counts, every test's wealth, bet moments, random state and pending
     * votes, alert flags) for a state store; see {@link MonitorStateCodec}.
     */
    public byte[] toBytes() {
        return MonitorStateCodec.encode(state);
    }

    /** Replaces this monitor's state with one written by {@link #toBytes()}. */
    public void restore(byte[] bytes) {
        MonitorStateCodec.decode(bytes, state);
    }

    private double threshold(PooledMetric metric) {
        return switch (metric) {
            case DISPARATE_IMPACT -> settings.minDisparateImpact();
            case STATISTICAL_PARITY_DIFFERENCE -> settings.maxParityDifference();
            case EQUAL_OPPORTUNITY_DIFFERENCE -> settings.maxEqualOpportunityDifference();
            case EXPOSURE_RATIO -> settings.minExposureRatio();
        };
    }

    private long seed(String slot, long scope) {
        return SubjectVotes.mix((jurisdiction + "|" + family + "|" + attribute + "|" + slot).hashCode() * 31L + scope);
    }

    private static PooledMetric metricOf(String slot) {
        String id = slot.substring(0, slot.indexOf('|'));
        for (PooledMetric metric : PooledMetric.values()) {
            if (metric.id().equals(id)) {
                return metric;
            }
        }
        throw new IllegalStateException("unknown metric in slot " + slot);
    }

    private static String groupOf(String slot) {
        return slot.substring(slot.indexOf('|') + 1);
    }

    private static void add(Map<String, long[]> totals, String group, long[] counts) {
        long[] sum = totals.computeIfAbsent(group, g -> new long[CountDelta.COUNTERS]);
        for (int i = 0; i < CountDelta.COUNTERS; i++) {
            sum[i] += counts[i];
        }
    }

    private static long max(long[] values) {
        long max = Long.MIN_VALUE;
        for (long v : values) {
            max = Math.max(max, v);
        }
        return max;
    }

    private static long min(long[] values) {
        long min = Long.MAX_VALUE;
        for (long v : values) {
            min = Math.min(min, v);
        }
        return min;
    }
}
