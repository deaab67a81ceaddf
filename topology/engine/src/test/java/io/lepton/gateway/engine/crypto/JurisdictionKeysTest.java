package io.lepton.gateway.engine.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JurisdictionKeysTest {

    private static final String KEY_A = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void readsPerJurisdictionVariablesAndTheKeyDirectoryOfItsOwnKindOnly(@TempDir Path dir) throws IOException {
        byte[] fileKey = new byte[40];
        fileKey[0] = 9;
        Files.writeString(dir.resolve("cn-pipl"), Base64.getEncoder().encodeToString(fileKey) + "\n");
        JurisdictionKeys noise = JurisdictionKeys.fromEnvironment(JurisdictionKeys.Kind.NOISE, Map.of(
                "LEPTON_NOISE_KEY_EU_GDPR", KEY_A, "LEPTON_NOISE_KEY_DIR", dir.toString(),
                "LEPTON_LEDGER_KEY_US_CCPA", KEY_A, "LEPTON_HMAC_KEY_EU_GDPR_1", KEY_A));

        assertThat(noise.ids()).containsExactly("cn-pipl", "eu-gdpr");
        assertThat(noise.require("cn-pipl")).isEqualTo(fileKey);
        assertThat(noise.environmentVariableFor("eu-gdpr")).isEqualTo("LEPTON_NOISE_KEY_EU_GDPR");
    }

    @Test
    void refusesShortKeysAndNamesTheVariableToSet() {
        assertThatThrownBy(() -> JurisdictionKeys.fromEnvironment(JurisdictionKeys.Kind.LEDGER,
                Map.of("LEPTON_LEDGER_KEY_EU_GDPR", Base64.getEncoder().encodeToString(new byte[16]))))
                .hasMessageContaining("fewer than 32");
        JurisdictionKeys none = JurisdictionKeys.of(JurisdictionKeys.Kind.LEDGER, Map.of());
        assertThatThrownBy(() -> none.require("eu-gdpr")).hasMessageContaining("LEPTON_LEDGER_KEY_EU_GDPR")
                .hasMessageContaining("LEPTON_LEDGER_KEY_DIR");
    }

    @Test
    void ephemeralKeysFillOnlyTheGapsAndAreReported() {
        JurisdictionKeys some = JurisdictionKeys.of(JurisdictionKeys.Kind.NOISE, Map.of("eu-gdpr", new byte[32]));
        TreeSet<String> ephemeral = new TreeSet<>();
        JurisdictionKeys all = some.withEphemeral(java.util.List.of("eu-gdpr", "us-ccpa"), ephemeral);
        assertThat(ephemeral).containsExactly("us-ccpa");
        assertThat(all.require("eu-gdpr")).isEqualTo(new byte[32]);
        assertThat(all.require("us-ccpa")).hasSize(32);
    }

    @Test
    void ledgerKeysIgnoreThePseudonymKeyAndAreStable() {
        LedgerKeys ledger = new LedgerKeys(JurisdictionKeys.of(JurisdictionKeys.Kind.LEDGER,
                Map.of("eu-gdpr", new byte[32])), java.util.List.of("eu-gdpr"));
        assertThat(ledger.subjectKey("eu-gdpr", "cust-42")).startsWith("L.")
                .isEqualTo(ledger.subjectKey("eu-gdpr", "cust-42"))
                .isNotEqualTo(ledger.subjectKey("eu-gdpr", "cust-43"))
                .doesNotContain("cust-42");
        assertThat(ledger.eventTag("eu-gdpr", "a")).isNotEqualTo(ledger.eventTag("eu-gdpr", "b"));
    }
}
