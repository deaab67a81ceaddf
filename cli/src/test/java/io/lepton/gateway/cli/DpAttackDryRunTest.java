package io.lepton.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lepton.gateway.engine.GatewayEngine;
import io.lepton.gateway.engine.Outcome;
import io.lepton.gateway.engine.crypto.GatewayKeys;
import io.lepton.gateway.engine.crypto.HmacKeyRing;
import io.lepton.gateway.engine.dp.BudgetTime;
import io.lepton.gateway.engine.dp.InMemoryPrivacyLedger;
import io.lepton.gateway.engine.dp.PrivacyLedger;
import io.lepton.gateway.engine.dp.SecureRandomBits;
import io.lepton.gateway.engine.family.EventFamilies;
import io.lepton.gateway.engine.family.EventFamily;
import io.lepton.gateway.engine.policy.JurisdictionPolicy;
import io.lepton.gateway.engine.policy.PolicySet;
import io.lepton.serdes.json.AvroJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;

/**
 * The attacks of issue #13 through the {@code dry-run} path (engine plus {@link DryRunCommand#process}), with the
 * gateway clock fixed at {@link AttackInputs#NOW}: however the producer dates, spells or repeats one subject's
 * events, at most budget/ε of them release a dp value per period.
 */
class DpAttackDryRunTest {

    private static final EventFamilies FAMILIES = EventFamilies.discover();
    private static final PolicySet POLICIES = new EngineOptions().policies(FAMILIES);
    private static final Clock CLOCK = Clock.fixed(AttackInputs.NOW, ZoneOffset.UTC);
    private static final String SANITIZED = "sanitized.eu-gdpr.customer-service";

    private final GatewayKeys keys = EngineOptions.keys(POLICIES, Map.of(), new PrintWriter(new StringWriter()));

    @Test
    void twentyEventsOfOneDayReleaseEightValues() throws IOException {
        assertThat(releasedValues(run(engine(POLICIES, keys), new InMemoryPrivacyLedger(), AttackInputs.sameDay())))
                .hasSize(AttackInputs.MAX_RELEASES_PER_PERIOD);
    }

    @Test
    void backdatingEachEventToAnotherDayMintsNoBudget() throws IOException {
        List<JsonNode> out = run(engine(POLICIES, keys), new InMemoryPrivacyLedger(), AttackInputs.backdated());

        assertThat(releasedValues(out)).hasSizeLessThanOrEqualTo(AttackInputs.MAX_RELEASES_PER_PERIOD).hasSize(1);
        assertThat(quarantineReasons(out)).hasSize(19).containsOnly("event-time-out-of-range");
    }

    @Test
    void aFutureDatedEventDoesNotPinTheLedgerToItsPeriod() throws IOException {
        List<JsonNode> out = run(engine(POLICIES, keys), new InMemoryPrivacyLedger(), AttackInputs.futureFirst());

        assertThat(quarantineReasons(out)).containsExactly("event-time-out-of-range");
        assertThat(releasedValues(out)).as("today's events still get today's budget, and no more")
                .hasSize(AttackInputs.MAX_RELEASES_PER_PERIOD);
    }

    @Test
    void oneIdWrittenFiveWaysIsOneSubjectWithOneBudget() throws IOException {
        List<JsonNode> out = run(engine(POLICIES, keys), new InMemoryPrivacyLedger(), AttackInputs.fiveSpellings());

        assertThat(releasedValues(out)).hasSize(AttackInputs.MAX_RELEASES_PER_PERIOD);
        assertThat(sanitizedKeys(out)).as("one pseudonym for all spellings").hasSize(1);
    }

