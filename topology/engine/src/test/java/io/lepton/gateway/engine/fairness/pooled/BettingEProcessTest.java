package io.lepton.gateway.engine.fairness.pooled;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Ville's inequality as the oracle: under H0 the wealth ever reaches 1/α in at most a fraction α of runs, however long
 * it is watched; away from H0 it grows.
 */
class BettingEProcessTest {

    private static final double ALPHA = 0.05;

    @Test
    void atTheBoundaryOfTheNullTheWealthRarelyEverReachesOneOverAlpha() {
        SplittableRandom random = new SplittableRandom(42);
        int runs = 1_000;
        int crossed = 0;
        for (int run = 0; run < runs; run++) {
            BettingEProcess process = new BettingEProcess();
            for (int i = 0; i < 3_000; i++) {
                process.observe(random.nextBoolean() ? 0.6 : -0.6);
                if (process.logWealth() >= Math.log(1 / ALPHA)) {
                    crossed++;
                    break;
                }
            }
        }
        // expected at most 50 of 1000; the bound is loose for this bet, so a count near 50 would mean a bug
        assertThat(crossed).isLessThanOrEqualTo(50);
    }

    @Test
    void inTheInteriorOfTheNullItNeverBetsSoLosesNothing() {
        SplittableRandom random = new SplittableRandom(7);
        BettingEProcess process = new BettingEProcess();
        for (int i = 0; i < 5_000; i++) {
            process.observe(random.nextDouble() < 0.3 ? 1 : -1);
        }
        assertThat(process.logWealth()).isGreaterThan(-1).isLessThan(1);
    }

    @Test
    void aPositiveMeanMakesTheWealthGrowPastAnyThreshold() {
        SplittableRandom random = new SplittableRandom(3);
        BettingEProcess process = new BettingEProcess();
        int observed = 0;
        while (process.logWealth() < Math.log(1e6) && observed < 10_000) {
            process.observe(random.nextDouble() < 0.6 ? 1 : -1);
            observed++;
        }
        // mean 0.2, variance 0.96: log-optimal growth about 0.02 per observation, so about 700 needed
        assertThat(observed).isBetween(300, 3_000);
    }

    @Test
    void observationsOutsideTheUnitIntervalAreRejected() {
        assertThatThrownBy(() -> new BettingEProcess().observe(1.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
