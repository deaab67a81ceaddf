package io.lepton.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lepton.gateway.engine.policy.PolicySet;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyCheckCommandTest {

    @Test
    void builtInPoliciesAreValid() {
        CliRunner result = CliRunner.run("policy", "check");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("7 policies valid (built-in)").contains("ok  cn-pipl")
                .contains("cross-border none");
    }

    @Test
    void anInvalidDirectoryFailsNamingFileLineFieldAndFix(@TempDir Path dir) throws IOException {
        for (String id : PolicySet.BUILT_IN_IDS) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("policies/" + id + ".yaml")) {
                Files.write(dir.resolve(id + ".yaml"), in.readAllBytes());
            }
        }
        Path gdpr = dir.resolve("eu-gdpr.yaml");
        Files.writeString(gdpr, Files.readString(gdpr).replace("  EMAIL: redact", "  EMAIL: obfuscate"));
        CliRunner result = CliRunner.run("policy", "check", dir.toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).containsPattern("eu-gdpr\\.yaml:\\d+: actions\\.EMAIL: unknown action 'obfuscate'")
                .contains("Fix: use one of drop, redact, mask, hmac, generalize, keep");
    }

    /** sentiment is derivedFrom text: claiming DP for it while the text is released (scrubbed) is refused. */
    @Test
    void claimingDpForAFieldDerivedFromReleasedTextIsRefusedNamingTheFix(@TempDir Path dir) throws IOException {
        for (String id : PolicySet.BUILT_IN_IDS) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("policies/" + id + ".yaml")) {
                Files.write(dir.resolve(id + ".yaml"), in.readAllBytes());
            }
        }
        Path gdpr = dir.resolve("eu-gdpr.yaml");
        Files.writeString(gdpr, Files.readString(gdpr).replace("  derived: drop\n", ""));
        CliRunner result = CliRunner.run("policy", "check", dir.toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("eu-gdpr.yaml").contains("dp.derived")
                .contains("financial-sentiment.sentiment is derived from text")
                .contains("add 'derived: drop'").contains("freeText.mode to redact or drop");

        Files.writeString(gdpr, Files.readString(gdpr).replace("  mode: scrub", "  mode: redact"));
        assertThat(CliRunner.run("policy", "check", dir.toString()).exitCode())
                .as("with the text redacted, sentiment may be noised").isZero();
    }
}
