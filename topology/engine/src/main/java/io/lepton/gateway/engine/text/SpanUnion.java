package io.lepton.gateway.engine.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Merges overlapping spans into disjoint ones. Replacing the union, rather than arbitrating between overlapping
 * spans, guarantees that no character any detector or linked value claimed survives scrubbing. The merged span is
 * named after its longest member (ties: lowest rank), e.g. a URL swallowing the e-mail-like user info inside it.
 */
final class SpanUnion {
    private SpanUnion() {
    }

    static List<TypedSpan> merge(List<TypedSpan> spans) {
        List<TypedSpan> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparingInt(TypedSpan::start));
        List<TypedSpan> merged = new ArrayList<>();
        TypedSpan current = null;
        TypedSpan namer = null;
        for (TypedSpan s : sorted) {
            if (current != null && s.start() < current.end()) {
                if (s.length() > namer.length() || (s.length() == namer.length() && s.rank() < namer.rank())) {
                    namer = s;
                }
                current = new TypedSpan(current.start(), Math.max(current.end(), s.end()), namer.typeName(),
                    namer.rank());
            } else {
                if (current != null) {
                    merged.add(current);
                }
                current = s;
                namer = s;
            }
        }
        if (current != null) {
            merged.add(current);
        }
        return merged;
    }
}
