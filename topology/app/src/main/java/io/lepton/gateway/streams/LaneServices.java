package io.lepton.gateway.streams;

import io.lepton.gateway.engine.GatewayEngine;
import io.lepton.gateway.failure.FailureMetrics;
import io.lepton.gateway.streams.aggregate.AggregateMetrics;
import io.lepton.gateway.streams.fairness.FairnessMeters;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What every lane's nodes share: the engine that makes the privacy decisions, the wire-format codec, and the meters.
 * One instance per topology; the meter classes are thread-safe and shared by all stream threads.
 */
record LaneServices(GatewayEngine engine, RecordCodec codec, RecordMetrics records, BudgetMetrics budgets,
        FairnessMeters fairness, FailureMetrics failures, AggregateMetrics aggregates) {

    static LaneServices of(GatewayEngine engine, RecordCodec codec, MeterRegistry meters) {
        return new LaneServices(engine, codec, new RecordMetrics(meters), new BudgetMetrics(meters),
                new FairnessMeters(meters), new FailureMetrics(meters), new AggregateMetrics(meters));
    }
}
