package io.lepton.gateway.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The last answer of one health check as the gauge {@code lepton_health_status{check}} (1 up, 0 down).
 *
 * <p>Why the last answer rather than a fresh probe per scrape: the probes reach the registry and the broker over
 * the network, and a scrape must stay cheap; the orchestrator calls the checks every few seconds anyway, so the gauge
 * is as fresh as the decision that mattered. It reads 0 until the first probe, when nothing has been checked yet.
 */
final class HealthGauge {

    static final String NAME = "lepton.health.status";

    private final AtomicInteger status = new AtomicInteger();

    HealthGauge(MeterRegistry meters, String check) {
        Gauge.builder(NAME, status, AtomicInteger::get)
                .description("Last answer of the gateway's health check: 1 up, 0 down")
                .tag("check", check)
                .register(meters);
    }

    void record(HealthVerdict verdict) {
        status.set(verdict.up() ? 1 : 0);
    }
}
