package io.lepton.gateway.streams;

import io.lepton.gateway.RawEvents;
import io.lepton.gateway.TestTopics;
import io.lepton.gateway.engine.QuarantineReason;
import io.lepton.schemas.CustomerServiceEvent;
import io.lepton.schemas.FinancialSentimentEvent;
import io.lepton.serdes.avro.AvroSerializer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;

/**
 * The hostile records every tier feeds the gateway, each with where it must land and why: broken wire format and
 * Avro (quarantined unrouted as {@code undecodable}, with the serde failure named in the detail header), values the
 * engine refuses (quarantined in their jurisdiction with their own reason), and odd but legal input that must be
 * released (lower-case regions, a null key, oversized text where the policy truncates).
 *
 * <p>Built from events serialized by the project's serializer against whatever registry the tier uses, then cut or
 * patched at the byte level, as a broken producer or an attacker would.
 */
final class HostileInputs {

    static final String CS = "raw.customer-service";
    static final String FIN = "raw.financial-sentiment";
    static final String REC = "raw.recommendation";

    /** Where a record must land: a topic, and the reason header with a part of the detail, or null if released. */
    record Case(String name, String topic, byte[] key, byte[] value, String expectedTopic, QuarantineReason reason,
            String detailPart) {
    }

    private final AvroSerializer<SpecificRecord> serializer;
    private final Instant now;

    /** @param now the gateway's clock reading, so valid events are within the policy's accepted event-time window */
    HostileInputs(AvroSerializer<SpecificRecord> serializer, Instant now) {
        this.serializer = serializer;
        this.now = now;
    }

    List<Case> all() {
        List<Case> cases = new ArrayList<>();
        byte[] valid = customer("valid", "DE", e -> { });

        byte[] wrongMagic = valid.clone();
        wrongMagic[0] = 1;
        cases.add(undecodable("wrong magic byte", CS, wrongMagic, "InvalidMagicByteException"));

        byte[] unknownId = valid.clone();
        unknownId[1] = 0x7F;
        cases.add(undecodable("unknown schema id", CS, unknownId, "UnknownSchemaIdException"));

        byte[] otherFamily = serializer.serialize(REC, stamped(RawEvents.recommendation("other-family", "DE")));
        cases.add(undecodable("schema id of another family", CS, otherFamily, "cannot be read as"));

        cases.add(undecodable("truncated Avro", CS, Arrays.copyOf(valid, valid.length - 7), "MalformedPayload"));

        byte[] trailing = Arrays.copyOf(valid, valid.length + 3);
        cases.add(undecodable("trailing bytes", CS, trailing, "Trailing bytes"));

        cases.add(undecodable("invalid UTF-8 in free text", CS, invalidUtf8(), "not well-formed UTF-8"));

        cases.add(quarantined("NaN in a dp field", FIN, financial("nan", e -> e.setAmount(Double.NaN)),
                "eu-gdpr", QuarantineReason.INVALID_DP_VALUE));
        cases.add(released("+Infinity in a dp field is clamped to its bound", FIN,
                financial("plus-infinity", e -> e.setAmount(Double.POSITIVE_INFINITY)), "eu-gdpr",
                "financial-sentiment"));
        cases.add(released("-Infinity in a dp field is clamped to its bound", FIN,
                financial("minus-infinity", e -> e.setAmount(Double.NEGATIVE_INFINITY)), "eu-gdpr",
                "financial-sentiment"));

        cases.add(quarantined("timestamp in 1970", CS, customer("far-past", "DE",
                e -> e.setOccurredAt(Instant.EPOCH)), "eu-gdpr", QuarantineReason.EVENT_TIME_OUT_OF_RANGE));
        cases.add(quarantined("timestamp in the year 9999", CS, customer("far-future", "DE",
                e -> e.setOccurredAt(Instant.parse("9999-12-31T23:59:59Z"))), "eu-gdpr",
                QuarantineReason.EVENT_TIME_OUT_OF_RANGE));

        cases.add(released("lower-case region", CS, customer("lower-case", "de", e -> { }), "eu-gdpr",
                "customer-service"));
        cases.add(released("mixed-case subdivision", CS, customer("mixed-case", "uS-cA", e -> { }), "us-ccpa",
                "customer-service"));
        cases.add(unrouted("unknown region", CS, customer("unknown-region", "Atlantis", e -> { })));
        cases.add(unrouted("unassigned ISO code", CS, customer("unassigned", "XX", e -> { })));
        cases.add(unrouted("empty region", CS, customer("empty-region", "", e -> { })));

        // A decimal megabyte: the whole record stays under the broker's default message limit (1 MiB + 12 bytes), so
        // a producer can send it and the gateway can quarantine it raw.
        String megabyte = "x".repeat(1_000_000);
        cases.add(quarantined("1 MB text where the policy quarantines oversize", CS,
                customer("oversize-cn", "CN", e -> e.setMessage(megabyte)), "cn-pipl",
                QuarantineReason.OVERSIZE_TEXT));
        cases.add(released("1 MB text where the policy truncates", CS,
                customer("oversize-de", "DE", e -> e.setMessage(megabyte)), "eu-gdpr", "customer-service"));

        cases.add(new Case("null key", CS, null, customer("null-key", "DE", e -> { }),
                TestTopics.sanitized("eu-gdpr", "customer-service"), null, null));
        cases.add(new Case("tombstone", CS, key("tombstone"), null, TestTopics.UNROUTED,
                QuarantineReason.NULL_VALUE, "tombstone"));
        return cases;
    }

