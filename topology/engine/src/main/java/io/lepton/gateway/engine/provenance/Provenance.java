package io.lepton.gateway.engine.provenance;

/**
 * The provenance headers of one sanitized record, as {@link ProvenanceHeaders#NAMES name} and value bytes.
 *
 * <p>Values are shared with the {@link ProvenanceEncoder} that made them (only the detection counts are built per
 * record): callers write them to headers and never modify them.
 */
public final class Provenance {

    /** Receives each header; the app adapts it to Kafka headers, the command line to JSON. */
    @FunctionalInterface
    public interface HeaderSink {
        void header(String name, byte[] value);
    }

    private final byte[] jurisdiction;
    private final byte[] policy;
    private final byte[] actions;
    private final byte[] detections;
    private final byte[] dp;
    private final BudgetBand budget;
    private final byte[] gateway;

    Provenance(byte[] jurisdiction, byte[] policy, byte[] actions, byte[] detections, byte[] dp, BudgetBand budget,
            byte[] gateway) {
        this.jurisdiction = jurisdiction;
        this.policy = policy;
        this.actions = actions;
        this.detections = detections;
        this.dp = dp;
        this.budget = budget;
        this.gateway = gateway;
    }

    /** Passes every header to {@code sink} in {@link ProvenanceHeaders#NAMES} order. */
    public void writeTo(HeaderSink sink) {
        sink.header(ProvenanceHeaders.JURISDICTION, jurisdiction);
        sink.header(ProvenanceHeaders.POLICY, policy);
        sink.header(ProvenanceHeaders.ACTIONS, actions);
        sink.header(ProvenanceHeaders.DETECTIONS, detections);
        sink.header(ProvenanceHeaders.DP, dp);
        sink.header(ProvenanceHeaders.BUDGET, budget.bytes());
        sink.header(ProvenanceHeaders.GATEWAY, gateway);
    }

    /** The budget band written to {@link ProvenanceHeaders#BUDGET}. */
    public BudgetBand budget() {
        return budget;
    }
}
