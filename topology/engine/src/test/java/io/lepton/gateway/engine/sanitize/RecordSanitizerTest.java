package io.lepton.gateway.engine.sanitize;

import io.lepton.gateway.engine.QuarantineReason;
import static org.assertj.core.api.Assertions.assertThat;

import io.lepton.gateway.engine.GatewayEngine;
import io.lepton.gateway.engine.Outcome;
import io.lepton.gateway.engine.SampleEvents;
import io.lepton.gateway.engine.TestEngines;
import io.lepton.gateway.engine.dp.InMemoryPrivacyLedger;
import io.lepton.gateway.engine.family.EventFamily;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

class RecordSanitizerTest {

    private final GatewayEngine engine = TestEngines.engine();

    @Test
    void gdprPseudonymizesRedactsGeneralizesAndDrops() {
        GenericRecord out = sanitize("eu-gdpr", "customer-service", SampleEvents.customerService("DE"));
        assertThat(out.get("eventId")).hasToString("evt-cs-1");
        assertThat(out.get("customerId").toString()).startsWith("eu-gdpr-1.").doesNotContain("cust-000042");
        assertThat(out.get("customerName")).isEqualTo("[NAME]");
        assertThat(out.get("customerEmail")).isEqualTo("[EMAIL]");
        assertThat(out.get("customerAge")).isEqualTo("30-39");
        assertThat(out.getSchema().getField("gender")).as("dropped").isNull();
        assertThat(out.get("intent")).hasToString("BILLING");
        assertThat((Integer) out.get("satisfaction")).as("noised, clamped into the 1-5 bounds").isBetween(1, 5);
    }

    @Test
    void sanitizedSchemaIsDerivedFromRawSchemaAndPolicy() {
        Schema gdpr = engine.sanitizer("eu-gdpr", "recommendation").outputSchema();
        Schema ccpa = engine.sanitizer("us-ccpa", "recommendation").outputSchema();
        assertThat(gdpr.getFullName()).isEqualTo("io.lepton.sanitized.eu_gdpr.RecommendationEvent");
        assertThat(gdpr.getField("deviceId")).as("dropped under GDPR").isNull();
        assertThat(ccpa.getField("deviceId").schema().toString()).isEqualTo("[\"null\",\"string\"]");
        assertThat(ccpa.getField("deviceId").getProp("sanitizedBy")).isEqualTo("hmac");
        assertThat(gdpr.getField("userAge").schema().toString()).as("int generalized to a band")
                .isEqualTo("[\"null\",\"string\"]");
        assertThat(gdpr.getField("latitude").schema().toString()).isEqualTo("[\"null\",\"double\"]");
        assertThat(gdpr.getField("rank").schema().getType()).isEqualTo(Schema.Type.INT);
        for (Schema.Field field : gdpr.getFields()) {
            assertThat(field.getObjectProp("pii")).as("raw tags are not copied: " + field.name()).isNull();
        }
    }

    @Test
    void ccpaKeepsJoinablePseudonymsAndFinerGeneralization() {
        GenericRecord out = sanitize("us-ccpa", "recommendation", SampleEvents.recommendation("US-CA"));
        assertThat(out.get("ipAddress")).isEqualTo("203.0.113.0/24");
        assertThat(out.get("latitude")).isEqualTo(48.13);
        assertThat(out.get("userAge")).isEqualTo("25-29");
        assertThat(out.get("sessionId").toString()).startsWith("us-ccpa-1.");
    }

    @Test
    void piplGeneralizesCoarselyAndTheDefaultPolicyDropsMost() {
        GenericRecord pipl = sanitize("cn-pipl", "financial-sentiment", SampleEvents.financialSentiment("CN"));
        assertThat(pipl.get("ipAddress")).isEqualTo("2001:db8::/32");
        GenericRecord strict = sanitize("default", "recommendation", SampleEvents.recommendation("JP"));
        assertThat(strict.getSchema().getField("ipAddress")).isNull();
        assertThat(strict.getSchema().getField("latitude")).isNull();
        assertThat(strict.get("userAge")).isEqualTo("20-39");
    }

    @Test
    void recordKeyIsTheSubjectPseudonymSharedWithTheSubjectField() {
        SanitizedEvent event = engine.sanitizer("eu-gdpr", "customer-service")
                .sanitize(SampleEvents.customerService("DE"), DpRelease.RELEASE);
        assertThat(event.key()).isEqualTo(event.value().get("customerId"));
        SanitizedEvent again = engine.sanitizer("eu-gdpr", "customer-service")
                .sanitize(SampleEvents.customerService("FR"), DpRelease.RELEASE);
        assertThat(again.key()).as("stable pseudonym for joins").isEqualTo(event.key());
    }

    @Test
    void aMissingSubjectIsQuarantinedInItsJurisdiction() {
        var builder = SampleEvents.customerServiceBuilder("DE");
        builder.setCustomerId(" ");
        GenericRecord raw = SampleEvents.generic(builder);
        EventFamily family = TestEngines.FAMILIES.byName("customer-service").orElseThrow();
        Outcome outcome = engine.process(family, raw, new InMemoryPrivacyLedger());
        assertThat(outcome).isInstanceOfSatisfying(Outcome.Quarantined.class, q -> {
            assertThat(q.reason()).isEqualTo(QuarantineReason.MISSING_SUBJECT);
            assertThat(q.detail()).isEqualTo("missing-subject: field customerId is empty");
        });
        assertThat(outcome.topic()).isEqualTo("quarantine.eu-gdpr");
    }

    @Test
    void anUnroutableRegionIsQuarantinedAsUnrouted() {
        EventFamily family = TestEngines.FAMILIES.byName("recommendation").orElseThrow();
        Outcome outcome = engine.process(family, SampleEvents.recommendation("Atlantis"),
                new InMemoryPrivacyLedger());
        assertThat(outcome.topic()).isEqualTo("quarantine.unrouted");
    }

    private GenericRecord sanitize(String jurisdiction, String family, GenericRecord raw) {
        GenericRecord out = engine.sanitizer(jurisdiction, family).sanitize(raw, DpRelease.RELEASE).value();
        assertThat(org.apache.avro.generic.GenericData.get().validate(out.getSchema(), out))
                .as("conforms to the derived schema").isTrue();
        return out;
    }
}
