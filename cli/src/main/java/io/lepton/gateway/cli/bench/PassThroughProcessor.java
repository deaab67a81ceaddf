package io.lepton.gateway.cli.bench;

import io.lepton.gateway.engine.family.EventFamily;
import io.lepton.gateway.streams.RecordCodec;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/** The baseline's only work: decode a raw record with the family's raw schema and pass the decoded event on. */
final class PassThroughProcessor implements Processor<byte[], byte[], byte[], GenericRecord> {

    private final EventFamily family;
    private final RecordCodec codec;
    private ProcessorContext<byte[], GenericRecord> context;

    PassThroughProcessor(EventFamily family, RecordCodec codec) {
        this.family = family;
        this.codec = codec;
    }

    @Override
    public void init(ProcessorContext<byte[], GenericRecord> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        context.forward(record.withValue(codec.decode(family, family.rawTopic(), record.value())));
    }
}
