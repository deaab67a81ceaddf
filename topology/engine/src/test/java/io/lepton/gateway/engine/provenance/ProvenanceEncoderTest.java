package io.lepton.gateway.engine.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import io.lepton.gateway.engine.GatewayEngine;
import io.lepton.gateway.engine.Outcome;
import io.lepton.gateway.engine.ProvenanceFixtures;
import io.lepton.gateway.engine.SampleEvents;
import io.lepton.gateway.engine.TestEngines;
import io.lepton.gateway.engine.dp.BudgetTime;
import io.lepton.gateway.engine.dp.InMemoryPrivacyLedger;
import io.lepton.gateway.engine.dp.SecureRandomBits;
import io.lepton.gateway.engine.family.EventFamily;
import io.lepton.gateway.engine.policy.JurisdictionPolicy;
import io.lepton.gateway.engine.policy.PolicyVersion;
import io.lepton.schemas.CustomerServiceEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The provenance headers of real engine outcomes, their truncation and their version. */
class ProvenanceEncoderTest {

    private static final EventFamily CUSTOMER_SERVICE = TestEngines.FAMILIES.byName("customer-service").orElseThrow();
    private final GatewayEngine engine = GatewayEngine.create(TestEngines.POLICIES, TestEngines.FAMILIES,
            TestEngines.gatewayKeys(), BudgetTime.window(TestEngines.CLOCK), SecureRandomBits.seeded(5));

    @Test
    void anEuCustomerServiceEventCarriesPolicyVersionActionsDetectionsDpBandAndGateway() {
        JurisdictionPolicy eu = TestEngines.POLICIES.byId("eu-gdpr").orElseThrow();
        Outcome.Released released = (Outcome.Released) engine.process(CUSTOMER_SERVICE,
                SampleEvents.customerService("DE"), new InMemoryPrivacyLedger());
        Map<String, String> headers = ProvenanceFixtures.headers(released);

        assertThat(headers.keySet()).containsExactlyElementsOf(ProvenanceHeaders.NAMES);
        assertThat(headers.get("lepton.jurisdiction")).isEqualTo("eu-gdpr");
        assertThat(headers.get("lepton.policy")).isEqualTo("eu-gdpr@" + eu.contentHash()).matches("eu-gdpr@[0-9a-f]{16}");
        // The policy file: SUBJECT_ID/LINK_ID/STAFF_ID hmac under key eu-gdpr-1, NAME, EMAIL and PHONE redact,
        // AGE generalize, GENDER drop; free text scrubbed; satisfaction (dp) noised with Laplace.
        assertThat(headers.get("lepton.actions").split(";")).contains("customerId=hmac:eu-gdpr-1",
                "conversationId=hmac:eu-gdpr-1", "agentId=hmac:eu-gdpr-1", "customerName=redact",
                "customerEmail=redact", "customerPhone=redact", "customerAge=generalize", "gender=drop",
                "message=scrub", "satisfaction=noise:laplace");
        assertThat(headers.get("lepton.actions")).as("untagged fields are not listed").doesNotContain("intent=", "channel=");
        assertThat(headers.get("lepton.detections")).isEqualTo(expectedDetections(released.event().detections()));
        assertThat(headers.get("lepton.dp")).isEqualTo("laplace:0.5");
        assertThat(headers.get("lepton.budget")).as("0.5 of 4 spent: 87.5% left").isEqualTo("75-100");
        assertThat(headers.get("lepton.gateway")).isEqualTo(GatewayVersion.current()).isNotBlank();
    }

