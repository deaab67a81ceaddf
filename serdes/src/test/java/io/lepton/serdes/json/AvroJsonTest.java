package io.lepton.serdes.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import io.lepton.schemas.CustomerServiceEvent;
import io.lepton.schemas.RecommendationEvent;
import io.lepton.serdes.Events;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class AvroJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Schema CUSTOMER = CustomerServiceEvent.getClassSchema();

    static List<SpecificRecord> events() {
        return Events.all();
    }

    @ParameterizedTest
    @MethodSource("events")
    void everyRawEventRoundTripsThroughPlainJsonText(SpecificRecord event) throws Exception {
        ObjectNode json = AvroJson.toJson((GenericRecord) event);
        JsonNode reparsed = MAPPER.readTree(MAPPER.writeValueAsString(json));

        GenericRecord generic = AvroJson.fromJson(reparsed, event.getSchema());

        assertThat(AvroJson.toJson(generic)).isEqualTo(json);
        assertThat(asSpecific(generic)).isEqualTo(event);
    }

    @Test
    void writesPlainValuesWithoutUnionWrappers() {
        ObjectNode json = AvroJson.toJson(Events.customerService());
        assertThat(json.get("occurredAt").isIntegralNumber()).isTrue();
        assertThat(json.get("occurredAt").longValue()).isEqualTo(Events.OCCURRED_AT.toEpochMilli());
        assertThat(json.get("channel").textValue()).isEqualTo("EMAIL");
        assertThat(json.get("customerAge").intValue()).isEqualTo(34);
        assertThat(json.get("customerEmail").textValue()).isEqualTo("jane@example.com");
        assertThat(AvroJson.toJson(Events.recommendation()).get("userAge").isNull()).isTrue();
    }

    @Test
    void absentOptionalFieldsReadAsNullAndTimestampsAsEpochMillis() throws Exception {
        GenericRecord record = AvroJson.fromJson(MAPPER.readTree("""
                {"eventId": "e1", "occurredAt": 1767225600000, "region": "DE", "customerId": "c1",
                 "conversationId": "v1", "channel": "CHAT", "message": "hi", "intent": "BILLING",
                 "satisfaction": 5, "escalated": false, "resolved": true, "agentId": "a1",
                 "unknownExtra": {"ignored": true}}
                """), CUSTOMER);
        assertThat(record.get("customerEmail")).isNull();
        assertThat(record.get("customerAge")).isNull();
        assertThat(record.get("occurredAt")).isEqualTo(1_767_225_600_000L);
        assertThat(record.get("channel")).isEqualTo(new GenericData.EnumSymbol(CUSTOMER.getField("channel").schema(),
                "CHAT"));
        assertThat(GenericData.get().validate(CUSTOMER, record)).isTrue();
    }

    @Test
    void acceptsAnIsoInstantForTimestampMillis() throws Exception {
        ObjectNode json = AvroJson.toJson(Events.customerService());
        json.put("occurredAt", "2026-01-01T00:00:00Z");
        assertThat(AvroJson.fromJson(json, CUSTOMER).get("occurredAt")).isEqualTo(1_767_225_600_000L);
    }

    @Test
    void appliesFieldDefaults() throws Exception {
        Schema schema = SchemaBuilder.record("WithDefaults").fields()
                .name("id").type().stringType().noDefault()
                .name("count").type().intType().intDefault(7)
                .name("tags").type().array().items().stringType().arrayDefault(List.of("x"))
                .endRecord();
        GenericRecord record = AvroJson.fromJson(MAPPER.readTree("{\"id\": \"a\"}"), schema);
        assertThat(record.get("count")).isEqualTo(7);
        assertThat(record.get("tags")).asList().containsExactly("x");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "eventId      | REMOVE  | $.eventId      | missing required field (type string)",
        "satisfaction | \"5\"   | $.satisfaction | expected int, got string",
        "satisfaction | 4.5     | $.satisfaction | expected int, got number",
        "escalated    | null    | $.escalated    | null is not allowed (type boolean)",
        "channel      | \"FAX\" | $.channel      | not one of the symbols [CHAT, EMAIL, VOICE, SOCIAL]",
        "customerAge  | \"old\" | $.customerAge  | matches no branch of [null, int]",
        "occurredAt   | \"soon\"| $.occurredAt   | neither epoch milliseconds nor an ISO-8601 instant",
        "occurredAt   | true    | $.occurredAt   | expected long (timestamp-millis, epoch number), got boolean",
    })
    void namesFieldPathAndProblem(String field, String value, String path, String problem) {
        ObjectNode json = AvroJson.toJson(Events.customerService());
        if ("REMOVE".equals(value)) {
            json.remove(field);
        } else {
            json.set(field, readTree(value));
        }
        assertThatThrownBy(() -> AvroJson.fromJson(json, CUSTOMER))
                .isInstanceOfSatisfying(AvroJsonException.class, e -> {
                    assertThat(e.path()).isEqualTo(path);
                    assertThat(e.problem()).contains(problem);
                });
    }

    @Test
    void nestedPathsNameArrayIndexesAndMapKeys() throws Exception {
        Schema inner = SchemaBuilder.record("Inner").fields().requiredInt("n").endRecord();
        Schema outer = SchemaBuilder.record("Outer").fields()
                .name("items").type().array().items(inner).noDefault()
                .name("counts").type().map().values().longType().noDefault()
                .endRecord();
        assertThatThrownBy(() -> AvroJson.fromJson(MAPPER.readTree(
                "{\"items\": [{\"n\": 1}, {\"n\": \"x\"}], \"counts\": {}}"), outer))
                .isInstanceOfSatisfying(AvroJsonException.class,
                        e -> assertThat(e.path()).isEqualTo("$.items[1].n"));
        assertThatThrownBy(() -> AvroJson.fromJson(MAPPER.readTree(
                "{\"items\": [], \"counts\": {\"a\": 1, \"b\": []}}"), outer))
                .isInstanceOfSatisfying(AvroJsonException.class,
                        e -> assertThat(e.path()).isEqualTo("$.counts.b"));
    }

    @Test
    void errorMessagesNeverQuoteTheValue() {
        ObjectNode json = AvroJson.toJson(Events.customerService());
        json.put("satisfaction", "jane@example.com");
        assertThatThrownBy(() -> AvroJson.fromJson(json, CUSTOMER))
                .message().doesNotContain("jane@example.com");
    }

    @Test
    void nonFiniteDoublesTravelAsStrings() {
        RecommendationEvent event = Events.recommendation();
        event.setScore(Double.NaN);
        event.setLatitude(Double.POSITIVE_INFINITY);
        ObjectNode json = AvroJson.toJson(event);
        assertThat(json.get("score").textValue()).isEqualTo("NaN");
        GenericRecord back = AvroJson.fromJson(json, event.getSchema());
        assertThat((Double) back.get("score")).isNaN();
        assertThat(back.get("latitude")).isEqualTo(Double.POSITIVE_INFINITY);
    }

    private static Object asSpecific(GenericRecord generic) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(generic.getSchema()).write(generic, encoder);
        encoder.flush();
        return new SpecificDatumReader<>(generic.getSchema())
                .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
    }

    private static JsonNode readTree(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
