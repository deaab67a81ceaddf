package io.lepton.gateway.engine.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Mac;

/**
 * Names a subject in the privacy ledger, and tags the events charged to it, under each jurisdiction's long-lived
 * ledger key.
 *
 * <p>The ledger key of a subject is {@code L.<base64url(HMAC-SHA256(ledgerKey_j, "subject" ‖ id))>}: stable across
 * pseudonym-key rotation (the pseudonym changes, the spend stays), not a raw id (the store and its changelog hold no
 * PII), and not linkable to the released pseudonyms. Event tags are the first 64 bits of
 * {@code HMAC(ledgerKey_j, "event" ‖ identity)}: enough to tell apart the few events charged per subject per period
 * (a false match needs a 2^-64 collision, and only saves a charge for a value already released once). Thread-safe.
 */
public final class LedgerKeys {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final byte SUBJECT = 1;
    private static final byte EVENT = 2;

    private final Map<String, ThreadLocal<Mac>> macs;

    /**
     * @throws IllegalArgumentException when a jurisdiction of {@code jurisdictions} has no ledger key
     */
    public LedgerKeys(JurisdictionKeys keys, Iterable<String> jurisdictions) {
        if (keys.kind() != JurisdictionKeys.Kind.LEDGER) {
            throw new IllegalArgumentException("ledger keys must be of kind LEDGER");
        }
        Map<String, ThreadLocal<Mac>> byJurisdiction = new HashMap<>();
        for (String jurisdiction : jurisdictions) {
            byJurisdiction.put(jurisdiction, HmacSha256.perThread(keys.require(jurisdiction)));
        }
        this.macs = Map.copyOf(byJurisdiction);
    }

    /** The ledger key of the (normalised) subject id {@code subject} in {@code jurisdiction}. */
    public String subjectKey(String jurisdiction, String subject) {
        return "L." + ENCODER.encodeToString(digest(jurisdiction, SUBJECT, subject));
    }

    /** The 64-bit tag of an event, by its identity string (event id and released values). */
    public long eventTag(String jurisdiction, String identity) {
        return ByteBuffer.wrap(digest(jurisdiction, EVENT, identity)).getLong();
    }

    private byte[] digest(String jurisdiction, byte domain, String value) {
        ThreadLocal<Mac> mac = macs.get(jurisdiction);
        if (mac == null) {
            throw new IllegalArgumentException("no ledger key for jurisdiction " + jurisdiction);
        }
        Mac m = mac.get();
        m.update(domain);
        return m.doFinal(value.getBytes(StandardCharsets.UTF_8));
    }
}
