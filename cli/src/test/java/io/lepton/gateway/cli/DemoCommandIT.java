package io.lepton.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code ./gateway demo} end to end, in-process as the launcher runs it: real broker, real registry, real topology,
 * the generator at a fixed seed. Checks the final summary and that nothing started is left behind.
 */
class DemoCommandIT {

    @Test
    void runsTheEmbeddedGatewayWithSyntheticTrafficAndCleansUp() throws IOException {
        Set<String> tempBefore = leptonTempEntries();

        // The product promise: the injected bias raises its alert within the first minute (and aggregates of the
        // demo's 30 s windows are released by then). 400/s rather than the default 200/s: twice the votes per pane.
        CliRunner result = CliRunner.run("demo", "--seconds", "60", "--rate", "400", "--seed", "7");

        assertThat(result.exitCode()).as(result.err()).isZero();
        String out = result.out();
        assertThat(out).contains("Kafka bootstrap servers:", "Schema registry (ccompat): http://127.0.0.1:")
                .contains("=== demo summary after");
        String summary = out.substring(out.indexOf("=== demo summary after"));
        String families = row(summary, "events by family");
        for (String family : new String[] {"customer-service", "recommendation", "financial-sentiment"}) {
            assertThat(count(families, family)).as("%s in: %s", family, families).isPositive();
        }
        for (String jurisdiction : new String[] {"eu-gdpr", "us-ccpa", "cn-pipl", "br-lgpd", "in-dpdp", "sg-pdpa",
            "default"}) {
            assertThat(count(row(summary, "by jurisdiction"), jurisdiction)).as(jurisdiction).isPositive();
        }
        String quarantined = row(summary, "quarantined");
        assertThat(count(quarantined, "undecodable")).as(quarantined).isPositive();
        assertThat(count(quarantined, "unroutable-region")).as(quarantined).isPositive();
        assertThat(row(summary, "latency")).matches("p50 \\d+ ms, p99 \\d+ ms, max \\d+ ms .*");

        String pii = row(summary, "PII found by type");
        assertThat(count(pii, "EMAIL") + count(pii, "PHONE") + count(pii, "IBAN")).as(pii).isPositive();
        assertThat(row(summary, "DP suppressions")).as("the audit topics are read").doesNotStartWith("n/a");
        assertThat(row(summary, "DP aggregates")).as("the aggregates topics are read").doesNotStartWith("n/a");
        // The fairness alerts topics are read (the row is "none" or alert lines, never n/a). Whether the injected bias
        // is raised within the first minute is DemoFairnessTest's check, in event time: on the live demo the pooled
        // monitor has not been seen to raise it within 60 s on this machine (issue #14 stays open for it).
        assertThat(row(summary, "fairness alerts")).as("the fairness alerts topics are read").doesNotStartWith("n/a");

        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).map(ProcessHandle::info)
                .map(Object::toString).toList()).as("child processes left running").isEmpty();
        assertThat(leptonTempEntries()).as("temporary directories left behind").isSubsetOf(tempBefore);
    }

    /** The value part of a summary row ({@code label} padded, then the value). */
    private static String row(String summary, String label) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(label) + " +(.*)$").matcher(summary);
        assertThat(m.find()).as("row '%s' in:%n%s", label, summary).isTrue();
        return m.group(1);
    }

    private static long count(String row, String key) {
        Matcher m = Pattern.compile("(?:^|[ ,(])" + Pattern.quote(key) + " (\\d+)").matcher(row);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private static Set<String> leptonTempEntries() throws IOException {
        try (Stream<Path> entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return entries.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("lepton-"))
                    .collect(Collectors.toSet());
        }
    }
}
