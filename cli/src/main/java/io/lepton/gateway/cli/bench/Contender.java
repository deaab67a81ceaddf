package io.lepton.gateway.cli.bench;

/** The two topologies a bench compares. */
public enum Contender {
    /** Decode with the raw schema and re-encode, nothing else: what any Avro-aware Kafka Streams app pays. */
    BASELINE("baseline"),
    /** The gateway topology with its policies: routing, sanitizing, free-text scrubbing, quarantine. */
    GATEWAY("gateway");

    private final String label;

    Contender(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
