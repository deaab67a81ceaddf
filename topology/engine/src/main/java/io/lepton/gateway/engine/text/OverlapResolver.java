package io.lepton.gateway.engine.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Picks non-overlapping detections from overlapping candidates: strongest evidence first (a checksum-validated card
 * beats the phone number its digits also spell), then the longest span (a credential URL beats the e-mail-like
 * user info inside it). O(k log k) in the number of candidates.
 */
final class OverlapResolver {
    private static final Comparator<Detection> PRIORITY = Comparator
        .comparingInt((Detection d) -> d.type().tier())
        .thenComparing(Comparator.comparingInt(Detection::length).reversed())
        .thenComparingInt(Detection::start);

    private OverlapResolver() {
    }

    static List<Detection> resolve(List<Detection> candidates) {
        List<Detection> byPriority = new ArrayList<>(candidates);
        byPriority.sort(PRIORITY);
        TreeMap<Integer, Detection> accepted = new TreeMap<>();
        for (Detection d : byPriority) {
            Map.Entry<Integer, Detection> before = accepted.floorEntry(d.start());
            if (before != null && before.getValue().end() > d.start()) {
                continue;
            }
            Map.Entry<Integer, Detection> after = accepted.ceilingEntry(d.start());
            if (after != null && after.getKey() < d.end()) {
                continue;
            }
            accepted.put(d.start(), d);
        }
        return List.copyOf(accepted.values());
    }
}
