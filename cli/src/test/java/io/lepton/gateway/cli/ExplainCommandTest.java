package io.lepton.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lepton.gateway.engine.GatewayEngine;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExplainCommandTest {

    /** The samples are historic: explained by pure event time, as {@code explain --event-time} does. */
    private final GatewayEngine engine = eventTimeOptions().engine(new PrintWriter(new StringWriter()));

    private static EngineOptions eventTimeOptions() {
        EngineOptions options = new EngineOptions();
        options.eventTime = true;
        return options;
    }

    @Test
    void explainsRoutingAndEveryFieldsActionWithoutShowingRawValues() throws IOException {
        List<String> samples = Files.readAllLines(Samples.EVENTS);
        ObjectNode explanation = ExplainCommand.explain(engine, JsonLines.parse(samples.get(0)));
        assertThat(explanation.get("routing").get("jurisdiction").asText()).isEqualTo("eu-gdpr");
        assertThat(explanation.get("routing").get("reason").asText()).contains("DE is listed in").contains("eu-gdpr");
        assertThat(explanation.get("destination").asText()).isEqualTo("sanitized.eu-gdpr.customer-service");
        JsonNode gender = field(explanation, "gender");
        assertThat(gender.get("action").asText()).isEqualTo("drop");
        assertThat(gender.get("output").asText()).contains("removed");
        assertThat(field(explanation, "customerAge").get("output").asText()).isEqualTo("30-39");
        assertThat(field(explanation, "customerEmail").get("tag").asText()).isEqualTo("pii EMAIL");
        assertThat(field(explanation, "satisfaction").get("tag").asText()).isEqualTo("dp [1.0, 5.0]");
        assertThat(explanation.get("fields").get(0).get("field").asText()).as("schema order").isEqualTo("eventId");
        assertThat(explanation.get("headers").get("lepton.policy").asText())
                .isEqualTo("eu-gdpr@" + explanation.get("routing").get("policyVersion").asText());
        assertThat(explanation.get("headers").get("lepton.actions").asText()).contains("gender=drop",
                "customerEmail=redact", "message=scrub");
        assertThat(explanation.toString()).doesNotContain("anna.schmidt@example.de", "Anna Schmidt", "cust-1001");
    }

    @Test
    void explainsWhyASubdivisionFallsToItsCountryOrToTheDefault() throws IOException {
        String usNy = Files.readAllLines(Samples.EVENTS).get(8);
        ObjectNode explanation = ExplainCommand.explain(engine, JsonLines.parse(usNy));
        assertThat(explanation.get("routing").get("jurisdiction").asText()).isEqualTo("default");
        assertThat(explanation.get("routing").get("reason").asText())
                .contains("US is a valid country no policy claims");
        String unrouted = Files.readAllLines(Samples.EVENTS).get(9);
        ObjectNode quarantined = ExplainCommand.explain(engine, JsonLines.parse(unrouted));
        assertThat(quarantined.get("destination").asText()).isEqualTo("quarantine.unrouted");
        assertThat(quarantined.get("routing").get("reason").asText()).contains("not an ISO 3166");
    }

    private static JsonNode field(ObjectNode explanation, String name) {
        for (JsonNode field : explanation.get("fields")) {
            if (field.get("field").asText().equals(name)) {
                return field;
            }
        }
        throw new AssertionError("no field " + name);
    }
}
