package io.lepton.loadtest.jmh;

import io.lepton.gateway.engine.text.FreeTextScanner;
import io.lepton.gateway.engine.text.FreeTextScrubber;
import io.lepton.gateway.engine.text.Replacer;
import io.lepton.gateway.engine.text.Replacers;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Single-thread throughput of {@link FreeTextScrubber} (all detectors, three linked values per message, typed
 * placeholders) over a fixed batch of realistic chat messages. One operation scrubs the whole batch, so MB/s per core
 * is ops/s times the batch's UTF-8 size; {@link #main} runs the benchmark and prints that figure.
 *
 * <p>Run: {@code ./mvnw -B -q -pl loadtest -am package -DskipTests} then
 * {@code java -cp "$(cat loadtest/target/classpath.txt):loadtest/target/classes" io.lepton.loadtest.jmh.ScrubberBenchmark}
 * (the package phase writes {@code classpath.txt}); or {@code org.openjdk.jmh.Main ScrubberBenchmark} for JMH's own
 * command line.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class ScrubberBenchmark {
    static final int MESSAGES = 2000;
    static final long SEED = 42L;
    private static final int CPU_TIME_WARMUP_BATCHES = 50;
    private static final long CPU_TIME_MEASURE_NANOS = 6_000_000_000L;

    private List<ChatMessages.Message> batch;
    private FreeTextScrubber scrubber;
    private Replacer replacer;

    @Setup
    public void setUp() {
        batch = ChatMessages.generate(MESSAGES, SEED);
        scrubber = new FreeTextScrubber(FreeTextScanner.builder().build());
        replacer = Replacers.placeholder();
    }

    @Benchmark
    public long scrubBatch() {
        long outputChars = 0;
        for (ChatMessages.Message m : batch) {
            outputChars += scrubber.scrub(m.text(), m.linked(), replacer).text().length();
        }
        return outputChars;
    }

    /** UTF-8 bytes of one batch, to turn ops/s into MB/s. */
    static long batchBytes() {
        long bytes = 0;
        for (ChatMessages.Message m : ChatMessages.generate(MESSAGES, SEED)) {
            bytes += m.text().getBytes(StandardCharsets.UTF_8).length;
        }
        return bytes;
    }

    /**
     * Runs the JMH benchmark and prints MB/s per core from its wall-clock score, then the same work measured in the
     * scrubbing thread's CPU time: on a shared machine wall-clock time includes time the thread waited for a core,
     * CPU time does not.
     */
    public static void main(String[] args) throws RunnerException {
        long bytes = batchBytes();
        System.out.printf("batch: %d messages, %d UTF-8 bytes%n", MESSAGES, bytes);
        for (RunResult result : new Runner(new OptionsBuilder()
            .include(ScrubberBenchmark.class.getSimpleName()).build()).run()) {
            double opsPerSecond = result.getPrimaryResult().getScore();
            System.out.printf("JMH (wall clock): %.1f MB/s per core (%.2f batches/s)%n", opsPerSecond * bytes / 1e6,
                opsPerSecond);
        }
        ScrubberBenchmark bench = new ScrubberBenchmark();
        bench.setUp();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (int i = 0; i < CPU_TIME_WARMUP_BATCHES; i++) {
            sink += bench.scrubBatch();
        }
        long batches = 0;
        long start = cpu.getCurrentThreadCpuTime();
        while (cpu.getCurrentThreadCpuTime() - start < CPU_TIME_MEASURE_NANOS) {
            sink += bench.scrubBatch();
            batches++;
        }
        double cpuSeconds = (cpu.getCurrentThreadCpuTime() - start) / 1e9;
        System.out.printf("thread CPU time: %.1f MB/s per core (%d batches in %.1f CPU s; checksum %d)%n",
            batches * bytes / cpuSeconds / 1e6, batches, cpuSeconds, sink % 10);
    }
}
