package io.lepton.gateway.engine.policy;

import java.text.Normalizer;
import java.util.Locale;

/**
 * How a jurisdiction decides that two subject ids name the same person, before pseudonymising and budgeting.
 *
 * <p>Every id is stripped of leading and trailing Unicode white space and put in Unicode NFC by
 * {@link io.lepton.gateway.engine.family.EventFamily#subject} (so {@code "cust-42 "} and a decomposed
 * {@code "é"} are one subject everywhere, including for partition ownership). Case folding is opt-in
 * ({@code subjectIdentity: {caseFold: true}}) because some id schemes are case-sensitive: with it, {@code CUST-42}
 * and {@code cust-42} are one subject. Folding is full Unicode upper-then-lower in the root locale (so {@code ß},
 * {@code SS} and {@code ss} agree), then NFC again.
 *
 * @param caseFold whether ids differing only in case are one subject
 */
public record SubjectIdentity(boolean caseFold) {

    /** Case-sensitive ids (the default). */
    public static final SubjectIdentity CASE_SENSITIVE = new SubjectIdentity(false);

    /** Strips and NFC-normalises {@code id}: the policy-independent canonical form. */
    public static String canonical(String id) {
        return Normalizer.normalize(id.strip(), Normalizer.Form.NFC);
    }

    /** The identity of an id already in {@link #canonical} form under this policy. */
    public String normalize(String canonicalId) {
        if (!caseFold) {
            return canonicalId;
        }
        return Normalizer.normalize(canonicalId.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT),
                Normalizer.Form.NFC);
    }
}
