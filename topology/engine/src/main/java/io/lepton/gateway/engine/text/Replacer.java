package io.lepton.gateway.engine.text;

/**
 * Produces the text that replaces one detected span; the policy chooses one per type (see {@link Replacers}).
 * Implementations must be thread-safe: one scrubber serves every stream thread.
 */
@FunctionalInterface
public interface Replacer {
    /**
     * @param typeName the {@link TextPiiType} name, or the {@link LinkedValue#piiClass()} for a linked value
     * @param matchedText the original text of the span
     * @return the replacement, never null
     */
    String replace(String typeName, String matchedText);
}
