package io.lepton.gateway.engine.sanitize;

import io.lepton.gateway.engine.QuarantineReason;
import static org.assertj.core.api.Assertions.assertThat;

import io.lepton.gateway.engine.GatewayEngine;
import io.lepton.gateway.engine.Outcome;
import io.lepton.gateway.engine.SampleEvents;
import io.lepton.gateway.engine.TestEngines;
import io.lepton.gateway.engine.dp.InMemoryPrivacyLedger;
import io.lepton.gateway.engine.family.EventFamily;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

/** Free text under {@code mode: scrub}: detections replaced by the policy's action for their class, counted. */
class FreeTextScrubbingTest {

    private final GatewayEngine engine = TestEngines.engine();

    @Test
    void gdprReplacesDetectedAndLinkedValuesInPlace() {
        SanitizedEvent event = engine.sanitizer("eu-gdpr", "customer-service")
                .sanitize(SampleEvents.customerService("DE"), DpRelease.RELEASE);
        String message = event.value().get("message").toString();
        assertThat(message).doesNotContain("jane.roe@example.com", "Jane Roe", "+49 151 23456789")
                .contains("[EMAIL]").contains("[PHONE]").contains("[NAME]").startsWith("Hi, I am ");
        assertThat(event.detections()).containsEntry("EMAIL", 1).containsEntry("PHONE", 1);
    }

    @Test
    void cardsAndIbansAreMaskedToTheirLastFourDigits() {
        SanitizedEvent event = engine.sanitizer("eu-gdpr", "financial-sentiment")
                .sanitize(SampleEvents.financialSentiment("DE"), DpRelease.RELEASE);
        String text = event.value().get("text").toString();
        assertThat(text).contains("3000").contains("1111").doesNotContain("DE89370400440532013000")
                .doesNotContain("4111 1111 1111 1111");
        assertThat(event.detections()).containsEntry("IBAN", 1).containsEntry("PAYMENT_CARD", 1);
    }

    @Test
    void anEmailPseudonymizedAsAFieldGetsTheSameTokenInsideTheText() {
        GenericRecord out = engine.sanitizer("us-ccpa", "customer-service")
                .sanitize(SampleEvents.customerService("US-CA"), DpRelease.RELEASE).value();
        String token = out.get("customerEmail").toString();
        assertThat(token).startsWith("us-ccpa-1.");
        assertThat(out.get("message").toString()).contains(token).doesNotContain("jane.roe@example.com");
    }

    @Test
    void oversizeTextIsQuarantinedWherePolicySaysSoAndTruncatedElsewhere() {
        EventFamily family = TestEngines.FAMILIES.byName("customer-service").orElseThrow();
        var builder = SampleEvents.customerServiceBuilder("CN");
        builder.setMessage("x".repeat(25_000) + " write to jane.roe@example.com");
        Outcome pipl = engine.process(family, SampleEvents.generic(builder), new InMemoryPrivacyLedger());
        assertThat(pipl).isInstanceOfSatisfying(Outcome.Quarantined.class, q -> {
            assertThat(q.policy().id()).isEqualTo("cn-pipl");
            assertThat(q.reason()).isEqualTo(QuarantineReason.OVERSIZE_TEXT);
            assertThat(q.detail()).doesNotContain("jane");
        });
        builder.setRegion("DE");
        Outcome gdpr = engine.process(family, SampleEvents.generic(builder), new InMemoryPrivacyLedger());
        assertThat(gdpr).isInstanceOfSatisfying(Outcome.Released.class, r -> assertThat(
                r.event().value().get("message").toString()).hasSizeLessThanOrEqualTo(20_000).doesNotContain("jane"));
    }
}
