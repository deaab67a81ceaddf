package io.lepton.gateway.engine.sanitize;

/**
 * Whether an event's {@code dp}-tagged fields may be released (noised) or must be withheld (set to null).
 *
 * <p>The decision comes from the subject's privacy-budget ledger, which the sanitizer does not see: it is an input,
 * so that {@link RecordSanitizer} stays a pure function of the raw event and this flag.
 */
public enum DpRelease {
    /** Noise each dp field and release it; the caller has charged the event's ε to the subject's budget. */
    RELEASE,
    /** Write null into each dp field: no ε is spent, nothing about those values is released. */
    WITHHOLD
}
