package io.lepton.gateway.engine.policy;

import java.util.Map;
import java.util.Set;

/**
 * One jurisdiction's rules, as loaded and validated from its policy file.
 *
 * @param id jurisdiction id used in topic names ({@code eu-gdpr}, {@code us-ccpa}, ..., {@code default})
 * @param name human-readable name of the law
 * @param version the version label written in the file ({@code version:}), for people
 * @param regions ISO 3166-1 alpha-2 countries and ISO 3166-2 subdivisions ({@code US-CA}) this policy covers; the
 *     {@code default} policy covers every valid country no other policy claims
 * @param residencyZone the zone raw data of this jurisdiction must stay in
 * @param crossBorder what may leave the zone
 * @param pseudonymKeyId id of the HMAC key (from the environment or a secret file) used for new pseudonyms
 * @param subjectIdentity when two subject ids are the same subject (before pseudonymising and budgeting)
 * @param actions action per PII class (structured field classes and free-text detected types)
 * @param defaultAction action for a PII class the policy does not list (fail closed: {@code drop} unless set)
 * @param freeText free-text settings
 * @param dp differential-privacy settings
 * @param fairness fairness-monitor settings
 * @param source file the policy was read from, for messages
 * @param aggregates the DP windowed aggregates this jurisdiction releases (none when the section is absent)
 * @param contentHash the {@link PolicyVersion version} the gateway knows the policy by: a hash of its file, in
 *     provenance headers, audit records and roll-ups, and {@code lepton_policy_info}
 */
public record JurisdictionPolicy(
        String id,
        String name,
        String version,
        Set<String> regions,
        String residencyZone,
        CrossBorderRule crossBorder,
        String pseudonymKeyId,
        SubjectIdentity subjectIdentity,
        Map<String, ActionSpec> actions,
        ActionSpec defaultAction,
        FreeTextSettings freeText,
        DpSettings dp,
        FairnessSettings fairness,
        String source,
        AggregateSettings aggregates,
        String contentHash) {

    /** Id of the catch-all jurisdiction with the strictest rules. */
    public static final String DEFAULT_ID = "default";

    public JurisdictionPolicy {
        regions = Set.copyOf(regions);
        actions = Map.copyOf(actions);
        if (aggregates == null) {
            throw new IllegalArgumentException("aggregates are required (AggregateSettings.none() for none)");
        }
        if (contentHash == null || contentHash.isBlank()) {
            throw new IllegalArgumentException("contentHash is required (PolicyVersion.ofFile or ofCode)");
        }
    }

    /** A policy built in code, not read from a file: its version is {@link PolicyVersion#ofCode}. */
    public JurisdictionPolicy(String id, String name, String version, Set<String> regions, String residencyZone,
            CrossBorderRule crossBorder, String pseudonymKeyId, SubjectIdentity subjectIdentity,
            Map<String, ActionSpec> actions, ActionSpec defaultAction, FreeTextSettings freeText, DpSettings dp,
            FairnessSettings fairness, String source, AggregateSettings aggregates) {
        this(id, name, version, regions, residencyZone, crossBorder, pseudonymKeyId, subjectIdentity, actions,
                defaultAction, freeText, dp, fairness, source, aggregates, PolicyVersion.ofCode(id, version));
    }

    /** The action for {@code piiClass}: the listed one, else the policy's default action. */
    public ActionSpec actionFor(String piiClass) {
        return actions.getOrDefault(piiClass, defaultAction);
    }

    public boolean isDefault() {
        return DEFAULT_ID.equals(id);
    }
}
