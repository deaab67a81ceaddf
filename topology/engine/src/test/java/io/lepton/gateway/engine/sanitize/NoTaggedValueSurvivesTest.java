package io.lepton.gateway.engine.sanitize;

import static org.assertj.core.api.Assertions.assertThat;

import io.lepton.gateway.engine.GatewayEngine;
import io.lepton.gateway.engine.Outcome;
import io.lepton.gateway.engine.TestEngines;
import io.lepton.gateway.engine.dp.BudgetTime;
import io.lepton.gateway.engine.dp.InMemoryPrivacyLedger;
import io.lepton.gateway.engine.dp.SecureRandomBits;
import io.lepton.gateway.engine.family.EventFamily;
import io.lepton.gateway.engine.family.FieldTags;
import io.lepton.gateway.engine.policy.ActionSpec;
import io.lepton.gateway.engine.policy.JurisdictionPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property: under every built-in policy, for every family, no value of a {@code pii}-tagged field survives into the
 * sanitized output: no tagged string appears inside any output string (key included), and no tagged number is
 * released unchanged. Records are generated from the schema itself (seeded, so failures reproduce), so a tagged field
 * added to a schema is covered without touching this test.
 */
class NoTaggedValueSurvivesTest {

    private static final int RECORDS_PER_CASE = 300;
    /** Random records carry random dates: budget periods by pure event time, so none is refused as out of range. */
    private static final GatewayEngine ENGINE = GatewayEngine.create(TestEngines.POLICIES, TestEngines.FAMILIES,
            TestEngines.gatewayKeys(), BudgetTime.eventTime(), SecureRandomBits.seeded(1));

    @ParameterizedTest(name = "{0} / {1}")
    @MethodSource("io.lepton.gateway.engine.TestEngines#policiesAndFamilies")
    void noTaggedValueSurvives(String jurisdiction, String familyName) {
        JurisdictionPolicy policy = TestEngines.POLICIES.byId(jurisdiction).orElseThrow();
        assertThat(policy.actions().values()).as("built-in policies keep no tagged value")
                .doesNotContain(new ActionSpec.Keep());
        EventFamily family = TestEngines.FAMILIES.byName(familyName).orElseThrow();
        String region = TestEngines.regionOf(policy);
        Random random = new Random(jurisdiction.hashCode() * 31L + familyName.hashCode());
        for (int i = 0; i < RECORDS_PER_CASE; i++) {
            GenericRecord raw = RandomRecords.of(family, region, random);
            Outcome outcome = ENGINE.process(family, raw, new InMemoryPrivacyLedger());
            assertThat(outcome).isInstanceOf(Outcome.Released.class);
            SanitizedEvent event = ((Outcome.Released) outcome).event();
            assertThat(((Outcome.Released) outcome).policy().id()).isEqualTo(jurisdiction);
            List<String> released = new ArrayList<>();
            released.add(event.key());
            collectStrings(event.value(), released);
            for (Schema.Field field : family.rawSchema().getFields()) {
                FieldTags tags = family.tags(field.name());
                Object value = raw.get(field.pos());
                if (!tags.isPii() || value == null) {
                    continue;
                }
                if (value instanceof CharSequence text) {
                    assertThat(released).as(field.name() + " value leaked (seed record " + i + ")")
                            .noneMatch(s -> s.contains(text.toString()));
                } else if (event.value().getSchema().getField(field.name()) != null) {
                    assertThat(event.value().get(field.name())).as(field.name() + " released unchanged")
                            .isNotEqualTo(value);
                }
            }
        }
    }

    private static void collectStrings(Object value, List<String> out) {
        if (value instanceof GenericRecord record) {
            for (Schema.Field field : record.getSchema().getFields()) {
                collectStrings(record.get(field.pos()), out);
            }
        } else if (value instanceof CharSequence || value instanceof GenericData.EnumSymbol) {
            out.add(value.toString());
        }
    }
}
