package io.lepton.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./gateway replay} end to end: real broker, real registry, real topology, files out. */
class ReplayCommandIT {

    @Test
    void replaysTheSampleFileThroughTheRealTopology(@TempDir Path out) throws IOException {
        CliRunner result = CliRunner.run("replay", "--event-time", "--input", Samples.EVENTS.toString(), "--out",
                out.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("replayed 12 records (1 not fitting their schema), wrote ");
        assertThat(lines(out.resolve("quarantine.unrouted.jsonl"))).hasSize(2)
                .extracting(l -> l.get("headers").get("lepton.quarantine.reason").asText())
                .containsExactlyInAnyOrder("unroutable-region", "undecodable");
        assertThat(lines(out.resolve("quarantine.eu-gdpr.jsonl"))).singleElement()
                .satisfies(l -> assertThat(l.get("value").get("eventId").asText()).isEqualTo("cs-0005"));
        long audited = 0;
        long rolledUp = 0;
        long sanitized = 0;
        try (var files = Files.list(out)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.startsWith("sanitized.")) {
                    sanitized += lines(file).size();
                    assertThat(lines(file)).allSatisfy(l -> assertThat(l.get("headers").get("lepton.policy").asText())
                            .startsWith(name.split("\\.")[1] + "@"));
                }
                if (!name.startsWith("privacy.audit.")) {
                    continue;
                }
                assertThat(Files.readString(file)).as(file.toString()).doesNotContain("cust-1001", "Anna", "eu-gdpr-1.", "us-ccpa-1.", "cn-pipl-1.");
                for (JsonNode line : lines(file)) {
                    if (line.get("value").has("windowStart")) {
                        rolledUp += line.get("value").get("events").asLong();
                    } else {
                        audited++;
                    }
                }
            }
        }
        assertThat(sanitized).isEqualTo(9);
        assertThat(audited).as("one audit record per event without a sanitized record: cs-0005, quarantined")
                .isEqualTo(1);
        assertThat(rolledUp).as("the roll-ups count every event routed to a jurisdiction").isEqualTo(10);
        JsonNode gdpr = lines(out.resolve("sanitized.eu-gdpr.customer-service.jsonl")).get(0);
        assertThat(gdpr.get("value").get("eventId").asText()).isEqualTo("cs-0001");
        assertThat(gdpr.get("key").asText()).startsWith("eu-gdpr-1.");
        try (var files = Files.list(out)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("sanitized.")).toList()) {
                assertThat(Files.readString(file)).as(file.toString())
                        .doesNotContain("anna.schmidt@example.de", "Anna Schmidt", "bob.lee@example.com", "Bob Lee",
                                "cust-1001", "user-2001", "acct-3001", "49.36.128.17", "dev-a1b2c3");
            }
        }
        piplEventStaysInPiplTopics(out);
    }

    /** The one mainland-China event of the sample (cs-0003) appears in cn-pipl's topics and nowhere else. */
    private static void piplEventStaysInPiplTopics(Path out) throws IOException {
        assertThat(Files.readString(out.resolve("sanitized.cn-pipl.customer-service.jsonl"))).contains("cs-0003");
        try (var files = Files.list(out)) {
            for (Path file : files.filter(f -> !f.getFileName().toString().contains("cn-pipl")).toList()) {
                assertThat(Files.readString(file)).as(file.toString()).doesNotContain("cs-0003", "\"cn-pipl\"");
            }
        }
    }

    private static List<JsonNode> lines(Path file) throws IOException {
        assertThat(file).exists();
        return Files.readAllLines(file).stream().map(line -> {
            try {
                return JsonLines.MAPPER.readTree(line);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }).toList();
    }
}
