package io.lepton.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Residency as an operator would check it: {@code ./gateway replay} of a cn-pipl-only stream (customer-service
 * chats and a financial stream biased enough for the fairness monitor to speak), then every topic on the broker,
 * internal ones included, inspected one by one. cn-pipl's policy lets nothing leave the zone, so every topic written
 * must be one of cn-pipl's, the raw inputs, or the subject hop (raw events re-keyed inside the raw cluster before any
 * lane).
 */
class ReplayResidencyIT {

    private static final long START = 1_795_947_330_000L;

    @Test
    void aPiplStreamWritesOnlyPiplTopics(@TempDir Path dir) throws IOException {
        Path input = dir.resolve("pipl.jsonl");
        Files.write(input, piplStream());
        Path out = dir.resolve("out");

        CliRunner result = CliRunner.run("replay", "--event-time", "--input", input.toString(), "--out",
                out.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<JsonNode> topics = readLines(out.resolve(BrokerTopics.FILE));
        List<String> written = topics.stream().filter(t -> t.get("written").asBoolean())
                .map(t -> t.get("topic").asText()).toList();
        assertThat(written).as("the stream reached its lane's outputs and fairness spoke")
                .contains("sanitized.cn-pipl.customer-service", "sanitized.cn-pipl.financial-sentiment",
                        "fairness.alerts.cn-pipl");
        for (JsonNode topic : topics) {
            String name = topic.get("topic").asText();
            String role = topic.get("role").asText();
            if (!topic.get("written").asBoolean() || role.equals("input") || isSubjectHop(name)) {
                continue;
            }
            assertThat(role).as(name).isNotEqualTo("undeclared");
            assertThat(name).as("a %s topic written for a cn-pipl-only stream", role).contains("cn-pipl");
        }
    }

    private static List<JsonNode> readLines(Path file) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            nodes.add(JsonLines.MAPPER.readTree(line));
        }
        return nodes;
    }

    private static boolean isSubjectHop(String topic) {
        return topic.startsWith(EmbeddedGateway.APPLICATION_ID + "-subject-") && topic.endsWith("-repartition");
    }

    /** 40 chats and 2,000 loan decisions from mainland China, approving women far less often than men. */
    private static List<String> piplStream() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            lines.add(String.format(Locale.ROOT, "{\"topic\":\"raw.customer-service\",\"key\":\"cn-cust-%d\","
                    + "\"value\":{\"eventId\":\"cn-cs-%d\",\"occurredAt\":%d,\"region\":\"%s\",\"customerId\":"
                    + "\"cn-cust-%d\",\"conversationId\":\"cn-conv-%d\",\"channel\":\"CHAT\",\"message\":"
                    + "\"你好，我的手机是 13812345678，请回电。\",\"customerName\":\"李娜\",\"customerEmail\":null,"
                    + "\"customerPhone\":\"+86 138 1234 5678\",\"customerAge\":%d,\"gender\":\"%s\",\"intent\":"
                    + "\"ACCOUNT\",\"satisfaction\":4,\"escalated\":false,\"resolved\":true,\"agentId\":\"agent-8\"}}",
                    i, i, START + i * 1000L, i % 2 == 0 ? "CN" : "CN-11", i, i, 20 + i, i % 2 == 0 ? "F" : "M"));
        }
        for (int i = 0; i < 2000; i++) {
            boolean woman = i % 2 == 0;
            boolean approved = woman ? i % 10 < 2 : i % 10 != 9;
            lines.add(String.format(Locale.ROOT, "{\"topic\":\"raw.financial-sentiment\",\"key\":\"cn-acct-%d\","
                    + "\"value\":{\"eventId\":\"cn-fin-%d\",\"occurredAt\":%d,\"region\":\"CN\",\"accountId\":"
                    + "\"cn-acct-%d\",\"instrument\":\"600519.SS\",\"text\":\"看好茅台\",\"sentiment\":0.4,"
                    + "\"amount\":1000.0,\"approved\":%b,\"qualified\":true,\"age\":%d,\"gender\":\"%s\","
                    + "\"ipAddress\":null}}", i, i, START + 60_000L + i * 1000L, i, approved, 25 + i % 40,
                    woman ? "F" : "M"));
        }
        return lines;
    }
}
