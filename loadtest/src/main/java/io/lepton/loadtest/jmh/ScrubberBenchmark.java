package io.lepton.loadtest.jmh;

import io.lepton.gateway.engine.text.FreeTextScanner;
import io.lepton.gateway.engine.text.FreeTextScrubber;
import io.lepton.gateway.engine.text.Replacer;
import io.lepton.gateway.engine.text.Replacers;
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

    public static void main(String[] args) throws RunnerException {
        for (RunResult result : new Runner(new OptionsBuilder()
            .include(ScrubberBenchmark.class.getSimpleName()).build()).run()) {
            double opsPerSecond = result.getPrimaryResult().getScore();
            long bytes = batchBytes();
            System.out.printf("batch: %d messages, %d UTF-8 bytes%nscrubber throughput: %.1f MB/s per core "
                + "(%.1f batches/s)%n", MESSAGES, bytes, opsPerSecond * bytes / 1e6, opsPerSecond);
        }
    }
}