    @Test
    void rotatingThePseudonymKeyLeavesEverySpendInPlace() throws IOException {
        byte[] newKey = new byte[32];
        newKey[0] = 7;
        Map<String, byte[]> both = new HashMap<>();
        both.put("eu-gdpr-2", newKey);
        HmacKeyRing configured = keys.pseudonyms();
        for (JurisdictionPolicy policy : POLICIES.all()) {
            both.put(policy.pseudonymKeyId(), configuredKey(configured, policy.pseudonymKeyId()));
        }
        GatewayKeys rotatedKeys = new GatewayKeys(HmacKeyRing.of(both), keys.noise(), keys.ledger());
        PolicySet rotated = PolicySet.of(POLICIES.all().stream()
                .map(p -> p.id().equals("eu-gdpr") ? withKeyId(p, "eu-gdpr-2") : p).toList());
        PrivacyLedger ledger = new InMemoryPrivacyLedger();

        List<JsonNode> before = run(engine(POLICIES, keys), ledger, AttackInputs.distinct("before-", 6));
        List<JsonNode> after = run(engine(rotated, rotatedKeys), ledger, AttackInputs.distinct("after-", 10));

        assertThat(sanitizedKeys(before)).as("the pseudonym did rotate").isNotEqualTo(sanitizedKeys(after));
        assertThat(releasedValues(before)).hasSize(6);
        assertThat(releasedValues(after)).as("only the 2 releases left of the day's 8").hasSize(2);
    }

    @Test
    void aDuplicateEventIdIsChargedOnceAndReleasesTheIdenticalValue() throws IOException {
        List<JsonLines.Envelope> input = new ArrayList<>();
        JsonLines.Envelope repeated = AttackInputs.event("dup-1", AttackInputs.SUBJECT, AttackInputs.NOW, 2);
        for (int i = 0; i < 10; i++) {
            input.add(repeated);
        }
        input.addAll(AttackInputs.distinct("other-", 10));

        List<JsonNode> out = run(engine(POLICIES, keys), new InMemoryPrivacyLedger(), input);

        List<JsonNode> values = releasedValues(out);
        assertThat(values.subList(0, 10)).as("ten copies, one value").containsOnly(values.get(0));
        assertThat(values).as("the duplicate costs one charge: 7 more distinct events fit")
                .hasSize(10 + AttackInputs.MAX_RELEASES_PER_PERIOD - 1);
        assertThat(out).filteredOn(line -> line.get("topic").asText().startsWith("sanitized.eu-gdpr."))
                .extracting(line -> line.get("headers").get("lepton.dp").asText())
                .as("the provenance headers say what each release was charged").startsWith("laplace:0.5",
                        "laplace:0", "laplace:0");
    }

    /** A replay after a crash (same keys, the ledger as committed) releases the same values and charges nothing. */
    @Test
    void aReplayAfterACrashReleasesTheSameValuesWithoutChargingAgain() throws IOException {
        PrivacyLedger ledger = new InMemoryPrivacyLedger();
        List<JsonLines.Envelope> firstHalf = AttackInputs.distinct("crash-", 4);
        List<JsonNode> first = run(engine(POLICIES, keys), ledger, firstHalf);
        List<JsonNode> replayed = run(engine(POLICIES, keys), ledger, firstHalf);
        List<JsonNode> rest = run(engine(POLICIES, keys), ledger, AttackInputs.distinct("later-", 10));

        assertThat(releasedValues(replayed)).isEqualTo(releasedValues(first)).hasSize(4);
        assertThat(releasedValues(rest)).as("4 of 8 spent before the crash, none by the replay").hasSize(4);
    }

    /** Two runs of the same input with the same keys and fresh ledgers: byte-identical sanitized Avro values. */
    @Test
    void twoRunsOfTheSameInputWithTheSameKeysAreByteIdentical() throws IOException {
        List<JsonLines.Envelope> input = new ArrayList<>(AttackInputs.sameDay());
        input.addAll(AttackInputs.fiveSpellings());
        List<byte[]> first = sanitizedBytes(engine(POLICIES, keys), input);
        List<byte[]> second = sanitizedBytes(engine(POLICIES, keys), input);
        GatewayKeys otherNoise = new GatewayKeys(keys.pseudonyms(),
                EngineOptions.keys(POLICIES, Map.of(), new PrintWriter(new StringWriter())).noise(), keys.ledger());
        List<byte[]> otherKeys = sanitizedBytes(engine(POLICIES, otherNoise), input);

        assertThat(second).hasSameSizeAs(first);
        for (int i = 0; i < first.size(); i++) {
            assertThat(second.get(i)).as("record " + i).isEqualTo(first.get(i));
        }
        assertThat(otherKeys.stream().map(java.util.Arrays::toString).toList())
                .as("another noise key gives other values").isNotEqualTo(first.stream()
                        .map(java.util.Arrays::toString).toList());
    }

