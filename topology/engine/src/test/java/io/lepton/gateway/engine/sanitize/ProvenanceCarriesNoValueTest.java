package io.lepton.gateway.engine.sanitize;

import static org.assertj.core.api.Assertions.assertThat;

import io.lepton.gateway.engine.GatewayEngine;
import io.lepton.gateway.engine.Outcome;
import io.lepton.gateway.engine.ProvenanceFixtures;
import io.lepton.gateway.engine.TestEngines;
import io.lepton.gateway.engine.dp.BudgetTime;
import io.lepton.gateway.engine.dp.InMemoryPrivacyLedger;
import io.lepton.gateway.engine.dp.SecureRandomBits;
import io.lepton.gateway.engine.family.EventFamily;
import io.lepton.gateway.engine.family.FieldTags;
import io.lepton.gateway.engine.policy.JurisdictionPolicy;
import io.lepton.gateway.engine.provenance.ProvenanceHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property: under every built-in policy, for every family, the provenance headers of a sanitized record contain no
 * value of a tagged field and nothing the free-text detectors found, and stay within their bound. Records are
 * generated from the schema (seeded, so failures reproduce) with PII planted in the free text; the check is
 * twofold: no tagged or planted value appears in any header, and every header matches the documented grammar, which
 * admits only field names, action codes, type names and counts.
 */
class ProvenanceCarriesNoValueTest {

    private static final int RECORDS_PER_CASE = 200;
    private static final GatewayEngine ENGINE = GatewayEngine.create(TestEngines.POLICIES, TestEngines.FAMILIES,
            TestEngines.gatewayKeys(), BudgetTime.eventTime(), SecureRandomBits.seeded(2));
    private static final String CODE = "(drop|redact|mask|generalize|keep|hmac:[a-z0-9-]+|scrub|noise:(laplace|gaussian)"
            + "|withhold)";
    /** The grammar of ProvenanceHeaders' table, written out independently of the encoder. */
    private static final Map<String, Pattern> GRAMMAR = Map.of(
            ProvenanceHeaders.JURISDICTION, Pattern.compile("[a-z][a-z0-9-]*"),
            ProvenanceHeaders.POLICY, Pattern.compile("[a-z][a-z0-9-]*@[0-9a-f]{16}"),
            ProvenanceHeaders.ACTIONS, Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=" + CODE
                    + "(;[A-Za-z_][A-Za-z0-9_]*=" + CODE + ")*(;\\+[0-9]+)?"),
            ProvenanceHeaders.DETECTIONS, Pattern.compile("none|[A-Z_]+:[0-9]+(,[A-Z_]+:[0-9]+)*(,\\+[0-9]+)?"),
            ProvenanceHeaders.DP, Pattern.compile("none|disabled|(laplace|gaussian):[0-9.]+"),
            ProvenanceHeaders.BUDGET, Pattern.compile("75-100|50-75|25-50|0-25|exhausted|n/a"),
            ProvenanceHeaders.GATEWAY, Pattern.compile("[0-9A-Za-z.+_-]+"));

    @ParameterizedTest(name = "{0} / {1}")
    @MethodSource("io.lepton.gateway.engine.TestEngines#policiesAndFamilies")
    void headersCarryNoTaggedOrDetectedValue(String jurisdiction, String familyName) {
        JurisdictionPolicy policy = TestEngines.POLICIES.byId(jurisdiction).orElseThrow();
        EventFamily family = TestEngines.FAMILIES.byName(familyName).orElseThrow();
        String region = TestEngines.regionOf(policy);
        Random random = new Random(jurisdiction.hashCode() * 17L + familyName.hashCode());
        int withDetections = 0;
        for (int i = 0; i < RECORDS_PER_CASE; i++) {
            GenericRecord raw = RandomRecords.of(family, region, random);
            List<String> planted = plantPii(family, raw, random);
            Outcome outcome = ENGINE.process(family, raw, new InMemoryPrivacyLedger());
            assertThat(outcome).isInstanceOf(Outcome.Released.class);
            Outcome.Released released = (Outcome.Released) outcome;
            Map<String, String> headers = ProvenanceFixtures.headers(released);
            withDetections += released.event().detections().isEmpty() ? 0 : 1;

            int bytes = 0;
            for (Map.Entry<String, String> header : headers.entrySet()) {
                bytes += header.getKey().getBytes(StandardCharsets.UTF_8).length
                        + header.getValue().getBytes(StandardCharsets.UTF_8).length;
                assertThat(header.getValue()).as(header.getKey() + " follows its grammar (record " + i + ")")
                        .matches(GRAMMAR.get(header.getKey()));
            }
            assertThat(bytes).isLessThanOrEqualTo(ProvenanceHeaders.MAX_TOTAL_BYTES);
            String all = String.join("\n", headers.values());
            for (String value : taggedValues(family, raw)) {
                assertThat(all).as("a tagged value leaked into the headers (record " + i + ")").doesNotContain(value);
            }
            for (String value : planted) {
                assertThat(all).as("a detected value leaked into the headers (record " + i + ")").doesNotContain(value);
            }
            for (String field : headers.get(ProvenanceHeaders.ACTIONS).split(";")) {
                if (!field.startsWith("+")) {
                    assertThat(family.rawSchema().getField(field.substring(0, field.indexOf('='))))
                            .as("only schema field names").isNotNull();
                }
            }
        }
        if (hasScrubbedText(policy, family)) {
            assertThat(withDetections).as("the planted PII was found, so detections were encoded").isPositive();
        }
    }

    /** Appends an e-mail address and a card number (Luhn-valid test PAN) to each free-text field. */
    private static List<String> plantPii(EventFamily family, GenericRecord raw, Random random) {
        String email = "pat" + (100000 + random.nextInt(900000)) + "@example.org";
        String card = "4111111111111111";
        List<String> planted = List.of(email, card);
        for (Schema.Field field : family.rawSchema().getFields()) {
            if (family.tags(field.name()).freeText() && raw.get(field.pos()) != null) {
                raw.put(field.pos(), raw.get(field.pos()) + " write to " + email + " card " + card);
            }
        }
        return planted;
    }

    /** String forms of the tagged values long enough not to occur in a 16-digit hash by chance. */
    private static List<String> taggedValues(EventFamily family, GenericRecord raw) {
        List<String> values = new ArrayList<>();
        for (Schema.Field field : family.rawSchema().getFields()) {
            FieldTags tags = family.tags(field.name());
            Object value = raw.get(field.pos());
            if (value != null && (tags.isPii() || tags.freeText() || tags.dpRange().isPresent())) {
                String text = value.toString();
                if (text.length() >= 6) {
                    values.add(text);
                }
            }
        }
        return values;
    }

    private static boolean hasScrubbedText(JurisdictionPolicy policy, EventFamily family) {
        return policy.freeText().mode().name().equals("SCRUB") && family.rawSchema().getFields().stream()
                .anyMatch(f -> family.tags(f.name()).freeText());
    }
}
