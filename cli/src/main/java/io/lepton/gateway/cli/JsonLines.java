package io.lepton.gateway.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lepton.gateway.engine.Outcome;
import io.lepton.gateway.engine.LaneTopics;
import io.lepton.gateway.engine.QuarantineReason;
import io.lepton.gateway.streams.QuarantineHeaders;
import io.lepton.serdes.SerdeException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import io.lepton.gateway.engine.policy.JurisdictionPolicy;
import io.lepton.schemas.AuditRecord;
import io.lepton.serdes.json.AvroJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;

/**
 * The JSON-line envelope of dry-run and replay: {@code {"topic": "...", "key": "...", "value": {...}}}, with
 * {@code value} the event as plain JSON (Avro field names, no union wrappers) and, on quarantine outputs,
 * {@code headers} with the reason.
 */
final class JsonLines {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonLines() {}

    /** One parsed input line. */
    record Envelope(String topic, String key, JsonNode value) {}

    /** Parses an input line, or throws {@link IllegalArgumentException} saying what is wrong with it. */
    static Envelope parse(String line) {
        JsonNode node;
        try {
            node = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("expected a JSON object {\"topic\", \"key\", \"value\"}");
        }
        JsonNode topic = node.get("topic");
        if (topic == null || !topic.isTextual()) {
            throw new IllegalArgumentException("missing \"topic\" (e.g. \"raw.customer-service\")");
        }
        JsonNode value = node.get("value");
        if (value == null || !value.isObject()) {
            throw new IllegalArgumentException("missing \"value\" object");
        }
        JsonNode key = node.get("key");
        return new Envelope(topic.asText(), key == null || key.isNull() ? null : key.asText(), value);
    }

    /**
     * The output lines for an engine outcome on {@code input}, decoded as {@code raw}, as the topology writes them:
     * a released event with its provenance headers; a suppressed event's audit record only; a quarantined raw event
     * and, when it was quarantined in a jurisdiction, its audit record. (The topology's windowed roll-ups, which count
     * all of them, are not printed per event.)
     */
    static List<ObjectNode> outcome(Outcome outcome, Envelope input, GenericRecord raw) {
        if (outcome instanceof Outcome.Released released) {
            return List.of(line(outcome.topic(), released.event().key(), AvroJson.toJson(released.event().value()),
                    provenance(released)));
        }
        if (outcome instanceof Outcome.Suppressed suppressed) {
            return List.of(audit(suppressed.policy(), suppressed.audit()));
        }
        Outcome.Quarantined quarantined = (Outcome.Quarantined) outcome;
        ObjectNode quarantine = line(outcome.topic(), input.key(), AvroJson.toJson(raw), Map.of(
                QuarantineHeaders.REASON, quarantined.reason().headerValue(),
                QuarantineHeaders.DETAIL, quarantined.detail(),
                QuarantineHeaders.SOURCE_TOPIC, input.topic()));
        return quarantined.audit() == null ? List.of(quarantine)
                : List.of(quarantine, audit(quarantined.policy(), quarantined.audit()));
    }

    /** A released event's provenance headers as text. */
    static Map<String, String> provenance(Outcome.Released released) {
        Map<String, String> headers = new LinkedHashMap<>();
        released.provenance().writeTo((name, value) -> headers.put(name, new String(value, StandardCharsets.UTF_8)));
        return headers;
    }

    private static ObjectNode audit(JurisdictionPolicy policy, AuditRecord audit) {
        return line(LaneTopics.of(policy).audit(), audit.getEventId(), AvroJson.toJson(audit), Map.of());
    }

    /**
     * The bytes a value that does not fit its family's schema is sent as ({@code replay}) and judged by
     * ({@code dry-run}): its JSON text, which the gateway's decoder rejects as it would any foreign payload.
     */
    static byte[] undecodableBytes(Envelope envelope) {
        return envelope.value().toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The quarantine line the topology writes for {@code bytes} of {@code envelope} that failed to decode. */
    static ObjectNode undecodable(Envelope envelope, byte[] bytes, SerdeException failure) {
        return line(LaneTopics.UNROUTED_QUARANTINE, envelope.key(), bytesValue(bytes), Map.of(
                QuarantineHeaders.REASON, QuarantineReason.UNDECODABLE.headerValue(),
                QuarantineHeaders.DETAIL, QuarantineHeaders.undecodableDetail(failure),
                QuarantineHeaders.SOURCE_TOPIC, envelope.topic()));
    }

    /** A value that is not an event, rendered as its bytes. */
    static ObjectNode bytesValue(byte[] bytes) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("valueBase64", bytes == null ? null : Base64.getEncoder().encodeToString(bytes));
        return node;
    }

    static ObjectNode line(String topic, String key, JsonNode value, Map<String, String> headers) {
        ObjectNode line = MAPPER.createObjectNode();
        line.put("topic", topic);
        line.put("key", key);
        line.set("value", value);
        if (!headers.isEmpty()) {
            ObjectNode headerNode = line.putObject("headers");
            new java.util.TreeMap<>(headers).forEach(headerNode::put);
        }
        return line;
    }

    static ObjectNode error(long lineNumber, String problem) {
        ObjectNode line = MAPPER.createObjectNode();
        line.put("error", "line " + lineNumber + ": " + problem);
        line.put("line", lineNumber);
        return line;
    }
}
