package io.lepton.gateway.engine.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Removes personal data from one free-text value: everything the {@link FreeTextScanner} finds plus the record's own
 * {@linkplain LinkedValue linked values}, each span replaced by what the {@link Replacer} returns, with counts per
 * type for the audit record and metrics.
 *
 * <p>Overlapping spans are merged and replaced as one (see {@link SpanUnion}), so a span that loses arbitration never
 * leaves a fragment of itself in the output. Text over the {@link TextLimits} is either refused
 * ({@link OversizeTextException}) or truncated: the scrubber scans a little past the cut so that a value straddling
 * it is recognised whole, and then cuts before that value, never through it.
 *
 * <p>Immutable and thread-safe.
 */
public final class FreeTextScrubber {
    /** How far past the truncation point the scan looks: more than the longest span a detector can report. */
    static final int TRUNCATION_LOOKAHEAD = 2 * CredentialUrlDetector.MAX_URL;

    private final FreeTextScanner scanner;
    private final TextLimits limits;

    public FreeTextScrubber(FreeTextScanner scanner) {
        this(scanner, TextLimits.DEFAULT);
    }

    public FreeTextScrubber(FreeTextScanner scanner, TextLimits limits) {
        this.scanner = Objects.requireNonNull(scanner, "scanner");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    public TextLimits limits() {
        return limits;
    }

    /**
     * @param text the free text
     * @param linked the record's tagged field values to remove as well (may be empty)
     * @param replacer the policy's replacement per type
     * @throws OversizeTextException when the text exceeds the limit and the policy says quarantine
     */
    public ScrubResult scrub(String text, List<LinkedValue> linked, Replacer replacer) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(linked, "linked");
        Objects.requireNonNull(replacer, "replacer");
        boolean oversize = text.length() > limits.maxChars();
        if (oversize && limits.onOversize() == TextLimits.Oversize.QUARANTINE) {
            throw new OversizeTextException(text.length(), limits.maxChars());
        }
        ScanText work = ScanText.of(text,
            oversize ? Math.min(text.length(), limits.maxChars() + TRUNCATION_LOOKAHEAD) : text.length());
        int cut = oversize ? limits.maxChars() : text.length();
        if (oversize && Character.isLowSurrogate(text.charAt(cut))) {
            cut--;
        }

        List<TypedSpan> spans = new ArrayList<>();
        for (Detection d : scanner.candidates(work)) {
            spans.add(TypedSpan.of(d));
        }
        spans.addAll(LinkedValueMatcher.find(work, linked));
        List<TypedSpan> merged = SpanUnion.merge(spans);
        for (TypedSpan span : merged) {
            if (span.start() < cut && span.end() > cut) {
                cut = span.start();
            }
        }

        if (merged.isEmpty() || merged.get(0).end() > cut) {
            return new ScrubResult(cut == text.length() ? text : text.substring(0, cut), Map.of(), oversize);
        }
        StringBuilder out = new StringBuilder(cut + 16);
        Map<String, Integer> counts = new HashMap<>(); // ScrubResult keeps them sorted
        int copied = 0;
        for (TypedSpan span : merged) {
            if (span.end() > cut) {
                break;
            }
            out.append(text, copied, span.start());
            String replacement = replacer.replace(span.typeName(), text.substring(span.start(), span.end()));
            out.append(Objects.requireNonNull(replacement, "replacer returned null"));
            counts.merge(span.typeName(), 1, Integer::sum);
            copied = span.end();
        }
        out.append(text, copied, cut);
        return new ScrubResult(out.toString(), counts, oversize);
    }
}
