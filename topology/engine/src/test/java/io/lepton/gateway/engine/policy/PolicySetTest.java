package io.lepton.gateway.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lepton.gateway.engine.PiiCatalog;
import io.lepton.gateway.engine.TestEngines;
import io.lepton.gateway.engine.crypto.HmacKeyRing;
import io.lepton.gateway.engine.dp.SecureRandomBits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PolicySetTest {

    private static final Set<String> CLASSES = PiiCatalog.knownClasses(TestEngines.FAMILIES);

    @TempDir
    Path dir;

    @Test
    void builtInPoliciesCoverTheSevenJurisdictionsWithTheirLaws() {
        PolicySet set = TestEngines.POLICIES;
        assertThat(set.all()).extracting(JurisdictionPolicy::id)
                .containsExactlyInAnyOrderElementsOf(PolicySet.BUILT_IN_IDS);
        JurisdictionPolicy pipl = set.byId("cn-pipl").orElseThrow();
        assertThat(pipl.crossBorder()).isEqualTo(CrossBorderRule.NONE);
        assertThat(pipl.regions()).containsExactly("CN");
        assertThat(set.byId("eu-gdpr").orElseThrow().regions()).hasSize(30).contains("DE", "FR", "NO", "IS", "LI");
        assertThat(set.byId("us-ccpa").orElseThrow().actionFor("EMAIL")).isEqualTo(new ActionSpec.Hmac());
        assertThat(set.byId("in-dpdp").orElseThrow().actionFor("IN_AADHAAR")).isEqualTo(new ActionSpec.Mask(4, '*'));
        assertThat(set.fallback().crossBorder()).isEqualTo(CrossBorderRule.NONE);
        assertThat(set.fallback().actionFor("SOMETHING_NEW")).isEqualTo(new ActionSpec.Drop());
        assertThat(set.byId("eu-gdpr").orElseThrow().dp().budgetPeriod()).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void aMountedDirectoryReplacesTheBuiltInPolicies() throws IOException {
        copyBuiltIns();
        rewrite("sg-pdpa.yaml", "version: \"2026-11-24.1\"", "version: \"mounted-7\"");
        PolicySet set = PolicySet.fromDirectory(dir, CLASSES);
        assertThat(set.byId("sg-pdpa").orElseThrow().version()).isEqualTo("mounted-7");
        assertThat(set.byId("sg-pdpa").orElseThrow().source()).endsWith("sg-pdpa.yaml");
    }

    static Stream<Arguments> invalidPolicies() {
        return Stream.of(
                Arguments.of("eu-gdpr.yaml", "  NAME: redact", "  NAME: hashh", "actions.NAME",
                        "unknown action 'hashh'", "use one of drop, redact"),
                Arguments.of("eu-gdpr.yaml", "  NAME: redact", "  NAME_TYPO: redact", "actions.NAME_TYPO",
                        "unknown PII class 'NAME_TYPO'", "use one of"),
                Arguments.of("us-ccpa.yaml", "regions: [US-CA]", "regions: [US-CA, DE]", "regions",
                        "region DE is also claimed by", "remove DE from one of the two policies"),
                Arguments.of("br-lgpd.yaml", "regions: [BR]", "regions: [BRA]", "regions[0]",
                        "'BRA' is not an ISO 3166-1 alpha-2", "such as DE or US-CA"),
                Arguments.of("sg-pdpa.yaml", "crossBorder: aggregates-only", "crossBorder: sometimes",
                        "crossBorder", "unknown cross-border rule", "'none' or 'aggregates-only'"),
                Arguments.of("in-dpdp.yaml", "  PHONE: {action: mask, keepLast: 2}",
                        "  PHONE: {action: mask, keepLast: 2, colour: red}", "actions.PHONE.colour",
                        "'mask' takes no parameter 'colour'", "keepLast"),
                Arguments.of("in-dpdp.yaml", "  PHONE: {action: mask, keepLast: 2}",
                        "  PHONE: {action: mask, keepLast: many}", "actions.PHONE.keepLast",
                        "expected a whole number", "write a number"),
                Arguments.of("eu-gdpr.yaml", "  NAME: redact", "  NAME: {action: generalize}", "actions.NAME",
                        "generalize needs to know how", "bandWidth"),
                Arguments.of("cn-pipl.yaml", "  delta: 1.0e-6\n", "", "dp",
                        "the gaussian mechanism needs delta > 0", "delta: 1.0e-6"),
                Arguments.of("eu-gdpr.yaml", "  epsilonPerEvent: 0.5", "  epsilonPerEvent: 5", "dp.budget.epsilon",
                        "smaller than one event's", "raise budget.epsilon"),
                Arguments.of("default.yaml", "regions: ['*']", "regions: ['*', JP]", "regions",
                        "the default policy must claim exactly ['*']", "regions: ['*']"),
                Arguments.of("eu-gdpr.yaml", "jurisdiction: eu-gdpr", "jurisdiction: eu-gdpr\nfairnes: {}",
                        "fairnes", "unknown key 'fairnes'", "use one of"),
                Arguments.of("eu-gdpr.yaml", "residencyZone: eu\n", "", "residencyZone", "missing",
                        "add 'residencyZone"),
                Arguments.of("eu-gdpr.yaml", "falseAlarmBudget: {alpha: 0.01, per: P30D}",
                        "falseAlarmBudget: {alpha: 0.7, per: P30D}", "fairness.falseAlarmBudget.alpha",
                        "", "0.5"),
                Arguments.of("eu-gdpr.yaml", "falseAlarmBudget: {alpha: 0.01, per: P30D}",
                        "falseAlarmBudget: {alpha: 0.01, per: PT10M}", "fairness.falseAlarmBudget.per",
                        "shorter than the window", "per: P30D"),
                Arguments.of("eu-gdpr.yaml", "falseAlarmBudget: {alpha: 0.01, per: P30D}",
                        "falseAlarmBudget: {alpha: 0.01}", "fairness.falseAlarmBudget.per", "missing",
                        "add 'per: P30D'"),
                Arguments.of("eu-gdpr.yaml", "falseAlarmBudget: {alpha: 0.01, per: P30D}",
                        "falseAlarmBudget: {alpha: 0.01, per: P30D, spend: fast}", "fairness.falseAlarmBudget.spend",
                        "unknown key 'spend'", "use one of"),
                Arguments.of("eu-gdpr.yaml", "referenceGroups: {gender: M, ageBand: 30-39, providerGroup: LARGE}",
                        "referenceGroups: {gender: '', ageBand: 30-39, providerGroup: LARGE}",
                        "fairness.referenceGroups.gender",
                        "empty reference group", "gender: M"),
                Arguments.of("eu-gdpr.yaml", "  NAME: redact", "  NAME: [redact", "(syntax)", "invalid YAML",
                        "fix the YAML syntax"),
                Arguments.of("eu-gdpr.yaml", "maxEventAge: PT2H", "maxEventAge: P2D", "dp.budget",
                        "more than two periods", "shorten maxEventAge"),
                Arguments.of("eu-gdpr.yaml", "derived: drop", "derived: blur", "dp.derived", "unknown value",
                        "use one of noise, drop"),
                Arguments.of("eu-gdpr.yaml", "pseudonymKeyId: eu-gdpr-1\n",
                        "pseudonymKeyId: eu-gdpr-1\nsubjectIdentity: {lowercase: true}\n", "subjectIdentity.lowercase",
                        "unknown key 'lowercase'", "caseFold"));
    }

    @ParameterizedTest(name = "{3}: {4}")
    @MethodSource("invalidPolicies")
    void invalidPoliciesNameFileFieldProblemAndFix(String file, String from, String to, String field,
            String problem, String fix) throws IOException {
        copyBuiltIns();
        rewrite(file, from, to);
        assertThatThrownBy(() -> PolicySet.fromDirectory(dir, CLASSES))
                .isInstanceOfSatisfying(PolicyException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.file()).endsWith(".yaml");
                })
                .hasMessageContaining(problem)
                .hasMessageContaining("Fix: ")
                .hasMessageContaining(fix);
    }

    @Test
    void errorsPointAtTheLineOfTheOffendingEntry() throws IOException {
        copyBuiltIns();
        rewrite("eu-gdpr.yaml", "  EMAIL: redact", "  EMAIL: scramble");
        String text = Files.readString(dir.resolve("eu-gdpr.yaml"));
        int expectedLine = (int) text.substring(0, text.indexOf("EMAIL: scramble")).chars().filter(c -> c == '\n')
                .count() + 1;
        assertThatThrownBy(() -> PolicySet.fromDirectory(dir, CLASSES))
                .isInstanceOfSatisfying(PolicyException.class, e -> assertThat(e.line()).isEqualTo(expectedLine))
                .hasMessageStartingWith(dir.resolve("eu-gdpr.yaml") + ":" + expectedLine + ": actions.EMAIL:");
    }

    @Test
    void aMissingHmacKeyStopsStartUpNamingTheVariableToSet() {
        HmacKeyRing onlyEu = HmacKeyRing.of(Map.of("eu-gdpr-1", new byte[32]));
        assertThatThrownBy(() -> TestEngines.engineWithKeys(TestEngines.gatewayKeys(onlyEu)))
                .isInstanceOfSatisfying(PolicyException.class,
                        e -> assertThat(e.field()).isEqualTo("pseudonymKeyId"))
                .hasMessageContaining("LEPTON_HMAC_KEY_");
    }

    @Test
    void anActionUnfitForAFieldTypeStopsStartUp() throws IOException {
        copyBuiltIns();
        rewrite("eu-gdpr.yaml", "  NAME: redact", "  NAME: {action: generalize, decimals: 1}");
        PolicySet set = PolicySet.fromDirectory(dir, CLASSES);
        assertThatThrownBy(() -> TestEngines.create(set, TestEngines.FAMILIES, TestEngines.gatewayKeys(),
                SecureRandomBits.seeded(1)))
                .isInstanceOfSatisfying(PolicyException.class, e -> assertThat(e.field()).isEqualTo("actions.NAME"))
                .hasMessageContaining("customerName").hasMessageContaining("STRING");
    }

    @Test
    void aDirectoryWithoutDefaultPolicyIsRejected() throws IOException {
        copyBuiltIns();
        Files.delete(dir.resolve("default.yaml"));
        assertThatThrownBy(() -> PolicySet.fromDirectory(dir, CLASSES)).hasMessageContaining("no 'default' policy");
    }

    private void copyBuiltIns() throws IOException {
        for (String id : PolicySet.BUILT_IN_IDS) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("policies/" + id + ".yaml")) {
                Files.write(dir.resolve(id + ".yaml"), in.readAllBytes());
            }
        }
    }

    private void rewrite(String file, String from, String to) throws IOException {
        Path path = dir.resolve(file);
        String text = Files.readString(path, StandardCharsets.UTF_8);
        assertThat(text).as("fixture text in " + file).contains(from);
        Files.writeString(path, text.replace(from, to), StandardCharsets.UTF_8);
    }
}
