package io.lepton.gateway.cli;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the demo has seen on the gateway's output topics so far. Rows whose source topic does not exist yet (audit
 * records, fairness alerts, on a gateway build without them) are empty rather than zero, so "not available" and
 * "none found" read differently.
 *
 * @param elapsedMillis time since the tally started
 * @param byFamily sanitized plus quarantined records per event family
 * @param byJurisdiction sanitized plus quarantined records per jurisdiction ({@code unrouted} for unroutable ones)
 * @param quarantinedByReason quarantined records per {@code lepton.quarantine.reason}
 * @param piiByType PII detected in free text, by type, from {@code privacy.audit.*}
 * @param budgetOutcomes events whose DP fields were withheld or whose record was suppressed, by outcome, from
 *     {@code privacy.audit.*}
 * @param fairnessAlerts the alerts seen on {@code fairness.alerts.<jurisdiction>}, latest state per alert key
 * @param latency sanitized-record latency (produce to consume) over the last interval and over the whole run
 * @param aggregates the releases of the latest closed window of each DP aggregate seen on {@code dp-aggregates.*}
 */
record DemoSnapshot(
        long elapsedMillis,
        Map<String, Long> byFamily,
        Map<String, Long> byJurisdiction,
        Map<String, Long> quarantinedByReason,
        Optional<Map<String, Long>> piiByType,
        Optional<Map<String, Long>> budgetOutcomes,
        Optional<List<FairnessAlertLine>> fairnessAlerts,
        LatencySummary intervalLatency,
        LatencySummary totalLatency,
        Optional<List<AggregateLine>> aggregates) {

    /** One fairness alert as reported: no person-level data, only the aggregate it is about. */
    record FairnessAlertLine(String status, String jurisdiction, String family, String metric, String attribute,
            List<String> groups, double value, double threshold, String kind, double eValue, double alphaSpent) {}

    /**
     * One DP aggregate release as an analyst reads it: a noisy value and its 95% noise interval, never a person.
     *
     * @param group the group's field values, {@code field=value} joined by {@code ,}
     */
    record AggregateLine(String jurisdiction, String family, String aggregate, long windowStart, long windowEnd,
            String group, String metric, double value, double low, double high) {}

    /** Latency percentiles in milliseconds; {@code count} 0 when nothing was measured. */
    record LatencySummary(long count, long p50, long p99, long max) {}

    long total() {
        return byFamily.values().stream().mapToLong(Long::longValue).sum();
    }
}
