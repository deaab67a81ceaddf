package io.lepton.gateway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lepton.gateway.engine.GatewayEngine;
import io.lepton.gateway.engine.LaneTopics;
import io.lepton.gateway.engine.LaneTopics.Kind;
import io.lepton.gateway.engine.family.EventFamily;
import io.lepton.gateway.streams.QuarantineHeaders;
import io.lepton.gateway.streams.RecordCodec;
import io.lepton.serdes.SerdeException;
import io.lepton.serdes.avro.AvroDeserializer;
import io.lepton.serdes.avro.AvroSerdeConfig;
import io.lepton.serdes.json.AvroJson;
import io.lepton.serdes.registry.SchemaRegistryClient;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;

/**
 * Renders one output record of the topology as a JSON line in the envelope format: sanitized values, audit records
 * and alerts as plain JSON; quarantined payloads as the raw event when they decode, else as base64 bytes;
 * {@code lepton.*} headers kept.
 */
final class OutputRenderer {

    private final GatewayEngine engine;
    private final RecordCodec codec;
    private final AvroDeserializer<GenericRecord> sanitized;

    OutputRenderer(GatewayEngine engine, RecordCodec codec, SchemaRegistryClient registry) {
        this.engine = engine;
        this.codec = codec;
        this.sanitized = new AvroDeserializer<>(registry, AvroSerdeConfig.defaults());
    }

    ObjectNode render(String topic, byte[] key, byte[] value, Map<String, String> headers) {
        String keyText = key == null ? null : new String(key, StandardCharsets.UTF_8);
        Kind kind = LaneTopics.Kind.of(topic).orElse(Kind.QUARANTINE);
        JsonNode json = kind != Kind.QUARANTINE
                ? AvroJson.toJson(sanitized.deserialize(topic, value))
                : rawValue(value, headers.get(QuarantineHeaders.SOURCE_TOPIC));
        return JsonLines.line(topic, keyText, json, headers);
    }

    private JsonNode rawValue(byte[] bytes, String sourceTopic) {
        EventFamily family = sourceTopic == null ? null : engine.families().byRawTopic(sourceTopic).orElse(null);
        if (bytes != null && family != null) {
            try {
                return AvroJson.toJson(codec.decode(family, sourceTopic, bytes));
            } catch (SerdeException e) {
                // not decodable: rendered as bytes below
            }
        }
        return JsonLines.bytesValue(bytes);
    }
}
