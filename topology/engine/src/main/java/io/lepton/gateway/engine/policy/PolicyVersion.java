package io.lepton.gateway.engine.policy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The version a running policy is known by: a content hash of its file, not the {@code version:} label a person
 * typed. An edit that forgets to bump the label still gets a new version, and two gateways running the same file
 * report the same version, so provenance headers, audit roll-ups and {@code lepton_policy_info} can be matched to the
 * exact file that was in force.
 *
 * <p>The hash is the first {@value #HEX_DIGITS} hex digits (64 bits) of SHA-256 over the file's UTF-8 text: short
 * enough for a header on every record, and a collision between two versions of one jurisdiction's policy is out of
 * reach by accident. It is computed once, when the file is loaded.
 */
public final class PolicyVersion {

    /** Length of a version string. */
    public static final int HEX_DIGITS = 16;

    private PolicyVersion() {}

    /** The version of a policy read from a file with {@code text}. */
    public static String ofFile(String text) {
        return hash("file\n" + text);
    }

    /**
     * The version of a policy built in code (tests, the demo's variants) rather than read from a file: there is no
     * file to hash, so the id and the declared label stand in for it, and a variant with its own label gets its own
     * version.
     */
    public static String ofCode(String id, String label) {
        return hash("code\n" + id + "\n" + label);
    }

    private static String hash(String content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, HEX_DIGITS / 2);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
