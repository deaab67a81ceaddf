package io.lepton.gateway.streams.aggregate;

import io.lepton.gateway.engine.aggregate.AggregateQuery;
import io.lepton.gateway.engine.aggregate.AggregateRelease;
import io.lepton.gateway.engine.aggregate.Contribution;
import io.lepton.gateway.engine.aggregate.NoiseSource;
import io.lepton.gateway.engine.aggregate.WindowedAggregator;
import io.lepton.schemas.DpAggregate;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stateful second stage, one task per (jurisdiction, family): admits contributions into the engine's
 * {@link WindowedAggregator} over a changelogged store and, on stream-time punctuation, releases every window whose
 * event-time clock has passed its end plus grace. Kafka Streams checks stream-time punctuation before it processes
 * the record that advanced stream time, so a window closed by a record is released at the next punctuation, within
 * one interval of stream time; what it contains is fixed by the engine's clock, not by that timing. The store holds
 * the release watermark, so under exactly-once the release records, the watermark and the deleted window state
 * commit together: a window is released once, and a crash before the commit re-releases identical values (the
 * noise is keyed).
 */
final class AggregateProcessor implements Processor<String, byte[], String, DpAggregate> {

    private static final Logger LOGGER = LoggerFactory.getLogger(AggregateProcessor.class);

    private final List<AggregateQuery> queries;
    private final NoiseSource keys;
    private final String storeName;
    private final Duration punctuateEvery;
    private final AggregateMetrics metrics;
    private WindowedAggregator aggregator;
    private ProcessorContext<String, DpAggregate> context;

    AggregateProcessor(List<AggregateQuery> queries, NoiseSource keys, String storeName, Duration punctuateEvery,
            AggregateMetrics metrics) {
        this.queries = queries;
        this.keys = keys;
        this.storeName = storeName;
        this.punctuateEvery = punctuateEvery;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, DpAggregate> context) {
        this.context = context;
        this.aggregator = new WindowedAggregator(queries, new KeyValueByteStore(context.getStateStore(storeName)),
                keys);
        context.schedule(punctuateEvery, PunctuationType.STREAM_TIME, timestamp -> release());
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (record.value() == null) {
            return;
        }
        for (Contribution contribution : Contribution.unbundle(record.value())) {
            metrics.admitted(queries.get(contribution.aggregate()), aggregator.accept(contribution));
        }
    }

    private void release() {
        WindowedAggregator.Closed closed = aggregator.closeDue();
        metrics.closed(queries.get(0).jurisdiction(), queries.get(0).family(), closed);
        for (AggregateRelease release : closed.releases()) {
            // Never later than the wall clock: under pure event time a far-future window would carry a timestamp the
            // broker refuses (message.timestamp.after.max.ms), failing the stream thread on every retry.
            context.forward(new Record<>(DpAggregateRecords.key(release), DpAggregateRecords.toAvro(release),
                    Math.min(release.windowEnd(), context.currentSystemTimeMs())));
        }
        if (closed.windows() > 0) {
            LOGGER.info("dp aggregates released: store={} windows={} groups={} suppressedGroups={} records={}",
                    storeName, closed.windows(), closed.groups(), closed.suppressedGroups(),
                    closed.releases().size());
        }
    }
}
