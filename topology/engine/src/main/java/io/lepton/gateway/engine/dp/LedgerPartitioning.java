package io.lepton.gateway.engine.dp;

import java.util.OptionalInt;

/**
 * The start-up check that keeps subject ownership and the privacy ledger together.
 *
 * <p>A subject's ledger entries live in the state-store partition {@code murmur2(subject) mod n} of the subject
 * topics. Changing n moves ownership of most subjects to another partition, whose store has no entry for them: their
 * budgets would silently restart mid-period. Kafka Streams refuses existing internal topics of another size, but its
 * suggested fix (the application reset tool) deletes the ledger changelogs, which mid-period is exactly that silent
 * reset. So the gateway compares the partition count of its existing ledger changelogs with the configured count before it starts,
 * and refuses with a message naming the safe fixes.
 */
public final class LedgerPartitioning {

    private LedgerPartitioning() {
    }

    /**
     * @param existingLedgerPartitions partitions of the existing ledger changelog topics ({@code empty}: first start,
     *                                 nothing to protect)
     * @param configuredPartitions     the subject-topic partition count this start would use
     * @throws IllegalStateException when they differ, naming both counts and the fixes
     */
    public static void check(OptionalInt existingLedgerPartitions, int configuredPartitions) {
        if (configuredPartitions < 1) {
            throw new IllegalArgumentException("partition count must be positive, got " + configuredPartitions);
        }
        if (existingLedgerPartitions.isEmpty() || existingLedgerPartitions.getAsInt() == configuredPartitions) {
            return;
        }
        int existing = existingLedgerPartitions.getAsInt();
        throw new IllegalStateException("the privacy ledger was built for " + existing
                + " subject partitions but the gateway is configured for " + configuredPartitions
                + ": subjects would move to partitions that hold none of their spend, silently resetting budgets. "
                + "Fix: set LEPTON_TOPIC_PARTITIONS back to " + existing + ". To change the count without "
                + "losing spend, change it only after the current budget period has ended plus maxEventAge (entries of "
                + "ended periods are never read again): then stop the gateway, reset it with "
                + "kafka-streams-application-reset and start it with the new count.");
    }
}
