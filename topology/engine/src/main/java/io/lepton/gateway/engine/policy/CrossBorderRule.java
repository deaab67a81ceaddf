package io.lepton.gateway.engine.policy;

/**
 * What may leave a jurisdiction's residency zone.
 *
 * <p>Raw and quarantined data never leave it under any rule; the rule only governs derived data.
 */
public enum CrossBorderRule {
    /** Nothing leaves the zone, not even differentially private aggregates. */
    NONE("none"),
    /** Only differentially private aggregates ({@code dp-aggregates.*}) may be read outside the zone. */
    AGGREGATES_ONLY("aggregates-only");

    private final String yamlName;

    CrossBorderRule(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }
}
