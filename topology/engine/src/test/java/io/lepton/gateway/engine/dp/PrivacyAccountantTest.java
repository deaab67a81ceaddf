package io.lepton.gateway.engine.dp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PrivacyAccountantTest {

    private static final long DAY = Duration.ofDays(1).toMillis();
    private static final long MIDNIGHT = Instant.parse("2026-03-01T00:00:00Z").toEpochMilli();
    private final PrivacyAccountant accountant = new PrivacyAccountant(BudgetPolicy.pureEpsilon(4, Duration.ofDays(1)));

    @Test
    void spendsTheBudgetExactlyThenRefuses() {
        BudgetState state = null;
        for (int i = 1; i <= 4; i++) {
            PrivacyAccountant.Decision decision = accountant.charge(state, MIDNIGHT + i, 1.0);
            assertThat(decision.allowed()).isTrue();
            assertThat(decision.remaining()).isEqualTo(4.0 - i);
            state = decision.next();
        }
        PrivacyAccountant.Decision refused = accountant.charge(state, MIDNIGHT + 10, 1.0);

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.next()).isEqualTo(state);
        assertThat(refused.remaining()).isZero();
        assertThat(state.spent()).isEqualTo(4.0);
    }

    @Test
    void decimalEpsilonsAddUpExactly() {
        PrivacyAccountant oneEpsilon = new PrivacyAccountant(BudgetPolicy.pureEpsilon(1.0, Duration.ofDays(1)));
        BudgetState state = null;
        for (int i = 0; i < 10; i++) {
            PrivacyAccountant.Decision decision = oneEpsilon.charge(state, MIDNIGHT, 0.1);
            assertThat(decision.allowed()).as("charge %d of 0.1", i + 1).isTrue();
            state = decision.next();
        }

        assertThat(oneEpsilon.charge(state, MIDNIGHT, 1e-9).allowed()).isFalse();
        assertThat(oneEpsilon.charge(state, MIDNIGHT, 0).allowed()).isTrue();
    }

    @Test
    void anEventThatWouldOverflowIsRefusedWholeAndASmallerOneStillFits() {
        BudgetState state = accountant.charge(null, MIDNIGHT, 3.5).next();

        PrivacyAccountant.Decision tooBig = accountant.charge(state, MIDNIGHT, 1.0);
        assertThat(tooBig.allowed()).isFalse();
        assertThat(tooBig.next().spent()).isEqualTo(3.5);
        assertThat(tooBig.remaining()).isEqualTo(0.5);
        assertThat(accountant.charge(state, MIDNIGHT, 0.5).allowed()).isTrue();
        assertThat(accountant.charge(null, MIDNIGHT, 4.000000001).allowed()).isFalse();
    }

    @Test
    void periodsAreAlignedToTheEpochWithInclusiveStartAndExclusiveEnd() {
        BudgetState spent = accountant.charge(null, MIDNIGHT, 4).next();

        assertThat(spent.periodStart()).isEqualTo(MIDNIGHT);
        assertThat(accountant.charge(spent, MIDNIGHT + DAY - 1, 0.1).allowed()).isFalse();
        PrivacyAccountant.Decision nextDay = accountant.charge(spent, MIDNIGHT + DAY, 0.1);
        assertThat(nextDay.allowed()).isTrue();
        assertThat(nextDay.next()).isEqualTo(new BudgetState(MIDNIGHT + DAY, 100_000_000));
        assertThat(nextDay.remaining()).isCloseTo(3.9, within(1e-12));
        assertThat(accountant.periodStart(MIDNIGHT + 13 * 3_600_000L)).isEqualTo(MIDNIGHT);
        assertThat(accountant.periodStart(-1)).isEqualTo(-DAY); // floor, not truncation, before 1970
    }

    @Test
    void lateEventsFromAnEarlierPeriodAreRefusedAndLeaveTheLedgerAlone() {
        BudgetState today = accountant.charge(null, MIDNIGHT + DAY, 1).next();

        PrivacyAccountant.Decision late = accountant.charge(today, MIDNIGHT + DAY - 1, 0.1);

        assertThat(late.allowed()).isFalse();
        assertThat(late.next()).isEqualTo(today);
    }

    @Test
    void stateSurvivesASerializationRoundTripWithItsEventTags() {
        BudgetState state = new BudgetState(MIDNIGHT, 1_234_567_890_123L, new long[] {7, -1, Long.MIN_VALUE});

        byte[] bytes = state.toBytes();

        assertThat(bytes).hasSize(19 + 3 * 8);
        assertThat(BudgetState.fromBytes(bytes)).isEqualTo(state);
        assertThat(BudgetState.fromBytes(new BudgetState(-DAY, 0).toBytes())).isEqualTo(new BudgetState(-DAY, 0));
        assertThatThrownBy(() -> BudgetState.fromBytes(new byte[16])).hasMessageContaining("budget state");
        bytes[0] = 3;
        assertThatThrownBy(() -> BudgetState.fromBytes(bytes)).hasMessageContaining("budget state");
        assertThatThrownBy(() -> BudgetState.fromBytes(java.util.Arrays.copyOf(state.toBytes(), 19 + 2 * 8)))
                .hasMessageContaining("tag count");
    }

    /** Entries written before event tags existed (version 1: version byte, period start, spent; 17 bytes). */
    @Test
    void aVersionOneEntryStillReadsSoAnUpgradeKeepsEverySpend() {
        byte[] v1 = java.nio.ByteBuffer.allocate(17).put((byte) 1).putLong(MIDNIGHT).putLong(3_500_000_000L).array();

        BudgetState state = BudgetState.fromBytes(v1);

        assertThat(state).isEqualTo(new BudgetState(MIDNIGHT, 3_500_000_000L));
        assertThat(accountant.charge(state, MIDNIGHT, 1.0).allowed()).as("3.5 of 4 already spent").isFalse();
    }

    @Test
    void aDuplicateEventTagIsAllowedAndChargedNothingButOnlyWithinItsPeriod() {
        BudgetState state = accountant.charge(null, MIDNIGHT, 4.0, 42L).next();

        PrivacyAccountant.Decision again = accountant.charge(state, MIDNIGHT + 5, 4.0, 42L);
        assertThat(again.allowed()).isTrue();
        assertThat(again.duplicate()).isTrue();
        assertThat(again.next()).isEqualTo(state);
        assertThat(accountant.charge(state, MIDNIGHT + 5, 0.5, 43L).allowed()).as("budget spent").isFalse();
        PrivacyAccountant.Decision nextDay = accountant.charge(state, MIDNIGHT + DAY, 0.5, 42L);
        assertThat(nextDay.duplicate()).as("a new period starts without tags").isFalse();
    }

    @Test
    void eventTagsAreCappedOldestFirst() {
        PrivacyAccountant many = new PrivacyAccountant(BudgetPolicy.pureEpsilon(1000, Duration.ofDays(1)));
        BudgetState state = null;
        for (long tag = 0; tag < BudgetState.MAX_TAGS + 10; tag++) {
            state = many.charge(state, MIDNIGHT, 0.001, tag).next();
        }
        assertThat(state.eventTags()).hasSize(BudgetState.MAX_TAGS).startsWith(10L).endsWith(BudgetState.MAX_TAGS + 9L);
        assertThat(many.charge(state, MIDNIGHT, 0.001, 3L).duplicate()).as("forgotten: charged again").isFalse();
        assertThat(many.charge(state, MIDNIGHT, 0.001, 10L).duplicate()).isTrue();
    }

    @Test
    void rejectsInvalidChargesAndPolicies() {
        assertThatThrownBy(() -> accountant.charge(null, 0, -0.1)).hasMessageContaining("cost");
        assertThatThrownBy(() -> accountant.charge(null, 0, Double.NaN)).hasMessageContaining("cost");
        assertThatThrownBy(() -> BudgetPolicy.pureEpsilon(0, Duration.ofDays(1))).hasMessageContaining("epsilonPerPeriod");
        assertThatThrownBy(() -> BudgetPolicy.pureEpsilon(4, Duration.ZERO)).hasMessageContaining("period");
        assertThatThrownBy(() -> new BudgetState(0, -1)).hasMessageContaining("negative");
    }

    /**
     * Property over random charge sequences: whatever is refused or allowed, the ε allowed within any one period
     * never sums past the budget. Seeded, so a failure names the seed and try and a rerun replays it exactly.
     */
    @Test
    void allowedChargesNeverExceedTheBudgetInAnyPeriod() {
        long seed = 20260301L;
        SplittableRandom random = new SplittableRandom(seed);
        int triesWithARefusal = 0;
        for (int attempt = 0; attempt < 1000; attempt++) {
            int events = size(random);
            Map<Long, Double> allowedPerPeriod = new HashMap<>();
            BudgetState state = null;
            long time = MIDNIGHT;
            boolean refused = false;
            StringBuilder trace = new StringBuilder();
            for (int i = 0; i < events; i++) {
                time += offset(random) / 20; // non-decreasing event times spanning a few periods
                double charge = charge(random);
                PrivacyAccountant.Decision decision = accountant.charge(state, time, charge);
                trace.append(String.format("%n  t=%d eps=%s allowed=%s", time, charge, decision.allowed()));
                if (decision.allowed()) {
                    allowedPerPeriod.merge(accountant.periodStart(time), charge, Double::sum);
                } else {
                    refused = true;
                }
                state = decision.next();
            }
            triesWithARefusal += refused ? 1 : 0;

            // The ledger is exact; the 1e-12 only absorbs this test's own double summation.
            assertThat(allowedPerPeriod.values())
                    .as("seed %d, try %d, charges:%s", seed, attempt, trace)
                    .allSatisfy(sum -> assertThat(sum).isLessThanOrEqualTo(4.0 + 1e-12));
        }
        // The generator must reach the budget's edge, or the property above would hold vacuously.
        assertThat(triesWithARefusal).as("tries that hit a refusal").isGreaterThan(100);
    }

    /** Number of events in one try: 0..60, with the edges 0, 1 and 60 drawn often. */
    private static int size(SplittableRandom random) {
        int pick = random.nextInt(10);
        if (pick == 0) {
            return new int[] {0, 1, 60}[random.nextInt(3)];
        }
        return random.nextInt(61);
    }

    /** An ε in [0, 2.5]: the range's edges, values on a 0.01 grid (decimal ε, as policies write them) or any double. */
    private static double charge(SplittableRandom random) {
        int pick = random.nextInt(10);
        if (pick == 0) {
            return new double[] {0.0, 2.5, 0.01, Double.MIN_VALUE, Math.nextDown(2.5), 1.0, 0.1}[random.nextInt(7)];
        }
        if (pick < 6) {
            return random.nextInt(251) / 100.0;
        }
        return random.nextDouble(0, Math.nextUp(2.5));
    }

    /** A gap in [0, 3 days] between events (divided by 20 by the caller), edges 0 and 3 days included. */
    private static long offset(SplittableRandom random) {
        long max = 3 * 86_400_000L;
        if (random.nextInt(10) == 0) {
            return new long[] {0, 1, max - 1, max}[random.nextInt(4)];
        }
        return random.nextLong(max + 1);
    }
}
