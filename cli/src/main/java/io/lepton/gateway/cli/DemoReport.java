package io.lepton.gateway.cli;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Renders demo snapshots as text: a compact block every few seconds (rates over the last interval) and a final
 * summary (totals and the latest DP aggregate releases). Rows whose source topic does not exist read "n/a", distinct
 * from "none".
 */
final class DemoReport {

    private static final String INDENT = "       ";
    private static final int MAX_RELEASE_LINES = 8;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private DemoReport() {}

    /** The live block: rates between {@code previous} and {@code current}. */
    static String live(DemoSnapshot previous, DemoSnapshot current) {
        double seconds = Math.max(0.001, (current.elapsedMillis() - previous.elapsedMillis()) / 1000.0);
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "[%4ds] events/s   %s   (total %.1f/s)%n", current.elapsedMillis() / 1000,
                rates(previous.byFamily(), current.byFamily(), seconds),
                (current.total() - previous.total()) / seconds));
        out.append(INDENT).append("by jurisdiction/s  ")
                .append(rates(previous.byJurisdiction(), current.byJurisdiction(), seconds)).append('\n');
        out.append(INDENT).append("quarantined ").append(sum(current.quarantinedByReason()))
                .append(counts(current.quarantinedByReason()).map(c -> " (" + c + ")").orElse("")).append('\n');
        out.append(INDENT).append("PII found   ").append(available(current.piiByType(), DemoReport::countsOrNone))
                .append('\n');
        out.append(INDENT).append("DP suppressions  ")
                .append(available(current.budgetOutcomes(), DemoReport::countsOrNone)).append('\n');
        out.append(INDENT).append("fairness alerts  ").append(available(current.fairnessAlerts(), DemoReport::alerts))
                .append('\n');
        out.append(INDENT).append("DP aggregates    ")
                .append(available(current.aggregates(), DemoReport::latestWindows)).append('\n');
        out.append(INDENT).append("latency     ").append(latency(current.intervalLatency())).append('\n');
        return out.toString();
    }

    /** The final summary: totals over the whole run, plus what the generator sent (empty when it did not run). */
    static String summary(DemoSnapshot last, Map<String, Long> generatorSent) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "=== demo summary after %d s ===", last.elapsedMillis() / 1000));
        if (!generatorSent.isEmpty()) {
            lines.add(row("generator sent", countsOrNone(generatorSent)));
        }
        lines.add(row("events by family", countsOrNone(last.byFamily())));
        lines.add(row("by jurisdiction", countsOrNone(last.byJurisdiction())));
        lines.add(row("quarantined", sum(last.quarantinedByReason()) + counts(last.quarantinedByReason())
                .map(c -> " (" + c + ")").orElse("")));
        lines.add(row("PII found by type", available(last.piiByType(), DemoReport::countsOrNone)));
        lines.add(row("DP suppressions", available(last.budgetOutcomes(), DemoReport::countsOrNone)));
        lines.add(row("fairness alerts", available(last.fairnessAlerts(), DemoReport::alerts)));
        lines.add(row("DP aggregates", available(last.aggregates(), DemoReport::latestWindows)));
        last.aggregates().ifPresent(releases -> releaseLines(releases).forEach(line -> lines.add(row("", line))));
        lines.add(row("latency", latency(last.totalLatency())));
        return String.join("\n", lines) + "\n";
    }

    private static String row(String label, String value) {
        return String.format(Locale.ROOT, "%-23s %s", label, value);
    }

    private static <T> String available(Optional<T> row, java.util.function.Function<T, String> render) {
        return row.map(render).orElse("n/a (topic not written by this gateway build)");
    }

    private static String rates(Map<String, Long> before, Map<String, Long> now, double seconds) {
        return new TreeMap<>(now).entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %.1f", e.getKey(),
                        (e.getValue() - before.getOrDefault(e.getKey(), 0L)) / seconds))
                .collect(Collectors.joining("  "));
    }

    private static Optional<String> counts(Map<String, Long> counts) {
        if (counts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TreeMap<>(counts).entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
    }

    private static String countsOrNone(Map<String, Long> counts) {
        return counts(counts).orElse("none");
    }

    private static long sum(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    private static String alerts(List<DemoSnapshot.FairnessAlertLine> alerts) {
        if (alerts.isEmpty()) {
            return "none";
        }
        return alerts.stream().map(a -> String.format(Locale.ROOT,
                "%s %s %s %s %s %s = %.2f (%s, threshold %.2f, e-value %.3g, alpha %.2g)", a.status(),
                a.jurisdiction(), a.family(), a.metric(), a.attribute(), String.join(" vs ", a.groups()), a.value(),
                a.kind().toLowerCase(Locale.ROOT), a.threshold(), a.eValue(), a.alphaSpent()))
                .collect(Collectors.joining("; "));
    }

    /** One phrase: how many groups each aggregate released in its latest closed window. */
    private static String latestWindows(List<DemoSnapshot.AggregateLine> releases) {
        if (releases.isEmpty()) {
            return "none released yet (a window is released after its end plus grace, and only groups with enough"
                    + " distinct subjects)";
        }
        Map<String, Set<String>> groups = new TreeMap<>();
        for (DemoSnapshot.AggregateLine r : releases) {
            groups.computeIfAbsent(String.join(" ", r.jurisdiction(), r.family(), r.aggregate(),
                    window(r)), k -> new TreeSet<>()).add(r.group());
        }
        return groups.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue().size() + " group"
                + (e.getValue().size() == 1 ? "" : "s")).collect(Collectors.joining("; "));
    }

    /**
     * The latest releases, one line per (aggregate, group) with every metric as noisy value and 95% noise interval,
     * at most {@link #MAX_RELEASE_LINES} lines.
     */
    private static List<String> releaseLines(List<DemoSnapshot.AggregateLine> releases) {
        Map<String, List<String>> byGroup = new TreeMap<>();
        for (DemoSnapshot.AggregateLine r : releases) {
            byGroup.computeIfAbsent(String.join(" ", r.jurisdiction(), r.family(), r.aggregate(), window(r),
                    r.group().isEmpty() ? "(all)" : r.group()), k -> new ArrayList<>())
                    .add(String.format(Locale.ROOT, "%s %.2f [%.2f..%.2f]", r.metric(), r.value(), r.low(),
                            r.high()));
        }
        List<String> lines = new ArrayList<>();
        byGroup.forEach((key, metrics) -> lines.add("  " + key + ": " + String.join(", ", metrics)));
        if (lines.size() > MAX_RELEASE_LINES) {
            int more = lines.size() - MAX_RELEASE_LINES;
            lines.subList(MAX_RELEASE_LINES, lines.size()).clear();
            lines.add("  … " + more + " more groups");
        }
        return lines;
    }

    private static String window(DemoSnapshot.AggregateLine release) {
        return TIME.format(Instant.ofEpochMilli(release.windowStart())) + "–"
                + TIME.format(Instant.ofEpochMilli(release.windowEnd()));
    }

    private static String latency(DemoSnapshot.LatencySummary latency) {
        if (latency.count() == 0) {
            return "no sanitized records yet";
        }
        return String.format(Locale.ROOT, "p50 %d ms, p99 %d ms, max %d ms (produce to consume, %d records)",
                latency.p50(), latency.p99(), latency.max(), latency.count());
    }
}
