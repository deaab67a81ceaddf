package io.lepton.gateway.engine.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.lepton.gateway.engine.text.corpusv2.CorpusV2;
import io.lepton.gateway.engine.text.corpusv2.CorpusV2Generator;
import io.lepton.gateway.engine.text.corpusv2.EngineScrubbers;
import io.lepton.gateway.engine.text.corpusv2.RecallReport;
import io.lepton.gateway.engine.text.corpusv2.ScrubAudit;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Regression harness for free-text corpus v2 (independent of the detectors; see {@code corpus-v2/README.md}).
 *
 * <p>Each text is scrubbed by the production scrubber configured as the engine configures it for the built-in policy
 * its region routes to ({@link EngineScrubbers}), and scored by {@link RecallReport} (definitions there: a span is
 * recalled when none of its letters or digits survive). The table is printed on every build; the issue's targets are
 * asserted separately.
 */
class FreeTextCorpusV2Test {

    /** Types whose match is established by a checksum, a registry format or a validator library. */
    static final Set<String> VALIDATOR_BACKED = Set.of("EMAIL", "PHONE", "PAYMENT_CARD", "IBAN", "IP_ADDRESS",
            "US_SSN", "CN_RESIDENT_ID", "IN_AADHAAR", "BR_CPF", "BR_CNPJ", "UK_NINO", "SG_NRIC", "CRYPTO_WALLET");

    private static RecallReport report;

    @BeforeAll
    static void scoreTheCorpus() {
        EngineScrubbers scrubbers = new EngineScrubbers();
        RecallReport r = new RecallReport();
        for (CorpusV2.Positive p : CorpusV2.positives()) {
            r.addPositive(p, ScrubAudit.scrub(scrubbers.forRegion(p.region()), p.text()));
        }
        for (CorpusV2.Negative n : CorpusV2.negatives()) {
            r.addNegative(n, ScrubAudit.scrub(scrubbers.forRegion(n.region()), n.text()).isEmpty());
        }
        report = r;
    }

    @Test
    void printsRecallPerTypeTierFormatAndLanguageAndNegativeRetention() {
        System.out.println(report.render());
        for (String type : CorpusV2Generator.TYPES) {
            for (String tier : List.of("common", "hard")) {
                assertThat(report.byTypeTier().get(type + "|" + tier)).as(type + " " + tier).isNotNull()
                        .satisfies(t -> assertThat(t.total()).isGreaterThanOrEqualTo(200));
            }
        }
        assertThat(report.names()).containsKeys("cued|common", "cued|hard", "uncued|common");
        assertThat(report.negatives().keySet()).contains("order-number", "phrase", "invalid-card", "invalid-iban",
                "invalid-aadhaar", "timestamp", "version", "amount");
    }

    /**
     * Issue #12's targets. Uncued names and dates of birth have no target here: their recall is printed above and
     * stated in the README (uncued names need the name itself to be known, which a gazetteer cannot promise).
     */
    @Test
    void meetsTheIssueTargets() {
        SoftAssertions soft = new SoftAssertions();
        for (String type : VALIDATOR_BACKED) {
            soft.assertThat(report.byTypeTier().get(type + "|common").recall()).as(type + " common").isGreaterThanOrEqualTo(0.99);
            soft.assertThat(report.byTypeTier().get(type + "|hard").recall()).as(type + " hard").isGreaterThanOrEqualTo(0.95);
        }
        for (String tier : List.of("common", "hard")) {
            soft.assertThat(report.names().get("cued|" + tier).recall()).as("cued names " + tier)
                    .isGreaterThanOrEqualTo(0.85);
        }
        soft.assertThat(report.negativeRetention()).as("negatives kept").isGreaterThanOrEqualTo(0.99);
        soft.assertAll();
    }
}
