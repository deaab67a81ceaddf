package io.lepton.loadtest.fairness;

/**
 * The decision rates of one simulated stream. Men (the reference group) are approved with probability 0.9 when
 * qualified and 0.7 when not (selection rate 0.8, half the applicants qualified); women with the rates below.
 *
 * @param name              label in the printed tables
 * @param femaleTruePositive P(approved | qualified) for women
 * @param femaleFalsePositive P(approved | not qualified) for women
 */
public record Scenario(String name, double femaleTruePositive, double femaleFalsePositive) {

    public static final double MALE_TRUE_POSITIVE = 0.9;
    public static final double MALE_FALSE_POSITIVE = 0.7;

    /** Same rates for both groups. */
    public static final Scenario NO_BIAS = new Scenario("no bias", 0.9, 0.7);
    /** Selection 0.64 vs 0.80 (DI exactly 0.8, parity difference 0.16) and TPR 0.8 vs 0.9 (difference 0.1). */
    public static final Scenario AT_THRESHOLDS = new Scenario("at the thresholds", 0.8, 0.48);
    /** Selection 0.56 vs 0.80: disparate impact 0.7. */
    public static final Scenario DI_07 = new Scenario("DI 0.7", 0.63, 0.49);
    /** Selection 0.48 vs 0.80: disparate impact 0.6. */
    public static final Scenario DI_06 = new Scenario("DI 0.6", 0.54, 0.42);
}
