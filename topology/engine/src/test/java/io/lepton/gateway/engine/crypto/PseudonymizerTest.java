package io.lepton.gateway.engine.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PseudonymizerTest {

    private static final byte[] KEY_A = filled(1);
    private static final byte[] KEY_B = filled(2);

    @Test
    void sameInputUnderTheSameKeyGivesTheSamePseudonym() {
        Pseudonymizer a = new Pseudonymizer(HmacKeyRing.of(Map.of("a", KEY_A)), "a");
        assertThat(a.pseudonym("cust-42")).isEqualTo(a.pseudonym("cust-42"))
                .startsWith("a.").hasSize(2 + 43).doesNotContain("cust-42");
        assertThat(a.pseudonym("cust-42")).isNotEqualTo(a.pseudonym("cust-43"));
    }

    @Test
    void pseudonymIsHmacSha256Base64Url() throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(KEY_A, "HmacSHA256"));
        String expected = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal("jane@example.com".getBytes(StandardCharsets.UTF_8)));
        Pseudonymizer a = new Pseudonymizer(HmacKeyRing.of(Map.of("a", KEY_A)), "a");
        assertThat(a.pseudonym("jane@example.com")).isEqualTo("a." + expected);
    }

    @Test
    void pseudonymsUnderRotatedKeysStayVerifiable() {
        HmacKeyRing ring = HmacKeyRing.of(Map.of("a", KEY_A, "b", KEY_B));
        String underA = new Pseudonymizer(ring, "a").pseudonym("cust-42");
        Pseudonymizer afterRotation = new Pseudonymizer(ring, "b");
        String underB = afterRotation.pseudonym("cust-42");
        assertThat(underA).isNotEqualTo(underB);
        assertThat(afterRotation.verify("cust-42", underA)).isTrue();
        assertThat(afterRotation.verify("cust-42", underB)).isTrue();
        assertThat(afterRotation.verify("cust-43", underA)).isFalse();
        assertThat(afterRotation.verify("cust-42", "c." + underA.substring(2))).isFalse();
        assertThat(afterRotation.verify("cust-42", "nodot")).isFalse();
    }

    @Test
    void retiredKeysNoLongerVerify() {
        String underA = new Pseudonymizer(HmacKeyRing.of(Map.of("a", KEY_A)), "a").pseudonym("cust-42");
        Pseudonymizer onlyB = new Pseudonymizer(HmacKeyRing.of(Map.of("b", KEY_B)), "b");
        assertThat(onlyB.verify("cust-42", underA)).isFalse();
    }

    @Test
    void keysComeFromEnvironmentVariablesAndSecretFiles(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("eu-gdpr-2"), Base64.getEncoder().encodeToString(KEY_B) + "\n");
        Files.writeString(dir.resolve("..data"), "ignored: hidden entries of a Kubernetes secret mount");
        HmacKeyRing ring = HmacKeyRing.fromEnvironment(Map.of(
                "LEPTON_HMAC_KEY_EU_GDPR_1", Base64.getUrlEncoder().encodeToString(KEY_A),
                "LEPTON_HMAC_KEY_DIR", dir.toString(),
                "PATH", "/usr/bin"));
        assertThat(ring.ids()).containsExactlyInAnyOrder("eu-gdpr-1", "eu-gdpr-2");
        assertThat(new Pseudonymizer(ring, "eu-gdpr-1").pseudonym("x"))
                .isEqualTo(new Pseudonymizer(HmacKeyRing.of(Map.of("eu-gdpr-1", KEY_A)), "eu-gdpr-1").pseudonym("x"));
    }

    @Test
    void shortOrMalformedKeysAndMissingKeysFailWithTheFix() {
        assertThatThrownBy(() -> HmacKeyRing.fromEnvironment(Map.of("LEPTON_HMAC_KEY_X",
                Base64.getEncoder().encodeToString(new byte[16]))))
                .hasMessageContaining("LEPTON_HMAC_KEY_X").hasMessageContaining("16 bytes")
                .hasMessageContaining("/dev/urandom");
        assertThatThrownBy(() -> HmacKeyRing.fromEnvironment(Map.of("LEPTON_HMAC_KEY_X", "not base64!")))
                .hasMessageContaining("not base64");
        assertThatThrownBy(() -> new Pseudonymizer(HmacKeyRing.of(Map.of()), "eu-gdpr-1"))
                .hasMessageContaining("LEPTON_HMAC_KEY_EU_GDPR_1");
    }

    private static byte[] filled(int value) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) value);
        return key;
    }
}
