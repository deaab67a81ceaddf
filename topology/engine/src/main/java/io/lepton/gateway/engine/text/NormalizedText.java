package io.lepton.gateway.engine.text;

/**
 * Text after {@link TextNormalizer}, with the map from each of its characters back to the original characters it came
 * from, so that a span found in the folded text is replaced in the original. When nothing needed folding the text is
 * the original and no map is kept.
 */
final class NormalizedText {
    private final ScanText text;
    private final int[] from;
    private final int[] to;

    private NormalizedText(ScanText text, int[] from, int[] to) {
        this.text = text;
        this.from = from;
        this.to = to;
    }

    static NormalizedText identity(ScanText text) {
        return new NormalizedText(text, null, null);
    }

    /** {@code from[i]..to[i]} is the original range that folded character {@code i} stands for. */
    static NormalizedText mapped(ScanText text, int[] from, int[] to) {
        return new NormalizedText(text, from, to);
    }

    ScanText text() {
        return text;
    }

    boolean isIdentity() {
        return from == null;
    }

    /** The same detection in original coordinates: from its first character's origin to its last one's end. */
    Detection toOriginal(Detection d) {
        if (from == null) {
            return d;
        }
        return new Detection(from[d.start()], to[d.end() - 1], d.type());
    }
}