    @Test
    void theBandFallsByQuartersAsTheSubjectSpendsItsBudgetThenSaysExhausted() {
        InMemoryPrivacyLedger ledger = new InMemoryPrivacyLedger();
        List<String> bands = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            CustomerServiceEvent event = SampleEvents.customerServiceBuilder("DE");
            event.setEventId("evt-band-" + i);
            Outcome.Released released = (Outcome.Released) engine.process(CUSTOMER_SERVICE,
                    SampleEvents.generic(event), ledger);
            bands.add(ProvenanceFixtures.headers(released).get("lepton.budget"));
        }
        // eu-gdpr: ε 0.5 of 4 per day; left after each release: 3.5, 3, 2.5, 2, 1.5, 1, 0.5, 0, then withheld.
        assertThat(bands).containsExactly("75-100", "75-100", "50-75", "50-75", "25-50", "25-50", "0-25", "0-25",
                "exhausted");
    }

    @Test
    void aFamilyWithoutDpFieldsSaysNone() {
        EventFamily recommendation = TestEngines.FAMILIES.byName("recommendation").orElseThrow();
        Outcome.Released released = (Outcome.Released) engine.process(recommendation,
                SampleEvents.recommendation("DE"), new InMemoryPrivacyLedger());
        Map<String, String> headers = ProvenanceFixtures.headers(released);
        assertThat(headers).containsEntry("lepton.dp", "none").containsEntry("lepton.budget", "n/a")
                .containsEntry("lepton.detections", "none");
    }

    @Test
    void detectionsAreSortedByTypeAndTruncatedWholeEntriesFirstWithAMarker() {
        assertThat(text(ProvenanceEncoder.detections(Map.of("PHONE", 1, "EMAIL", 12, "IBAN", 3))))
                .isEqualTo("EMAIL:12,IBAN:3,PHONE:1");
        Map<String, Integer> many = new HashMap<>();
        for (int i = 0; i < 40; i++) {
            many.put("DETECTED_TYPE_" + (char) ('A' + i % 26) + (i / 26), 1000 + i);
        }
        String value = text(ProvenanceEncoder.detections(many));
        assertThat(value.length()).isLessThanOrEqualTo(192);
        List<String> entries = List.of(value.split(","));
        String marker = entries.get(entries.size() - 1);
        assertThat(marker).matches("\\+\\d+");
        List<String> kept = entries.subList(0, entries.size() - 1);
        List<String> expectedOrder = new TreeMap<>(many).entrySet().stream()
                .map(e -> e.getKey() + ":" + e.getValue()).toList();
        assertThat(kept).as("a prefix of the sorted list").containsExactlyElementsOf(expectedOrder.subList(0, kept.size()));
        assertThat(kept.size() + Integer.parseInt(marker.substring(1))).isEqualTo(many.size());
        assertThat(text(ProvenanceEncoder.detections(many))).as("deterministic").isEqualTo(value);
    }

    @Test
    void boundedListKeepsAListThatFitsAndMarksWhatItLeavesOut() {
        assertThat(text(BoundedList.join(List.of("a=1", "b=2"), ';', 7))).isEqualTo("a=1;b=2");
        assertThat(text(BoundedList.join(List.of("aaaa=1", "bbbb=2", "cccc=3", "dddd=4"), ';', 16)))
                .isEqualTo("aaaa=1;bbbb=2;+2");
    }

    @Test
    void theVersionIsAHashOfTheFileSoAnyEditChangesIt() {
        JurisdictionPolicy eu = TestEngines.POLICIES.byId("eu-gdpr").orElseThrow();
        assertThat(eu.contentHash()).hasSize(16).matches("[0-9a-f]+");
        assertThat(PolicyVersion.ofFile("jurisdiction: x\n")).isNotEqualTo(PolicyVersion.ofFile("jurisdiction: x \n"))
                .isEqualTo(PolicyVersion.ofFile("jurisdiction: x\n"));
        assertThat(TestEngines.POLICIES.all().stream().map(JurisdictionPolicy::contentHash).collect(
                Collectors.toSet())).as("every built-in file differs").hasSize(TestEngines.POLICIES.all().size());
    }

    private static String expectedDetections(Map<String, Integer> detections) {
        if (detections.isEmpty()) {
            return "none";
        }
        return new TreeMap<>(detections).entrySet().stream().map(e -> e.getKey() + ":" + e.getValue())
                .collect(Collectors.joining(","));
    }

    private static String text(byte[] value) {
        return new String(value, StandardCharsets.UTF_8);
    }
}
