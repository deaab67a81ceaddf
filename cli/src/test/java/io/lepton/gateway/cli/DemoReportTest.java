package io.lepton.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Rendering of the demo's live block and final summary, with and without the audit and alert topics. */
class DemoReportTest {

    private static final DemoSnapshot.LatencySummary LATENCY = new DemoSnapshot.LatencySummary(300, 40, 180, 250);
    private static final DemoSnapshot.LatencySummary NONE = new DemoSnapshot.LatencySummary(0, 0, 0, 0);

    @Test
    void liveBlockShowsRatesOverTheIntervalAndNotAvailableRows() {
        DemoSnapshot before = snapshot(5_000, Map.of("recommendation", 100L), Optional.empty(), Optional.empty());
        DemoSnapshot after = snapshot(10_000, Map.of("recommendation", 600L), Optional.empty(), Optional.empty());

        String block = DemoReport.live(before, after);

        assertThat(block).startsWith("[  10s] events/s   recommendation 100.0   (total 100.0/s)")
                .contains("quarantined 3 (undecodable 2, unroutable-region 1)")
                .contains("PII found   n/a").contains("fairness alerts  n/a").contains("DP aggregates    n/a")
                .contains("latency     p50 40 ms, p99 180 ms, max 250 ms");
    }

    @Test
    void summaryShowsAuditAndAlertRowsWhenTheirTopicsExist() {
        DemoSnapshot.FairnessAlertLine alert = new DemoSnapshot.FairnessAlertLine("BREACH", "eu-gdpr",
                "financial-sentiment", "disparate_impact", "gender", List.of("F", "M"), 0.68, 0.8, "SEQUENTIAL", 2.5e5, 1.6e-5);
        DemoSnapshot last = snapshot(25_000, Map.of("customer-service", 10L, "recommendation", 12L),
                Optional.of(Map.of("EMAIL", 7L, "IBAN", 3L)), Optional.of(List.of(alert)));

        String summary = DemoReport.summary(last, Map.of("customer-service", 11L));

        assertThat(summary.lines()).containsExactly(
                "=== demo summary after 25 s ===",
                "generator sent          customer-service 11",
                "events by family        recommendation 12, customer-service 10",
                "by jurisdiction         eu-gdpr 22",
                "quarantined             3 (undecodable 2, unroutable-region 1)",
                "PII found by type       EMAIL 7, IBAN 3",
                "DP suppressions         WITHHELD 4",
                "fairness alerts         BREACH eu-gdpr financial-sentiment disparate_impact gender F vs M = 0.68"
                        + " (sequential, threshold 0.80, e-value 2.50e+05, alpha 1.6e-05)",
                "DP aggregates           eu-gdpr customer-service by-intent 10:15:00–10:15:30: 1 group",
                "                          eu-gdpr customer-service by-intent 10:15:00–10:15:30 intent=BILLING: "
                        + "messages 123.40 [115.00..131.80], customers 98.00 [90.00..106.00]",
                "latency                 p50 40 ms, p99 180 ms, max 250 ms (produce to consume, 300 records)");
    }

    @Test
    void summarySaysNoneForAnExistingTopicWithNothingOnIt() {
        DemoSnapshot last = snapshot(25_000, Map.of(), Optional.of(Map.of()), Optional.of(List.of()));

        assertThat(DemoReport.summary(last, Map.of())).contains("events by family        none")
                .contains("PII found by type       none").contains("fairness alerts         none")
                .contains("DP aggregates           none released yet")
                .doesNotContain("generator sent");
    }

    private static DemoSnapshot snapshot(long elapsed, Map<String, Long> byFamily,
            Optional<Map<String, Long>> pii, Optional<List<DemoSnapshot.FairnessAlertLine>> alerts) {
        long total = byFamily.values().stream().mapToLong(Long::longValue).sum();
        return new DemoSnapshot(elapsed, byFamily, total == 0 ? Map.of() : Map.of("eu-gdpr", total),
                Map.of("undecodable", 2L, "unroutable-region", 1L), pii,
                pii.map(p -> p.isEmpty() ? Map.<String, Long>of() : Map.of("WITHHELD", 4L)), alerts,
                total == 0 ? NONE : LATENCY, total == 0 ? NONE : LATENCY,
                pii.map(p -> p.isEmpty() ? List.of() : List.of(release("messages", 123.4, 115.0, 131.8),
                        release("customers", 98.0, 90.0, 106.0))));
    }

    private static DemoSnapshot.AggregateLine release(String metric, double value, double low, double high) {
        // 2026-11-24T10:15:00Z to 10:15:30Z
        return new DemoSnapshot.AggregateLine("eu-gdpr", "customer-service", "by-intent", 1_795_515_300_000L,
                1_795_515_330_000L, "intent=BILLING", metric, value, low, high);
    }
}
