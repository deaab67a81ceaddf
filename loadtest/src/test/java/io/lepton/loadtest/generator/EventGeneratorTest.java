package io.lepton.loadtest.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.lepton.schemas.CustomerServiceEvent;
import io.lepton.schemas.FinancialSentimentEvent;
import io.lepton.schemas.RecommendationEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the generator produces, over one large seeded sample shared by the tests. */
class EventGeneratorTest {

    private static final Clock FIXED = Clock.fixed(Instant.ofEpochMilli(1_795_947_330_000L), ZoneOffset.UTC);
    private static final int SAMPLE = 40_000;
    private static List<SyntheticRecord> sample;

    @BeforeAll
    static void generateSample() {
        EventGenerator generator = new EventGenerator(new GeneratorConfig(1234L, 2_000, 0.03, BiasConfig.DEFAULT),
                FIXED);
        sample = new ArrayList<>(SAMPLE);
        for (int i = 0; i < SAMPLE; i++) {
            sample.add(generator.next());
        }
    }

    @Test
    void sameSeedGivesTheSameRecordsAndAnotherSeedDoesNot() {
        List<String> first = render(new EventGenerator(GeneratorConfig.defaults(7L), FIXED), 2_000);
        List<String> again = render(new EventGenerator(GeneratorConfig.defaults(7L), FIXED), 2_000);
        List<String> other = render(new EventGenerator(GeneratorConfig.defaults(8L), FIXED), 2_000);
        assertThat(again).isEqualTo(first);
        assertThat(other.get(0)).isNotEqualTo(first.get(0));
    }

    @Test
    void producesEveryFamilyOnItsRawTopicKeyedBySubject() {
        Map<String, Integer> byFamily = new HashMap<>();
        for (SyntheticRecord record : sample) {
            byFamily.merge(record.family(), 1, Integer::sum);
            assertThat(record.topic()).isEqualTo("raw." + record.family());
            if (record instanceof SyntheticRecord.Event event) {
                assertThat(record.key()).isEqualTo(subject(event));
            }
        }
        assertThat(byFamily.keySet()).containsExactlyInAnyOrderElementsOf(EventGenerator.FAMILIES);
        // Families are drawn uniformly: each near a third (40,000 draws: one standard deviation is 0.24 points).
        byFamily.values().forEach(n -> assertThat(n / (double) SAMPLE).isCloseTo(1 / 3.0, within(0.01)));
    }

    @Test
    void coversEveryJurisdictionIncludingUsStatesOutsideCalifornia() {
        Set<String> jurisdictions = new HashSet<>();
        Set<String> regions = new HashSet<>();
        for (SyntheticRecord.Event event : wellFormed()) {
            String region = region(event);
            regions.add(region);
            jurisdictions.add(RegionCatalog.byCode(region).jurisdiction());
        }
        assertThat(jurisdictions).containsExactlyInAnyOrder("eu-gdpr", "us-ccpa", "cn-pipl", "br-lgpd", "in-dpdp",
                "sg-pdpa", "default");
        assertThat(regions).contains("US-CA", "US-NY", "US-TX", "DE", "CN", "BR", "IN", "SG");
    }

    @Test
    void injectsTheConfiguredBiasOnlyInItsJurisdiction() {
        Map<String, int[]> approvals = new HashMap<>();
        Map<String, int[]> escalations = new HashMap<>();
        for (SyntheticRecord.Event event : wellFormed()) {
            if (event.value() instanceof FinancialSentimentEvent e) {
                tally(approvals, cell(e.getRegion(), e.getGender()), e.getApproved());
            } else if (event.value() instanceof CustomerServiceEvent e) {
                tally(escalations, cell(e.getRegion(), e.getGender()), e.getEscalated());
            }
        }
        // Each cell holds at least 1,800 events, so one standard error is at most 0.012: a tolerance of 0.035 is about
        // three standard errors, and the gap under test (0.25, or 0.125 for escalation) is far larger.
        assertThat(rate(approvals, "eu-gdpr/F")).isCloseTo(0.55, within(0.035));
        assertThat(rate(approvals, "eu-gdpr/M")).isCloseTo(0.80, within(0.035));
        assertThat(rate(approvals, "elsewhere/F")).isCloseTo(0.80, within(0.035));
        assertThat(rate(escalations, "eu-gdpr/F")).isCloseTo(0.55 * EventGenerator.ESCALATION_SCALE, within(0.035));
        assertThat(rate(escalations, "eu-gdpr/M")).isCloseTo(0.80 * EventGenerator.ESCALATION_SCALE, within(0.035));
    }

