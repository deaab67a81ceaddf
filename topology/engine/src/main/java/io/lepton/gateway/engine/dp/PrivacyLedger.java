package io.lepton.gateway.engine.dp;

/**
 * Storage of the per-subject budget ledger, one {@link BudgetState} per (jurisdiction, subject ledger key).
 *
 * <p>The engine decides (through {@link PrivacyAccountant}); the caller owns storage: the Kafka Streams topology backs
 * it with a changelogged state store partitioned by subject, {@code ./gateway dry-run} with
 * {@link InMemoryPrivacyLedger}. Keys are ledger keys (the normalised subject id HMACed under the jurisdiction's
 * long-lived ledger key, see {@link io.lepton.gateway.engine.crypto.LedgerKeys}), never raw subject identifiers, and
 * independent of pseudonym-key rotation.
 */
public interface PrivacyLedger {

    /** The subject's ledger entry in {@code jurisdiction}, or null when the subject has none yet. */
    BudgetState get(String jurisdiction, String subject);

    /** Stores the subject's new ledger entry in {@code jurisdiction}. */
    void put(String jurisdiction, String subject, BudgetState state);
}
