package io.lepton.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DryRunCommandTest {

    @Test
    void everyOutputLineNamesItsTopicAndUnreadableLinesBecomeErrorLinesWithoutStoppingTheRun(@TempDir Path dir)
            throws IOException {
        Path input = dir.resolve("in.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(Samples.EVENTS).subList(0, 3));
        lines.add(1, "{not json");
        lines.add(3, "{\"topic\": \"raw.nope\", \"value\": {}}");
        lines.add("{\"topic\": \"raw.recommendation\", \"value\": {\"eventId\": 5}}");
        Files.write(input, lines);

        CliRunner result = CliRunner.run("dry-run", "--event-time", "--input", input.toString());

        assertThat(result.exitCode()).isZero();
        List<JsonNode> out = new ArrayList<>();
        for (String line : result.out().strip().split("\n")) {
            out.add(JsonLines.MAPPER.readTree(line));
        }
        assertThat(out).hasSize(6);
        assertThat(out.get(0).get("topic").asText()).isEqualTo("sanitized.eu-gdpr.customer-service");
        assertThat(out.get(0).get("headers").get("lepton.jurisdiction").asText()).isEqualTo("eu-gdpr");
        assertThat(out.get(0).get("headers").get("lepton.dp").asText()).isEqualTo("laplace:0.5");
        assertThat(out.get(1).get("error").asText()).startsWith("line 2: not valid JSON");
        assertThat(out.get(2).get("topic").asText()).isEqualTo("sanitized.us-ccpa.customer-service");
        assertThat(out.get(3).get("error").asText()).startsWith("line 4: unknown topic 'raw.nope'");
        assertThat(out.get(4).get("topic").asText()).isEqualTo("sanitized.cn-pipl.customer-service");
        assertThat(out.get(4).get("headers").get("lepton.policy").asText()).startsWith("cn-pipl@");
        assertThat(out.get(5).get("topic").asText()).as("a value that does not fit its schema is quarantined, as the "
                + "topology quarantines bytes it cannot decode").isEqualTo("quarantine.unrouted");
        assertThat(out.get(5).get("headers").get("lepton.quarantine.reason").asText()).isEqualTo("undecodable");
        assertThat(out).as("every event here has a sanitized record: no audit line")
                .noneMatch(line -> line.path("topic").asText().startsWith("privacy.audit."));
        assertThat(result.out()).doesNotContain("anna.schmidt@example.de", "Anna Schmidt", "bob.lee@example.com");
        assertThat(result.err()).contains("2 input line(s) could not be processed");
    }
}