    /** A valid customer-service event of a subject of its own, as the tier's serializer writes it. */
    byte[] customer(String id, String region, Consumer<CustomerServiceEvent> change) {
        CustomerServiceEvent event = stamped(RawEvents.customerService("hostile-" + id, region));
        event.setCustomerId("hostile-subject-" + id);
        change.accept(event);
        return serializer.serialize(CS, event);
    }

    private byte[] financial(String id, Consumer<FinancialSentimentEvent> change) {
        FinancialSentimentEvent event = stamped(RawEvents.financial("hostile-" + id, "DE"));
        event.setAccountId("hostile-subject-" + id);
        change.accept(event);
        return serializer.serialize(FIN, event);
    }

    /** A message with two marker bytes replaced in place by 0xFF 0xFE, so every Avro length stays right. */
    private byte[] invalidUtf8() {
        byte[] bytes = customer("invalid-utf8", "DE", e -> e.setMessage("mail jane.roe@@example.com"));
        byte[] marker = "@@".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + 1 < bytes.length; i++) {
            if (bytes[i] == marker[0] && bytes[i + 1] == marker[1]) {
                bytes[i] = (byte) 0xFF;
                bytes[i + 1] = (byte) 0xFE;
                return bytes;
            }
        }
        throw new AssertionError("marker not found");
    }

    private <T extends SpecificRecord> T stamped(T event) {
        event.put(event.getSchema().getField("occurredAt").pos(), now);
        return event;
    }

    private static Case undecodable(String name, String topic, byte[] value, String detailPart) {
        return new Case(name, topic, key(name), value, TestTopics.UNROUTED, QuarantineReason.UNDECODABLE, detailPart);
    }

    private static Case unrouted(String name, String topic, byte[] value) {
        return new Case(name, topic, key(name), value, TestTopics.UNROUTED, QuarantineReason.UNROUTABLE_REGION,
                "region");
    }

    private static Case quarantined(String name, String topic, byte[] value, String jurisdiction,
            QuarantineReason reason) {
        return new Case(name, topic, key(name), value, TestTopics.quarantine(jurisdiction), reason, "");
    }

    private static Case released(String name, String topic, byte[] value, String jurisdiction, String family) {
        return new Case(name, topic, key(name), value, TestTopics.sanitized(jurisdiction, family), null, null);
    }

    private static byte[] key(String name) {
        return ("key-" + name).getBytes(StandardCharsets.UTF_8);
    }
}
