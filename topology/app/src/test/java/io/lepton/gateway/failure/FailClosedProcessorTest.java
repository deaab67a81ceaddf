package io.lepton.gateway.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lepton.gateway.streams.QuarantineHeaders;
import io.lepton.serdes.RegistryUnavailableException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FailClosedProcessorTest {

    private static final long TIMESTAMP = 1_767_225_600_000L; // 2026-01-01T00:00:00Z
    private static final String STORE = "charges";
    private static final String SECRET = "jane.doe@example.com";

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
    private KeyValueStore<String, Long> store;

    @BeforeEach
    void realStore() {
        store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(STORE), Serdes.String(), Serdes.Long())
                .withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        context.setRecordMetadata("raw.customer-service", 3, 42L);
    }

    /**
     * Stands in for a sanitizer: charges the store, forwards a "sanitized" record and an "audit" record, and throws
     * between the two when the value says so (with a message quoting the value, as careless code would).
     */
    private static final class Sanitizer implements Processor<String, String, Object, Object> {

        private ProcessorContext<Object, Object> context;
        private KeyValueStore<String, Long> charges;

        @Override
        public void init(ProcessorContext<Object, Object> context) {
            this.context = context;
            this.charges = context.getStateStore(STORE);
            context.schedule(Duration.ofSeconds(10), PunctuationType.STREAM_TIME,
                    timestamp -> context.forward(new Record<>("rollup", "window", timestamp), "audit"));
        }

        @Override
        public void process(Record<String, String> record) {
            Long before = charges.get(record.key());
            charges.put(record.key(), before == null ? 1 : before + 1);
            context.forward(record.withValue("sanitized:" + record.key()), "sanitized");
            switch (record.value()) {
                case "bug" -> throw new IllegalStateException("cannot handle " + SECRET);
                case "registry-down" -> throw new RegistryUnavailableException("registry down", null);
                case "task-migrated" -> throw new StreamsException("store failure");
                default -> context.forward(record.withValue("audit:" + record.key()), "audit");
            }
        }
    }

    private Processor<String, String, Object, Object> wrapped() {
        Processor<String, String, Object, Object> processor = FailClosedProcessor.wrap(Sanitizer::new, "sanitize",
                "quarantine", record -> record.withKey("original-" + record.key()), new FailureMetrics(meters)).get();
        processor.init(context);
        return processor;
    }

    @Test
    void aRecordThatProcessesNormallyIsForwardedUnchanged() {
        wrapped().process(new Record<>("alice", "ok", TIMESTAMP));

        assertThat(context.forwarded()).extracting(f -> f.childName().orElse("*"), f -> f.record().value())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("sanitized", "sanitized:alice"),
                        org.assertj.core.groups.Tuple.tuple("audit", "audit:alice"));
        assertThat(store.get("alice")).isEqualTo(1L);
    }

    @Test
    void aRecordWhoseProcessingThrowsGoesOnlyToQuarantineAndNeverToTheSanitizedSink() {
        wrapped().process(new Record<>("alice", "bug", TIMESTAMP));

        assertThat(context.forwarded()).hasSize(1);
        MockProcessorContext.CapturedForward<?, ?> quarantined = context.forwarded().get(0);
        assertThat(quarantined.childName()).contains("quarantine");
        assertThat(quarantined.record().key()).isEqualTo("original-alice");
        assertThat(quarantined.record().value()).as("the raw input, as it arrived").isEqualTo("bug");
        assertThat(quarantined.record().timestamp()).isEqualTo(TIMESTAMP);
        assertThat(header(quarantined.record(), QuarantineHeaders.REASON)).isEqualTo("processing-error");
        assertThat(header(quarantined.record(), QuarantineHeaders.DETAIL))
                .isEqualTo("java.lang.IllegalStateException");
        assertThat(header(quarantined.record(), QuarantineHeaders.SOURCE_TOPIC)).isEqualTo("raw.customer-service");
        assertThat(header(quarantined.record(), QuarantineHeaders.SOURCE_PARTITION)).isEqualTo("3");
        assertThat(header(quarantined.record(), QuarantineHeaders.SOURCE_OFFSET)).isEqualTo("42");
        for (Header header : quarantined.record().headers()) {
            assertThat(new String(header.value(), StandardCharsets.UTF_8)).doesNotContain(SECRET);
        }
        assertThat(meters.counter(FailureMetrics.PROCESSING_ERRORS, "node", "sanitize",
                "exception", "java.lang.IllegalStateException", "action", "quarantined").count()).isEqualTo(1.0);
        assertThat(store.get("alice")).as("a charge made before the failure is kept: errs on the safe side")
                .isEqualTo(1L);
    }

    @Test
    void theNextRecordAfterAFailureIsProcessedNormally() {
        Processor<String, String, Object, Object> processor = wrapped();
        processor.process(new Record<>("alice", "bug", TIMESTAMP));
        context.resetForwards();
        processor.process(new Record<>("bob", "ok", TIMESTAMP + 1));

        assertThat(context.forwarded()).extracting(f -> (Object) f.record().value())
                .containsExactly("sanitized:bob", "audit:bob");
    }

    @Test
    void aTransientCauseIsRethrownWithNothingForwardedSoTheRecordIsRetried() {
        Processor<String, String, Object, Object> processor = wrapped();
        assertThatThrownBy(() -> processor.process(new Record<>("alice", "registry-down", TIMESTAMP)))
                .isInstanceOf(RegistryUnavailableException.class);
        assertThat(context.forwarded()).isEmpty();
    }

    @Test
    void kafkaStreamsOwnExceptionsReachTheStreamThread() {
        Processor<String, String, Object, Object> processor = wrapped();
        assertThatThrownBy(() -> processor.process(new Record<>("alice", "task-migrated", TIMESTAMP)))
                .isInstanceOf(StreamsException.class);
        assertThat(context.forwarded()).isEmpty();
    }

    @Test
    void forwardsFromPunctuatorsPassStraightThrough() {
        wrapped();
        context.scheduledPunctuators().get(0).getPunctuator().punctuate(TIMESTAMP);

        assertThat(context.forwarded()).extracting(f -> f.childName().orElse("*"), f -> f.record().value())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("audit", "window"));
    }

    @Test
    void theWrappedSupplierKeepsTheStoresOfTheOriginal() {
        StoreBuilder<KeyValueStore<String, Long>> builder = Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(STORE), Serdes.String(), Serdes.Long());
        ProcessorSupplier<String, String, Object, Object> original = new ProcessorSupplier<>() {
            @Override
            public Processor<String, String, Object, Object> get() {
                return new Sanitizer();
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(builder);
            }
        };
        assertThat(FailClosedProcessor.wrap(original, "n", "q", r -> r, new FailureMetrics(meters)).stores())
                .containsExactly(builder);
    }

    private static String header(Record<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
