package io.lepton.gateway.engine;

/**
 * Why a record went to a quarantine topic instead of downstream: the one list of reasons, whose
 * {@linkplain #headerValue() header values} are a stable contract with operators (alert rules, dashboards and
 * scripts select on them), so a constant may be added but never renamed.
 */
public enum QuarantineReason {
    /** The bytes are not a decodable event of the topic's family (wrong magic byte, unknown schema, bad Avro). */
    UNDECODABLE("undecodable"),
    /** The region is missing or not an ISO 3166 code, so no jurisdiction is known. */
    UNROUTABLE_REGION("unroutable-region"),
    /** A tombstone on a raw topic: there is no event to process. */
    NULL_VALUE("null-value"),
    /** The subject field is empty, so neither a pseudonym nor a privacy budget can be attached. */
    MISSING_SUBJECT("missing-subject"),
    /** A dp field holds a value with no place in its bounds (NaN). */
    INVALID_DP_VALUE("invalid-dp-value"),
    /** Free text over the policy's {@code maxChars} under {@code onOversize: quarantine}. */
    OVERSIZE_TEXT("oversize-text"),
    /**
     * {@code occurredAt} lies outside the policy's accepted window {@code [now - maxEventAge, now + maxClockSkew]}
     * on the gateway's clock, so the producer cannot choose the budget period an event is charged to.
     */
    EVENT_TIME_OUT_OF_RANGE("event-time-out-of-range"),
    /** Processing the record threw unexpectedly; the gateway fails closed rather than release anything. */
    PROCESSING_ERROR("processing-error");

    private final String headerValue;

    QuarantineReason(String headerValue) {
        this.headerValue = headerValue;
    }

    /** The value of the {@code lepton.quarantine.reason} header and of the {@code reason} metric label. */
    public String headerValue() {
        return headerValue;
    }
}
