package io.lepton.gateway.engine.fairness.pooled;

/**
 * The test of one comparison slot (metric, group against the reference) in one scope (a budget period or a window):
 * an e-process whose current value the monitor compares with 1/α. {@link PooledMetric#newTest} creates the kind its
 * metric needs and {@link PooledMetric#offer} feeds it the counters it reads.
 */
sealed interface SlotTest permits ComparisonTest, ExposureComparisonTest {

    /** ln of the current e-value against the slot's H0. */
    double logEValue();
}