    @Test
    void freeTextIsNoSideDoorAroundTheNoisedSatisfaction() throws IOException {
        JsonLines.Envelope envelope = AttackInputs.event("side-1", AttackInputs.SUBJECT, AttackInputs.NOW, 1);
        ((com.fasterxml.jackson.databind.node.ObjectNode) envelope.value())
                .put("message", "Honestly 1/5. I rated it 1 and ★ is too much.");

        List<JsonNode> out = run(engine(POLICIES, keys), new InMemoryPrivacyLedger(), List.of(envelope));

        JsonNode sanitized = out.stream().filter(line -> line.get("topic").asText().equals(SANITIZED)).findFirst()
                .orElseThrow();
        assertThat(sanitized.get("value").get("message").asText())
                .isEqualTo("Honestly [RATING]. I rated it [DP_VALUE] and [RATING] is too much.");
    }

    private static GatewayEngine engine(PolicySet policies, GatewayKeys keys) {
        return GatewayEngine.create(policies, FAMILIES, keys, BudgetTime.window(CLOCK), new SecureRandomBits());
    }

    private static List<JsonNode> run(GatewayEngine engine, PrivacyLedger ledger, List<JsonLines.Envelope> input)
            throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (JsonLines.Envelope envelope : input) {
            for (String line : DryRunCommand.process(engine, ledger, envelope)) {
                out.add(JsonLines.MAPPER.readTree(line));
            }
        }
        return out;
    }

    private static List<byte[]> sanitizedBytes(GatewayEngine engine, List<JsonLines.Envelope> input)
            throws IOException {
        EventFamily family = FAMILIES.byName("customer-service").orElseThrow();
        PrivacyLedger ledger = new InMemoryPrivacyLedger();
        List<byte[]> out = new ArrayList<>();
        for (JsonLines.Envelope envelope : input) {
            GenericRecord raw = AvroJson.fromJson(envelope.value(), family.rawSchema());
            if (engine.process(family, raw, ledger) instanceof Outcome.Released released) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
                new GenericDatumWriter<GenericRecord>(released.event().value().getSchema())
                        .write(released.event().value(), encoder);
                encoder.flush();
                out.add(bytes.toByteArray());
            }
        }
        return out;
    }

    private static List<JsonNode> releasedValues(List<JsonNode> out) {
        return out.stream().filter(line -> line.get("topic").asText().equals(SANITIZED))
                .map(line -> line.get("value").get("satisfaction")).filter(value -> !value.isNull()).toList();
    }

    private static List<String> quarantineReasons(List<JsonNode> out) {
        return out.stream().filter(line -> line.get("topic").asText().startsWith("quarantine."))
                .map(line -> line.get("headers").get("lepton.quarantine.reason").asText()).toList();
    }

    private static java.util.Set<String> sanitizedKeys(List<JsonNode> out) {
        java.util.Set<String> keys = new java.util.TreeSet<>();
        out.stream().filter(line -> line.get("topic").asText().equals(SANITIZED))
                .forEach(line -> keys.add(line.get("key").asText()));
        return keys;
    }

    private static byte[] configuredKey(HmacKeyRing ring, String id) {
        return ring.key(id).orElseThrow().getEncoded();
    }

    private static JurisdictionPolicy withKeyId(JurisdictionPolicy p, String keyId) {
        return new JurisdictionPolicy(p.id(), p.name(), p.version(), p.regions(), p.residencyZone(), p.crossBorder(),
                keyId, p.subjectIdentity(), p.actions(), p.defaultAction(), p.freeText(), p.dp(), p.fairness(),
                p.source(), p.aggregates());
    }
}
