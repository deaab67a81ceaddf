package io.lepton.gateway.engine.text;

/**
 * A span to replace, from either source the scrubber merges: a scanner candidate or a linked-value match.
 *
 * @param rank lower wins when two spans of equal length compete to name their union (scanner tiers 0-3, linked 1)
 */
record TypedSpan(int start, int end, String typeName, int rank) {
    int length() {
        return end - start;
    }

    static TypedSpan of(Detection d) {
        return new TypedSpan(d.start(), d.end(), d.type().name(), d.type().tier());
    }
}