    @Test
    void breaksTheConfiguredShareOfRecordsInEveryWay() {
        Map<MalformedKind, Integer> kinds = new EnumMap<>(MalformedKind.class);
        for (SyntheticRecord record : sample) {
            if (record.malformed() != null) {
                kinds.merge(record.malformed(), 1, Integer::sum);
            }
            if (record instanceof SyntheticRecord.RawBytes raw) {
                assertThat(raw.value()[0]).as("never the wire format's magic byte").isNotZero();
            }
        }
        assertThat(kinds.keySet()).containsExactlyInAnyOrder(MalformedKind.values());
        int total = kinds.values().stream().mapToInt(Integer::intValue).sum();
        // 3% of 40,000 is 1,200, standard deviation about 34 (0.085 points): 0.3 points is over three deviations.
        assertThat(total / (double) SAMPLE).isCloseTo(0.03, within(0.003));
        sample.stream().filter(r -> r.malformed() == MalformedKind.UNKNOWN_REGION)
                .map(r -> region((SyntheticRecord.Event) r))
                .forEach(region -> assertThat(RegionCatalog.all()).noneMatch(p -> p.code().equals(region)));
    }

    @Test
    void freeTextIsMultilingualAndEmbedsValidIdentifiers() {
        Map<String, Pattern> languages = Map.of(
                "English", Pattern.compile("\\b(Hi, this is|I was charged|Bullish on|Holding)\\b"),
                "German", Pattern.compile("\\b(Hallo|Bitte Rückruf|Meine IBAN)\\b"),
                "Portuguese", Pattern.compile("(Olá|Meu email|Quero cancelar)"),
                "Chinese", Pattern.compile("[\\u4e00-\\u9fff]{2,}"),
                "Hindi (Latin)", Pattern.compile("\\b(Namaste|hai\\.|karna hai|kar raha hoon)"));
        Set<String> seen = new HashSet<>();
        Pattern cpf = Pattern.compile("\\b\\d{3}\\.\\d{3}\\.\\d{3}-\\d{2}\\b");
        Pattern iban = Pattern.compile("\\b[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,4})?\\b");
        Pattern cnId = Pattern.compile("(?<!\\d)\\d{17}[\\dX](?!\\d)");
        int cpfs = 0;
        int ibans = 0;
        int cnIds = 0;
        int withEmail = 0;
        for (SyntheticRecord.Event event : wellFormed()) {
            String text = freeText(event);
            if (text == null) {
                continue;
            }
            languages.forEach((name, pattern) -> {
                if (pattern.matcher(text).find()) {
                    seen.add(name);
                }
            });
            for (Matcher m = cpf.matcher(text); m.find(); cpfs++) {
                assertThat(IdentifierChecksums.isValidCpf(m.group().replaceAll("\\D", ""))).as(m.group()).isTrue();
            }
            for (Matcher m = iban.matcher(text); m.find(); ibans++) {
                assertThat(IdentifierChecksums.isValidIban(m.group().replace(" ", ""))).as(m.group()).isTrue();
            }
            for (Matcher m = cnId.matcher(text); m.find(); cnIds++) {
                assertThat(IdentifierChecksums.isValidCnResidentId(m.group())).as(m.group()).isTrue();
            }
            if (text.contains("@example.")) {
                withEmail++;
            }
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(languages.keySet());
        assertThat(cpfs).isGreaterThan(100);
        assertThat(ibans).isGreaterThan(100);
        assertThat(cnIds).isGreaterThan(100);
        assertThat(withEmail).isGreaterThan(1_000);
    }

    private static List<SyntheticRecord.Event> wellFormed() {
        return sample.stream().filter(r -> r.malformed() == null).map(r -> (SyntheticRecord.Event) r).toList();
    }

    private static List<String> render(EventGenerator generator, int count) {
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            SyntheticRecord record = generator.next();
            out.add(record instanceof SyntheticRecord.Event event ? record.key() + "|" + event.value()
                    : record.key() + "|" + java.util.Arrays.toString(((SyntheticRecord.RawBytes) record).value()));
        }
        return out;
    }

    private static String subject(SyntheticRecord.Event event) {
        Object value = event.value();
        if (value instanceof CustomerServiceEvent e) {
            return e.getCustomerId();
        }
        if (value instanceof RecommendationEvent e) {
            return e.getUserId();
        }
        return ((FinancialSentimentEvent) value).getAccountId();
    }

    private static String region(SyntheticRecord.Event event) {
        return event.value().get(event.value().getSchema().getField("region").pos()).toString();
    }

    private static String freeText(SyntheticRecord.Event event) {
        Object value = event.value();
        if (value instanceof CustomerServiceEvent e) {
            return e.getMessage();
        }
        return value instanceof FinancialSentimentEvent e ? e.getText() : null;
    }

    private static String cell(String region, String gender) {
        String jurisdiction = RegionCatalog.byCode(region).jurisdiction();
        return (jurisdiction.equals("eu-gdpr") ? jurisdiction : "elsewhere") + "/" + gender;
    }

    private static void tally(Map<String, int[]> cells, String cell, boolean favourable) {
        int[] counts = cells.computeIfAbsent(cell, c -> new int[2]);
        counts[0]++;
        if (favourable) {
            counts[1]++;
        }
    }

    private static double rate(Map<String, int[]> cells, String cell) {
        int[] counts = cells.get(cell);
        assertThat(counts[0]).as("events in %s", cell).isGreaterThanOrEqualTo(1_800);
        return counts[1] / (double) counts[0];
    }
}
