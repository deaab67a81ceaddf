package io.lepton.loadtest.jmh;

import io.lepton.gateway.engine.text.FreeTextScrubber;
import io.lepton.gateway.engine.text.LinkedValue;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Scrubbing speed of several builds of the engine side by side in one JVM, as ratios to the first build. On a shared
 * machine the figure of one run depends on what else runs; builds measured in separate runs minutes apart cannot be
 * compared. Here each build's jar gets its own class loader (parent: the class path without this build's engine) and
 * the builds take turns in short rounds of thread CPU time over the {@link ScrubberBenchmark} batch, so every build
 * sees the same load, and the ratio per round is what is reported.
 *
 * <p>Run (after {@code ./mvnw -B -q -pl loadtest -am package -DskipTests}):
 * {@code java -cp "$(cat loadtest/target/classpath.txt):loadtest/target/classes"
 * io.lepton.loadtest.jmh.ScrubberComparison [--rounds N] [--round-seconds S] base=old.jar new=topology/engine/target/classes}
 * where each argument after the options names a build and its engine jar or classes directory.
 */
public final class ScrubberComparison {
    private static final int WARMUP_ROUNDS = 3;

    private ScrubberComparison() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = 12;
        double roundSeconds = 2;
        List<String[]> builds = new ArrayList<>();
        for (int a = 0; a < args.length; a++) {
            switch (args[a]) {
                case "--rounds" -> rounds = Integer.parseInt(args[++a]);
                case "--round-seconds" -> roundSeconds = Double.parseDouble(args[++a]);
                default -> builds.add(args[a].split("=", 2));
            }
        }
        if (builds.isEmpty() || builds.stream().anyMatch(b -> b.length != 2)) {
            throw new IllegalArgumentException("usage: [--rounds N] [--round-seconds S] name=engine.jar ...");
        }
        List<ChatMessages.Message> batch = ChatMessages.generate(ScrubberBenchmark.MESSAGES, ScrubberBenchmark.SEED);
        long bytes = ScrubberBenchmark.batchBytes();
        ClassLoader shared = sharedDependencies();
        List<Build> loaded = new ArrayList<>();
        for (String[] b : builds) {
            loaded.add(new Build(b[0], new URLClassLoader(new URL[] {Path.of(b[1]).toUri().toURL()}, shared), batch));
        }
        long roundNanos = (long) (roundSeconds * 1e9);
        System.out.printf("batch: %d messages, %d UTF-8 bytes; %d rounds of %.1f CPU s per build%n", batch.size(),
            bytes, rounds, roundSeconds);
        for (int r = 0; r < WARMUP_ROUNDS; r++) {
            for (Build build : loaded) {
                build.mbPerCpuSecond(bytes, roundNanos);
            }
        }
        double[][] speed = new double[loaded.size()][rounds];
        for (int r = 0; r < rounds; r++) {
            StringBuilder line = new StringBuilder(String.format("round %2d load %5.2f:", r + 1,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
            for (int k = 0; k < loaded.size(); k++) {
                int b = (k + r) % loaded.size(); // rotate the order so no build always runs right after another
                speed[b][r] = loaded.get(b).mbPerCpuSecond(bytes, roundNanos);
            }
            for (int b = 0; b < loaded.size(); b++) {
                line.append(String.format("  %s %.1f", loaded.get(b).name, speed[b][r]));
            }
            System.out.println(line);
        }
        for (int b = 0; b < loaded.size(); b++) {
            double[] ratio = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                ratio[r] = speed[b][r] / speed[0][r];
            }
            System.out.printf("%s: %s MB/s per core (thread CPU time), ratio to %s %s; %d output chars per batch%n",
                loaded.get(b).name, summary(speed[b], "%.1f"), loaded.get(0).name, summary(ratio, "%.2f"),
                loaded.get(b).outputCharsPerBatch);
        }
    }

    /** Median (min-max). */
    private static String summary(double[] values, String format) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return String.format(format + " (" + format + "-" + format + ")", median, sorted[0], sorted[n - 1]);
    }

    /** The class path of this JVM without the engine it was built with, so each build loads its own engine. */
    private static ClassLoader sharedDependencies() throws MalformedURLException {
        String ownEngine = Path.of(FreeTextScrubber.class.getProtectionDomain().getCodeSource().getLocation().getPath())
            .toAbsolutePath().toString();
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isEmpty() && !Path.of(entry).toAbsolutePath().toString().equals(ownEngine)) {
                urls.add(Path.of(entry).toUri().toURL());
            }
        }
        return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    /** One engine build, called through reflection so that its classes are its own. */
    private static final class Build {
        private final String name;
        private final Object scrubber;
        private final Object replacer;
        private final Method scrub;
        private final Method resultText;
        private final String[] texts;
        private final List<?>[] linked;
        /** Characters of scrubbed output per batch: builds that scrub differently show different figures. */
        private long outputCharsPerBatch;

        Build(String name, ClassLoader loader, List<ChatMessages.Message> batch) throws ReflectiveOperationException {
            this.name = name;
            Class<?> scannerClass = loader.loadClass("io.lepton.gateway.engine.text.FreeTextScanner");
            Class<?> scrubberClass = loader.loadClass("io.lepton.gateway.engine.text.FreeTextScrubber");
            Class<?> replacerClass = loader.loadClass("io.lepton.gateway.engine.text.Replacer");
            Object builder = scannerClass.getMethod("builder").invoke(null);
            Object scanner = builder.getClass().getMethod("build").invoke(builder);
            this.scrubber = scrubberClass.getConstructor(scannerClass).newInstance(scanner);
            this.replacer = loader.loadClass("io.lepton.gateway.engine.text.Replacers").getMethod("placeholder")
                .invoke(null);
            this.scrub = scrubberClass.getMethod("scrub", String.class, List.class, replacerClass);
            this.resultText = scrub.getReturnType().getMethod("text");
            Constructor<?> linkedValue = loader.loadClass("io.lepton.gateway.engine.text.LinkedValue")
                .getConstructor(String.class, String.class);
            this.texts = new String[batch.size()];
            this.linked = new List<?>[batch.size()];
            for (int m = 0; m < batch.size(); m++) {
                texts[m] = batch.get(m).text();
                List<Object> values = new ArrayList<>();
                for (LinkedValue v : batch.get(m).linked()) {
                    values.add(linkedValue.newInstance(v.value(), v.piiClass()));
                }
                linked[m] = List.copyOf(values);
            }
        }

        /** Scrubs whole batches for at least {@code nanos} of this thread's CPU time; MB per CPU second. */
        double mbPerCpuSecond(long batchBytes, long nanos) throws IllegalAccessException, InvocationTargetException {
            ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
            long start = cpu.getCurrentThreadCpuTime();
            long batches = 0;
            long sink = 0;
            while (cpu.getCurrentThreadCpuTime() - start < nanos) {
                for (int m = 0; m < texts.length; m++) {
                    sink += ((String) resultText.invoke(scrub.invoke(scrubber, texts[m], linked[m], replacer))).length();
                }
                batches++;
            }
            long used = cpu.getCurrentThreadCpuTime() - start;
            outputCharsPerBatch = sink / batches;
            return batches * batchBytes / (used / 1e9) / 1e6;
        }
    }
}
