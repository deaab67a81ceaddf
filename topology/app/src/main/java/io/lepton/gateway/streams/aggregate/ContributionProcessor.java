package io.lepton.gateway.streams.aggregate;

import io.lepton.gateway.engine.aggregate.AggregateQuery;
import io.lepton.gateway.engine.aggregate.Contribution;
import io.lepton.gateway.engine.aggregate.NoiseSource;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Function;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Stateless first stage: turns each decoded event of the lane into one contribution per declared aggregate (keyed
 * subject token, group key, clamped values; nothing else of the event) and forwards them, bundled into one record
 * per event ({@link Contribution#bundle}), all under one key, to the single-partition hop that feeds the {@link AggregateProcessor}. An event whose time the engine refuses (outside the
 * policy's accepted window, which the sanitizer quarantines) contributes nothing: one future-dated event would
 * otherwise move the aggregates' stream time ahead and make every later event late.
 */
final class ContributionProcessor<K, V> implements Processor<K, V, String, byte[]> {

    private final List<AggregateQuery> queries;
    private final NoiseSource keys;
    private final Function<V, GenericRecord> decoded;
    private final Function<GenericRecord, OptionalLong> acceptedTime;
    private final String hopKey;
    private ProcessorContext<String, byte[]> context;

    ContributionProcessor(List<AggregateQuery> queries, NoiseSource keys, Function<V, GenericRecord> decoded,
            Function<GenericRecord, OptionalLong> acceptedTime, String hopKey) {
        this.queries = queries;
        this.keys = keys;
        this.decoded = decoded;
        this.acceptedTime = acceptedTime;
        this.hopKey = hopKey;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
    }

    @Override
    public void process(Record<K, V> record) {
        GenericRecord event = record.value() == null ? null : decoded.apply(record.value());
        if (event == null) {
            return;
        }
        OptionalLong time = acceptedTime.apply(event);
        if (time.isEmpty()) {
            return;
        }
        List<Contribution> contributions = new ArrayList<>(queries.size());
        for (AggregateQuery query : queries) {
            query.contribution(event, time.getAsLong(), keys).ifPresent(contributions::add);
        }
        if (!contributions.isEmpty()) {
            context.forward(new Record<>(hopKey, Contribution.bundle(contributions), record.timestamp()));
        }
    }
}
