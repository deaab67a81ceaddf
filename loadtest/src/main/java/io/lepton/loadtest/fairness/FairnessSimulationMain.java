package io.lepton.loadtest.fairness;

import java.util.Arrays;
import java.util.Locale;

/**
 * Prints the fairness monitor's false-alarm and detection tables (README, "Fairness monitor"). Arguments: runs per
 * false-alarm cell (default 20), runs per detection cell (default 21), partitions (default 2).
 */
public final class FairnessSimulationMain {

    private static final double HOURS = 72;
    private static final double[] RATES = {1_500, 12_000};

    private FairnessSimulationMain() {}

    public static void main(String[] args) {
        int alarmRuns = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int detectionRuns = args.length > 1 ? Integer.parseInt(args[1]) : 21;
        int partitions = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        System.out.printf(Locale.ROOT, "budget alpha=%.3g per %s, %d comparison slots: sequential alpha/slot=%.3g,"
                        + " window alpha/slot/window=%.3g; %d partitions, %d subjects%n%n",
                FairnessSimulation.ALLOCATION.budget().alpha(), FairnessSimulation.ALLOCATION.budget().per(),
                FairnessSimulation.ALLOCATION.comparisonSlots(), FairnessSimulation.ALLOCATION.sequentialAlpha(),
                FairnessSimulation.ALLOCATION.windowAlpha(), partitions, FairnessSimulation.SUBJECTS);
        System.out.println("| stream (72 h each run) | events/h | runs | runs with a BREACH | BREACH alerts |");
        System.out.println("|---|---|---|---|---|");
        for (Scenario scenario : new Scenario[] {Scenario.NO_BIAS, Scenario.AT_THRESHOLDS}) {
            for (double rate : RATES) {
                int withBreach = 0;
                int alerts = 0;
                for (int run = 0; run < alarmRuns; run++) {
                    FairnessSimulation.Result result = FairnessSimulation.run(scenario, rate, HOURS, partitions,
                            1000L * run + 7, false);
                    withBreach += result.breaches().isEmpty() ? 0 : 1;
                    alerts += result.breaches().size();
                }
                System.out.printf(Locale.ROOT, "| %s | %,.0f | %d | %d | %d |%n", scenario.name(), rate, alarmRuns,
                        withBreach, alerts);
            }
        }
        int withBreach = 0;
        int alerts = 0;
        for (int run = 0; run < alarmRuns / 2; run++) {
            FairnessSimulation.Result result = FairnessSimulation.run(Scenario.AT_THRESHOLDS, 12_000, HOURS,
                    partitions, 1000L * run + 7, false, false);
            withBreach += result.breaches().isEmpty() ? 0 : 1;
            alerts += result.breaches().size();
        }
        System.out.printf(Locale.ROOT, "| at the thresholds, every event counted (no vote rule) | 12,000 | %d | %d | %d |%n",
                alarmRuns / 2, withBreach, alerts);
        System.out.println();
        System.out.println("| bias (from t = 0) | events/h | runs | detected within 24 h | median time to first BREACH |");
        System.out.println("|---|---|---|---|---|");
        for (Scenario scenario : new Scenario[] {Scenario.DI_07, Scenario.DI_06}) {
            for (double rate : RATES) {
                double[] minutes = new double[detectionRuns];
                int detected = 0;
                for (int run = 0; run < detectionRuns; run++) {
                    FairnessSimulation.Result result = FairnessSimulation.run(scenario, rate, 24, partitions,
                            1000L * run + 11, true);
                    minutes[run] = result.firstBreachMs() < 0 ? Double.POSITIVE_INFINITY
                            : result.firstBreachMs() / 60_000.0;
                    detected += result.firstBreachMs() < 0 ? 0 : 1;
                }
                Arrays.sort(minutes);
                System.out.printf(Locale.ROOT, "| %s | %,.0f | %d | %d | %.1f min |%n", scenario.name(), rate,
                        detectionRuns, detected, minutes[detectionRuns / 2]);
            }
        }
    }
}
