package io.lepton.gateway.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lepton.gateway.engine.GatewayEngine;
import io.lepton.gateway.engine.Outcome;
import io.lepton.gateway.engine.dp.InMemoryPrivacyLedger;
import io.lepton.gateway.engine.family.EventFamily;
import io.lepton.gateway.engine.family.FieldTags;
import io.lepton.gateway.engine.routing.JurisdictionRouter;
import io.lepton.gateway.engine.sanitize.RecordSanitizer;
import io.lepton.serdes.json.AvroJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./gateway explain}: one raw event (an envelope line) on stdin → where it is routed and why, and what
 * happens to each field under that jurisdiction's policy. Shows sanitized values only, never the raw ones.
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Explain how one raw event (envelope JSON on stdin) is routed and sanitized, and why.")
final class ExplainCommand implements Callable<Integer> {

    @Mixin
    EngineOptions engineOptions;

    @Option(names = "--json", description = "Print the explanation as JSON.")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String input = new String(System.in.readAllBytes(), StandardCharsets.UTF_8).strip();
        GatewayEngine engine = engineOptions.engine(err);
        ObjectNode explanation;
        try {
            explanation = explain(engine, JsonLines.parse(input));
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
        out.println(json ? explanation.toPrettyString() : text(explanation));
        out.flush();
        return 0;
    }

    static ObjectNode explain(GatewayEngine engine, JsonLines.Envelope envelope) {
        EventFamily family = engine.families().byRawTopic(envelope.topic()).orElseThrow(() ->
                new IllegalArgumentException("unknown topic '" + envelope.topic() + "'"));
        GenericRecord raw = AvroJson.fromJson(envelope.value(), family.rawSchema());
        Object region = raw.get("region");
        JurisdictionRouter.Decision route = new JurisdictionRouter(engine.policies())
                .explain(region == null ? null : region.toString());
        ObjectNode result = JsonLines.MAPPER.createObjectNode();
        result.put("family", family.name());
        ObjectNode routing = result.putObject("routing");
        routing.put("jurisdiction", route.policy() == null ? null : route.policy().id());
        routing.put("reason", route.reason());
        // A fresh ledger: one event never exceeds a budget (policies are validated so), so it is always released.
        Outcome outcome = engine.process(family, raw, new InMemoryPrivacyLedger());
        result.put("destination", outcome.topic());
        if (outcome instanceof Outcome.Quarantined quarantined) {
            result.put("quarantineReason", quarantined.reason().headerValue());
            result.put("quarantineDetail", quarantined.detail());
            return result;
        }
        Outcome.Released released = (Outcome.Released) outcome;
        routing.put("policyVersion", released.policy().contentHash());
        routing.put("policyLabel", released.policy().version());
        routing.put("residencyZone", released.policy().residencyZone());
        routing.put("crossBorder", released.policy().crossBorder().yamlName());
        RecordSanitizer sanitizer = engine.sanitizer(released.policy().id(), family.name());
        GenericRecord sanitized = released.event().value();
        ArrayNode fields = result.putArray("fields");
        for (Map.Entry<String, String> entry : sanitizer.actionsByField().entrySet()) {
            FieldTags tags = family.tags(entry.getKey());
            ObjectNode field = fields.addObject();
            field.put("field", entry.getKey());
            field.put("tag", describe(tags));
            field.put("action", entry.getValue());
            Schema.Field out = sanitized.getSchema().getField(entry.getKey());
            if (out == null) {
                field.put("output", "(removed from the sanitized schema)");
            } else {
                field.set("output", AvroJson.toJson(sanitized).get(entry.getKey()));
            }
        }
        result.put("key", released.event().key());
        result.put("epsilonSpent", released.budget().epsilonSpent());
        ObjectNode detections = result.putObject("freeTextDetections");
        released.event().detections().forEach(detections::put);
        ObjectNode headers = result.putObject("headers");
        JsonLines.provenance(released).forEach(headers::put);
        return result;
    }

    private static String describe(FieldTags tags) {
        if (tags.subject()) {
            return "subject (" + tags.piiClass() + ")";
        }
        if (tags.isPii()) {
            return "pii " + tags.piiClass();
        }
        if (tags.freeText()) {
            return "free text";
        }
        return tags.dpRange().map(r -> "dp [" + r.min() + ", " + r.max() + "]").orElse("untagged");
    }

    private static String text(ObjectNode explanation) {
        StringBuilder out = new StringBuilder();
        out.append("family:       ").append(explanation.get("family").asText()).append('\n');
        out.append("jurisdiction: ").append(explanation.get("routing").get("jurisdiction").asText("(none)"))
                .append("  — ").append(explanation.get("routing").get("reason").asText()).append('\n');
        out.append("destination:  ").append(explanation.get("destination").asText()).append('\n');
        if (explanation.has("quarantineReason")) {
            out.append("quarantined:  ").append(explanation.get("quarantineReason").asText()).append(" — ")
                    .append(explanation.get("quarantineDetail").asText()).append('\n');
            return out.toString();
        }
        out.append("policy:       version ").append(explanation.get("routing").get("policyVersion").asText())
                .append(" (file label ").append(explanation.get("routing").get("policyLabel").asText()).append(")\n");
        out.append("record key:   ").append(explanation.get("key").asText()).append(" (subject pseudonym)\n");
        out.append("ε spent:      ").append(explanation.get("epsilonSpent").asDouble())
                .append(" of the subject's budget for the period\n\n");
        out.append(String.format("%-16s %-22s %-20s %s%n", "field", "tag", "action", "sanitized value"));
        explanation.get("fields").forEach(f -> out.append(String.format("%-16s %-22s %-20s %s%n",
                f.get("field").asText(), f.get("tag").asText(), f.get("action").asText(), f.get("output"))));
        if (!explanation.get("freeTextDetections").isEmpty()) {
            out.append("\nfree-text detections: ").append(explanation.get("freeTextDetections")).append('\n');
        }
        out.append("\nprovenance headers of the sanitized record:\n");
        explanation.get("headers").fields().forEachRemaining(h -> out.append(String.format("  %-19s %s%n",
                h.getKey(), h.getValue().asText())));
        return out.toString();
    }
}
