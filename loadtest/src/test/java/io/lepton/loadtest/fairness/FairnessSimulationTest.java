package io.lepton.loadtest.fairness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A smaller run of the README's simulation (seeded, 2 partitions, repeating subjects): it fails if the monitor raises
 * a false BREACH on a fair stream or on one exactly at the thresholds, or stops finding a strong bias quickly.
 */
class FairnessSimulationTest {

    @Test
    void noBreachOverADayWithoutBiasOrExactlyAtTheThresholds() {
        for (Scenario scenario : new Scenario[] {Scenario.NO_BIAS, Scenario.AT_THRESHOLDS}) {
            for (long seed = 1; seed <= 2; seed++) {
                FairnessSimulation.Result result = FairnessSimulation.run(scenario, 12_000, 24, 2, seed, false);
                assertThat(result.breaches()).as(scenario.name() + ", seed " + seed).isEmpty();
                assertThat(result.events()).isBetween(250_000L, 330_000L);
            }
        }
    }

    @Test
    void theSimulatedSubjectsAreDependentEnoughThatCountingEveryEventRaisesFalseBreaches() {
        FairnessSimulation.Result result = FairnessSimulation.run(Scenario.AT_THRESHOLDS, 12_000, 24, 2, 1, false,
                false);
        assertThat(result.breaches()).isNotEmpty();
    }

    @Test
    void aDisparateImpactOfSixTenthsIsRaisedWithinHalfAnHourAtTwelveThousandEventsPerHour() {
        for (long seed = 1; seed <= 3; seed++) {
            FairnessSimulation.Result result = FairnessSimulation.run(Scenario.DI_06, 12_000, 2, 2, seed, true);
            assertThat(result.firstBreachMs()).as("seed " + seed).isBetween(0L, 30 * 60_000L);
            assertThat(result.breaches().get(0).group()).isEqualTo("F");
        }
    }
}
