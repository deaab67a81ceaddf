package io.lepton.gateway.failure;

import static org.assertj.core.api.Assertions.assertThat;

import io.lepton.serdes.RegistryUnavailableException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler.ProcessingHandlerResponse;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QuarantineAwareProcessingExceptionHandlerTest {

    private static final Record<String, String> RECORD = new Record<>("alice", "value", 1_767_225_600_000L);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final QuarantineAwareProcessingExceptionHandler handler = new QuarantineAwareProcessingExceptionHandler();

    @BeforeEach
    void configure() {
        handler.configure(Map.of(QuarantineAwareProcessingExceptionHandler.METER_REGISTRY_CONFIG, meters));
    }

    @Test
    void aTransientCauseFailsTheThreadSoTheRecordIsRetried() {
        assertThat(handler.handle(new Context("route-x"), RECORD, new RegistryUnavailableException("down", null)))
                .isEqualTo(ProcessingHandlerResponse.FAIL);
        assertThat(meters.counter(FailureMetrics.PROCESSING_ERRORS, "node", "route-x", "exception",
                RegistryUnavailableException.class.getName(), "action", "retried").count()).isEqualTo(1.0);
    }

    @Test
    void anyOtherFailureIsSkippedAndCounted() {
        assertThat(handler.handle(new Context("route-x"), RECORD, new ArithmeticException("/ by zero")))
                .isEqualTo(ProcessingHandlerResponse.CONTINUE);
        assertThat(meters.counter(FailureMetrics.PROCESSING_ERRORS, "node", "route-x", "exception",
                "java.lang.ArithmeticException", "action", "skipped").count()).isEqualTo(1.0);
    }

    private record Context(String processorNodeId) implements ErrorHandlerContext {

        @Override
        public String topic() {
            return "raw.recommendation";
        }

        @Override
        public int partition() {
            return 0;
        }

        @Override
        public long offset() {
            return 7;
        }

        @Override
        public Headers headers() {
            return new RecordHeaders();
        }

        @Override
        public TaskId taskId() {
            return new TaskId(0, 0);
        }

        @Override
        public long timestamp() {
            return RECORD.timestamp();
        }

        @Override
        public byte[] sourceRawKey() {
            return new byte[0];
        }

        @Override
        public byte[] sourceRawValue() {
            return new byte[0];
        }
    }
}
