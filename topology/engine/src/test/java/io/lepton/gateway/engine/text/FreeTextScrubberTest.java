package io.lepton.gateway.engine.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FreeTextScrubberTest {
    private static final FreeTextScanner SCANNER = FreeTextScanner.builder().build();
    private static final FreeTextScrubber SCRUBBER = new FreeTextScrubber(SCANNER);

    @Test
    void replacesDetectionsWithTypedPlaceholdersAndCountsThem() {
        ScrubResult result = SCRUBBER.scrub("Mail me at ana@example.org or call +44 20 7946 0958, card 4111111111111111.",
            List.of(), Replacers.placeholder());
        assertThat(result.text()).isEqualTo("Mail me at [EMAIL] or call [PHONE], card [PAYMENT_CARD].");
        assertThat(result.countsByType()).containsExactly(Map.entry("EMAIL", 1), Map.entry("PAYMENT_CARD", 1),
            Map.entry("PHONE", 1));
        assertThat(result.truncated()).isFalse();
    }

    @Test
    void removesLinkedValuesAndTheirSimpleVariants() {
        List<LinkedValue> linked = List.of(new LinkedValue("Joana Ferreira", "PERSON_NAME"),
            new LinkedValue("+55 11 98765-4321", "PHONE"), new LinkedValue("ACC-00981234", "ACCOUNT_ID"),
            new LinkedValue("Al", "PERSON_NAME"));
        String text = "joana  FERREIRA here; Joana again. Number 11987654321, account 00981234. Also fine.";
        ScrubResult result = SCRUBBER.scrub(text, linked, Replacers.placeholder());
        assertThat(result.text()).isEqualTo(
            "[PERSON_NAME] here; [PERSON_NAME] again. Number [PHONE], account [ACCOUNT_ID]. Also fine.");
    }

    @Test
    void linkedPhoneIsFoundInItsNationalForm() {
        ScrubResult result = SCRUBBER.scrub("ring 020 7946 0958 after six",
            List.of(new LinkedValue("+442079460958", "PHONE")), Replacers.placeholder());
        assertThat(result.text()).isEqualTo("ring [PHONE] after six");
    }

    @Test
    void linkedValuesDoNotMatchInsideWords() {
        ScrubResult result = SCRUBBER.scrub("planning the annual plan",
            List.of(new LinkedValue("Ann", "PERSON_NAME")), Replacers.placeholder());
        assertThat(result.text()).isEqualTo("planning the annual plan");
    }

    @Test
    void overlappingSpansAreReplacedAsOne() {
        List<LinkedValue> linked = List.of(new LinkedValue("bob.smith", "PERSON_NAME"));
        ScrubResult result = SCRUBBER.scrub("write bob.smith@corp.example.com", linked, Replacers.placeholder());
        assertThat(result.text()).isEqualTo("write [EMAIL]");
    }

    @Test
    void hmacPseudonymIsStableAcrossCaseAndFormatting() {
        Replacer hmac = Replacers.hmac("0123456789abcdef0123".getBytes(StandardCharsets.UTF_8));
        String a = SCRUBBER.scrub("from John.Doe@Example.com", List.of(), hmac).text();
        String b = SCRUBBER.scrub("from john.doe@example.com", List.of(), hmac).text();
        String other = SCRUBBER.scrub("from jane.doe@example.com", List.of(), hmac).text();
        assertThat(a).isEqualTo(b).matches("from \\[EMAIL:[0-9a-f]{16}]").isNotEqualTo(other);
        assertThatThrownBy(() -> Replacers.hmac(new byte[8])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void maskKeepsLayoutAndOptionalSuffix() {
        assertThat(Replacers.mask(4).replace("PAYMENT_CARD", "4111 1111 1111 1234")).isEqualTo("**** **** **** 1234");
        assertThat(Replacers.mask().replace("EMAIL", "ab@cd.io")).isEqualTo("**@**.**");
    }

    @Test
    void perTypeReplacerFallsBack() {
        Replacer policy = Replacers.perType(Map.of("PAYMENT_CARD", Replacers.mask(4)), Replacers.placeholder());
        ScrubResult result = SCRUBBER.scrub("card 4111-1111-1111-1111 mail a@b.io", List.of(), policy);
        assertThat(result.text()).isEqualTo("card ****-****-****-1111 mail [EMAIL]");
    }

    @Test
    void truncationNeverCutsThroughADetection() {
        String email = "someone.long@example.com";
        String text = "x".repeat(10) + " " + email + " tail";
        FreeTextScrubber small = new FreeTextScrubber(SCANNER, new TextLimits(20, TextLimits.Oversize.TRUNCATE));
        ScrubResult result = small.scrub(text, List.of(), Replacers.placeholder());
        assertThat(result.text()).isEqualTo("x".repeat(10) + " ");
        assertThat(result.truncated()).isTrue();
        assertThat(result.countsByType()).isEmpty();
    }

    @Test
    void truncationScrubsWhatItKeeps() {
        FreeTextScrubber small = new FreeTextScrubber(SCANNER, new TextLimits(30, TextLimits.Oversize.TRUNCATE));
        ScrubResult result = small.scrub("mail a@b.io then lots of other words", List.of(), Replacers.placeholder());
        assertThat(result.text()).isEqualTo("mail [EMAIL] then lots of other");
    }

    @Test
    void quarantinePolicyThrowsWithoutTheText() {
        FreeTextScrubber strict = new FreeTextScrubber(SCANNER, new TextLimits(10, TextLimits.Oversize.QUARANTINE));
        assertThatThrownBy(() -> strict.scrub("secret a@b.io text", List.of(), Replacers.placeholder()))
            .isInstanceOf(OversizeTextException.class)
            .hasMessage("free text of 18 chars exceeds the policy limit of 10 chars")
            .hasMessageNotContaining("secret");
    }
}
