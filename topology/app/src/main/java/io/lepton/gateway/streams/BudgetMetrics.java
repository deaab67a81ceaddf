package io.lepton.gateway.streams;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counters of events whose subject's privacy budget was spent, by jurisdiction and outcome
 * ({@code lepton_dp_budget_exhausted_total{jurisdiction, outcome=withheld|suppressed}} in Prometheus), the signal
 * behind the budget-exhaustion alert. Labels carry no subject.
 */
final class BudgetMetrics {

    static final String EXHAUSTED = "lepton.dp.budget.exhausted";

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    BudgetMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts one event of {@code jurisdiction} whose dp fields were withheld or which was suppressed. */
    void exhausted(String jurisdiction, String outcome) {
        counters.computeIfAbsent(jurisdiction + "|" + outcome, k -> Counter.builder(EXHAUSTED)
                .description("Events released without dp fields, or suppressed, because the subject's budget is spent")
                .tag("jurisdiction", jurisdiction).tag("outcome", outcome).register(registry)).increment();
    }
}
