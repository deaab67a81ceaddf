package io.lepton.gateway.engine.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Inputs built to trigger worst cases (huge candidates, a candidate at every position, deep re-scanning) must be
 * scrubbed in time linear in their length. Absolute timings depend on the machine, so the test compares 1 MiB with
 * 256 KiB of the same pattern: linear work gives a ratio near 4, quadratic near 16. The bound of 8 leaves room for
 * JIT, GC and cache effects on a shared two-core machine (a 1 MiB text's working arrays no longer fit in cache);
 * the sizes are timed alternately in thread CPU time (so time lost to other processes on the machine does not
 * count) and each keeps its best of three runs, after two warm-up runs of both.
 */
class AdversarialInputTest {
    private static final int SMALL = 256 * 1024;
    private static final int LARGE = 1024 * 1024;
    private static final double MAX_RATIO = 8.0;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final FreeTextScrubber SCRUBBER = new FreeTextScrubber(FreeTextScanner.builder().build(),
        new TextLimits(2 * LARGE, TextLimits.Oversize.TRUNCATE));
    private static final List<LinkedValue> LINKED = List.of(new LinkedValue("aaaaaaaab", "PERSON_NAME"),
        new LinkedValue("+1 415 555 2671", "PHONE"), new LinkedValue("1111111112", "ACCOUNT_ID"));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "one digit run|1234567890",
        "spaced digit pairs|12 ",
        "dashed digit groups|4111-",
        "nested separators|(1)-.(2) ",
        "repeated at|@",
        "long local parts|aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@b.",
        "at between words|a@a.a@",
        "scheme separators|a://",
        "one endless url|x",
        "colon chains|1:",
        "dotted quads|1.1.1.",
        "capitalised cue chain|Hi Dear ",
        "han cue chain|我叫王",
        "upper alnum|DE89 ",
        "linked near-misses|aaaaaaaa",
    })
    void scrubTimeGrowsLinearly(String name, String unit) {
        String prefix = name.equals("one endless url") ? "see https://host/?token=" : "";
        String small = prefix + repeat(unit, SMALL - prefix.length());
        String large = prefix + repeat(unit, LARGE - prefix.length());
        for (int i = 0; i < 2; i++) {
            SCRUBBER.scrub(small, LINKED, Replacers.placeholder());
            SCRUBBER.scrub(large, LINKED, Replacers.placeholder());
        }
        long smallNanos = Long.MAX_VALUE;
        long largeNanos = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            smallNanos = Math.min(smallNanos, time(small));
            largeNanos = Math.min(largeNanos, time(large));
        }
        double ratio = (double) largeNanos / smallNanos;
        System.out.printf("%-22s 256 KiB %7.1f ms, 1 MiB %7.1f ms, ratio %.2f%n", name, smallNanos / 1e6,
            largeNanos / 1e6, ratio);
        assertThat(ratio).as("1 MiB / 256 KiB time ratio for %s", name).isLessThan(MAX_RATIO);
    }

    private static long time(String text) {
        long t0 = CPU.getCurrentThreadCpuTime();
        SCRUBBER.scrub(text, LINKED, Replacers.placeholder());
        return CPU.getCurrentThreadCpuTime() - t0;
    }

    private static String repeat(String unit, int length) {
        StringBuilder sb = new StringBuilder(length);
        while (sb.length() < length) {
            sb.append(unit, 0, Math.min(unit.length(), length - sb.length()));
        }
        return sb.toString();
    }
}
