package io.lepton.gateway.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.junit.jupiter.api.Test;

class RecordMetricsTest {

    @Test
    void processCpuCounterGrowsAtLeastByTheCpuTimeThisThreadSpends() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new RecordMetrics(registry);
        FunctionCounter cpu = registry.get(RecordMetrics.PROCESS_CPU).functionCounter();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();

        double before = cpu.count();
        long threadBefore = threads.getCurrentThreadCpuTime();
        long sink = 0;
        while (threads.getCurrentThreadCpuTime() - threadBefore < 50_000_000L) {
            sink += Long.numberOfTrailingZeros(sink + System.nanoTime());
        }
        double threadSeconds = (threads.getCurrentThreadCpuTime() - threadBefore) / 1e9;

        // The process's CPU time includes this thread's: it grew by at least the 50 ms this loop burnt.
        assertThat(sink).isNotNegative();
        assertThat(cpu.count() - before).isGreaterThanOrEqualTo(threadSeconds * 0.99);
        assertThat(cpu.getId().getBaseUnit()).isEqualTo("seconds");
    }
}
