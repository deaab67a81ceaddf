package io.lepton.gateway.engine.provenance;

import java.util.List;

/**
 * The provenance headers every sanitized record carries: their names (stable, part of the gateway's contract with
 * consumers), their value grammar and their size bound.
 *
 * <table>
 * <caption>Headers (values are UTF-8, ASCII in practice)</caption>
 * <tr><th>name</th><th>value</th><th>example</th></tr>
 * <tr><td>{@value #JURISDICTION}</td><td>jurisdiction id</td><td>{@code eu-gdpr}</td></tr>
 * <tr><td>{@value #POLICY}</td><td>policy id {@code @} {@link io.lepton.gateway.engine.policy.PolicyVersion version}
 *     (content hash of the policy file)</td><td>{@code eu-gdpr@3f9a0c1d2e4b5f60}</td></tr>
 * <tr><td>{@value #ACTIONS}</td><td>{@code field=code} for every tagged field, {@code ;}-separated, schema order;
 *     codes {@code drop redact mask generalize keep hmac:<keyId> scrub|redact|drop} (free text)
 *     {@code noise:<mechanism> withhold} (dp)</td>
 *     <td>{@code customerEmail=redact;message=scrub;satisfaction=noise:laplace}</td></tr>
 * <tr><td>{@value #DETECTIONS}</td><td>PII found in free text, {@code TYPE:count}, {@code ,}-separated, sorted by type;
 *     {@code none}</td><td>{@code EMAIL:2,PHONE:1}</td></tr>
 * <tr><td>{@value #DP}</td><td>{@code <mechanism>:<ε charged for this record>}, {@code disabled} (policy) or
 *     {@code none} (no dp field)</td><td>{@code laplace:0.5}</td></tr>
 * <tr><td>{@value #BUDGET}</td><td>the subject's {@link BudgetBand budget band} after this record</td>
 *     <td>{@code 50-75}</td></tr>
 * <tr><td>{@value #GATEWAY}</td><td>gateway version</td><td>{@code 0.1.0}</td></tr>
 * </table>
 *
 * <p><b>Bound.</b> All names and values of one record together take at most {@value #MAX_TOTAL_BYTES} bytes: each
 * value has its own cap (the sum of caps and names stays within the bound). The two list values ({@value #ACTIONS},
 * {@value #DETECTIONS}) are truncated deterministically: whole entries in their fixed order while they fit, then the
 * marker {@code +N} (N entries left out) as the last entry. No field name starts with {@code +}, so the marker cannot be
 * mistaken for an entry. The other values are checked against their caps at start-up.
 *
 * <p><b>No values.</b> Everything here comes from the policy, the schema and counts: never a field's value, a detected
 * span, a subject id or pseudonym, or the exact state of the subject's privacy budget.
 */
public final class ProvenanceHeaders {

    public static final String JURISDICTION = "lepton.jurisdiction";
    public static final String POLICY = "lepton.policy";
    public static final String ACTIONS = "lepton.actions";
    public static final String DETECTIONS = "lepton.detections";
    public static final String DP = "lepton.dp";
    public static final String BUDGET = "lepton.budget";
    public static final String GATEWAY = "lepton.gateway";

    /** Every header, in the order they are written. */
    public static final List<String> NAMES = List.of(JURISDICTION, POLICY, ACTIONS, DETECTIONS, DP, BUDGET, GATEWAY);

    /** Upper bound of the summed UTF-8 lengths of all names and values of one record. */
    public static final int MAX_TOTAL_BYTES = 1024;

    /** Caps per value, in {@link #NAMES} order; with the names they sum to at most {@link #MAX_TOTAL_BYTES}. */
    static final int MAX_JURISDICTION_BYTES = 48;
    static final int MAX_POLICY_BYTES = 72;
    static final int MAX_ACTIONS_BYTES = 512;
    static final int MAX_DETECTIONS_BYTES = 192;
    static final int MAX_DP_BYTES = 40;
    static final int MAX_BUDGET_BYTES = 16;
    static final int MAX_GATEWAY_BYTES = 40;

    /** Value of {@link #DETECTIONS} when nothing was found, and of {@link #DP} when the family has no dp field. */
    public static final String NONE = "none";

    private ProvenanceHeaders() {}
}
