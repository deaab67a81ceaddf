package io.lepton.gateway.engine.text;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The scrubbed text and what was removed from it, for the audit record and the per-type metrics.
 *
 * @param text the text with every detected span replaced
 * @param countsByType number of replaced spans per type name ({@link TextPiiType} name or linked piiClass), sorted
 * @param truncated whether the text was cut at the policy's size limit
 */
public record ScrubResult(String text, Map<String, Integer> countsByType, boolean truncated) {
    public ScrubResult {
        Objects.requireNonNull(text, "text");
        countsByType = countsByType.isEmpty() ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(countsByType));
    }
}
