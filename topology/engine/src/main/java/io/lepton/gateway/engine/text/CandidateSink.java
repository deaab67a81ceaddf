package io.lepton.gateway.engine.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Collects the validated candidate spans of one scan, dropping types the scanner was not asked for. Detectors also
 * ask {@link #wants} before doing expensive work (a libphonenumber call) for a disabled type.
 */
final class CandidateSink {
    private final Set<TextPiiType> enabled;
    private final List<Detection> found = new ArrayList<>();
    private int lastDateEnd;
    private int urlScannedUntil;

    CandidateSink(Set<TextPiiType> enabled) {
        this.enabled = enabled;
    }

    boolean wants(TextPiiType type) {
        return enabled.contains(type);
    }

    void add(int start, int end, TextPiiType type) {
        if (enabled.contains(type)) {
            found.add(new Detection(start, end, type));
        }
    }

    /** Records the end of a calendar date, so a birth cue before it is not reused for a later date. */
    void markDate(int end) {
        lastDateEnd = Math.max(lastDateEnd, end);
    }

    int lastDateEnd() {
        return lastDateEnd;
    }

    /** Where the last credential-URL check ended, so a URL is examined once however many "://" it contains. */
    int urlScannedUntil() {
        return urlScannedUntil;
    }

    void urlScannedUntil(int end) {
        urlScannedUntil = Math.max(urlScannedUntil, end);
    }

    List<Detection> all() {
        return found;
    }
}
