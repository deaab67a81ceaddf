package io.lepton.gateway.engine.provenance;

import java.nio.charset.StandardCharsets;

/**
 * How much of the subject's privacy budget for the current period is left after a record, in quarters: enough for a
 * consumer to see that a subject is running out (and that later records may come with dp fields withheld), not the
 * exact ledger. The exact remainder would tell a consumer more than it needs about one subject's activity, and the
 * ledger stays the gateway's.
 */
public enum BudgetBand {
    /** 75% or more of the period's budget left. */
    Q4("75-100"),
    /** At least 50%, less than 75%. */
    Q3("50-75"),
    /** At least 25%, less than 50%. */
    Q2("25-50"),
    /** Less than 25% left, but this record's dp fields were released. */
    Q1("0-25"),
    /** The budget did not cover this record: its dp fields were withheld (or the event suppressed). */
    EXHAUSTED("exhausted"),
    /** No budget applies: the family has no dp field, or the policy disables DP. */
    NOT_APPLICABLE("n/a");

    private final String code;
    private final byte[] bytes;

    BudgetBand(String code) {
        this.code = code;
        this.bytes = code.getBytes(StandardCharsets.US_ASCII);
    }

    /** The band of {@code remaining} out of {@code budget}, both in the accountant's measure, after a release. */
    public static BudgetBand of(double remaining, double budget) {
        double share = budget > 0 ? remaining / budget : 0;
        if (share >= 0.75) {
            return Q4;
        }
        if (share >= 0.5) {
            return Q3;
        }
        return share >= 0.25 ? Q2 : Q1;
    }

    /** The header value. */
    public String code() {
        return code;
    }

    /** The header value's bytes (shared: never modify). */
    byte[] bytes() {
        return bytes;
    }
}
