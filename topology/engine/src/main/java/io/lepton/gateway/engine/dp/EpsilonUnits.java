package io.lepton.gateway.engine.dp;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * ε as an exact count of nano-ε (10^-9 ε), the unit of the privacy ledger.
 *
 * <p>Why not doubles: repeated floating-point addition can round a sum down, letting total charges exceed the
 * budget, and 10 × 0.1 would not reliably equal 1.0. Policies write ε in decimal, so the ledger reads each ε as the
 * shortest decimal that denotes the double ({@code 0.1} is 0.1) and rounds it <em>up</em> to whole nano-ε: a
 * charge is never recorded as less than the ε that was spent, and decimal budgets add up exactly.
 */
final class EpsilonUnits {

    static final int DECIMALS = 9;
    private static final double UNITS_PER_EPSILON = 1e9;

    private EpsilonUnits() {
    }

    /** ε rounded up to whole nano-ε; ε must be finite and non-negative. */
    static long ceil(double epsilon) {
        return BigDecimal.valueOf(epsilon).movePointRight(DECIMALS).setScale(0, RoundingMode.CEILING).longValueExact();
    }

    /** ε rounded down to whole nano-ε, for budgets: a budget is never recorded as more than the policy gives. */
    static long floor(double epsilon) {
        return BigDecimal.valueOf(epsilon).movePointRight(DECIMALS).setScale(0, RoundingMode.FLOOR).longValueExact();
    }

    /** Units back to ε, for reporting. */
    static double toEpsilon(long units) {
        return units / UNITS_PER_EPSILON;
    }
}
