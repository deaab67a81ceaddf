package io.lepton.gateway.engine.text;

import static io.lepton.gateway.engine.text.CharClasses.isWordChar;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds personal data in free text in one left-to-right pass.
 *
 * <p>Why hand-written: free text is attacker-controlled, so a backtracking regex is a denial-of-service vector, and a
 * message can be a megabyte. The text is first folded ({@link TextNormalizer}: full-width forms, invisible
 * characters, obfuscated e-mails), then the scanner dispatches on the character at hand to the {@linkplain Detector
 * detectors} registered for it ({@link Detectors}): an '@', "://", "::", the start of a word, a Han character. Every detector scans a window capped by the format's maximum
 * length and the pass never goes back further than that, so the total work is linear in the text length. Each
 * candidate must pass its structural validator (checksum, ranges, numbering plan) before it is reported.
 *
 * <p>Instances are immutable and thread-safe; build one per policy and share it.
 */
public final class FreeTextScanner {
    /** Regions whose national phone formats are recognised when the builder is not told otherwise. */
    public static final Set<String> DEFAULT_PHONE_REGIONS = Set.of("US", "GB", "DE", "FR", "BR", "CN", "IN", "SG");

    private final Set<TextPiiType> enabled;
    private final List<String> phoneRegions;
    private final Detector[] onWord;
    private final Detector[] onAt;
    private final Detector[] onScheme;
    private final Detector[] onDoubleColon;
    private final Detector[] onHan;

    private FreeTextScanner(Set<TextPiiType> enabled, List<String> phoneRegions) {
        this.enabled = enabled;
        this.phoneRegions = phoneRegions;
        List<Detector> active = Detectors.builtIn(phoneRegions).stream()
            .filter(d -> d.types().stream().anyMatch(enabled::contains))
            .toList();
        this.onWord = triggered(active, Detector.Trigger.WORD);
        this.onAt = triggered(active, Detector.Trigger.AT_SIGN);
        this.onScheme = triggered(active, Detector.Trigger.URL_SCHEME);
        this.onDoubleColon = triggered(active, Detector.Trigger.DOUBLE_COLON);
        this.onHan = triggered(active, Detector.Trigger.HAN);
    }

    private static Detector[] triggered(List<Detector> detectors, Detector.Trigger trigger) {
        return detectors.stream().filter(d -> d.triggers().contains(trigger)).toArray(Detector[]::new);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The types this scanner reports. */
    public Set<TextPiiType> enabledTypes() {
        return enabled;
    }

    /** The regions whose national phone formats this scanner accepts, sorted. */
    public List<String> phoneRegions() {
        return phoneRegions;
    }

    /**
     * The detections in {@code text}, sorted by start and non-overlapping: where candidates overlap, the one with the
     * stronger validator wins (checksum over shape over phone plan over name cue), then the longer one.
     */
    public List<Detection> scan(CharSequence text) {
        return OverlapResolver.resolve(candidates(ScanText.of(Objects.requireNonNull(text, "text"))));
    }

    /**
     * Every validated candidate, overlapping ones included, in no particular order, in the coordinates of
     * {@code text}. The detectors run on the {@linkplain TextNormalizer folded} text and each span is mapped back, so
     * a value written in full-width digits or with a zero-width character inside is reported over its original
     * characters. The scrubber removes the union of these so that a span losing arbitration never leaves a fragment
     * of itself behind.
     */
    List<Detection> candidates(ScanText text) {
        NormalizedText folded = TextNormalizer.normalize(text);
        List<Detection> found = scanFolded(folded.text());
        if (folded.isIdentity()) {
            return found;
        }
        List<Detection> original = new ArrayList<>(found.size());
        for (Detection d : found) {
            original.add(folded.toOriginal(d));
        }
        return original;
    }

    private List<Detection> scanFolded(ScanText text) {
        CandidateSink sink = new CandidateSink(enabled);
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (isWordChar(c)) {
                i = Math.max(i + 1, word(text, i, sink));
            } else if (c == '@') {
                i = dispatch(onAt, text, i, sink);
            } else if (c == ':' && i + 2 < n && text.charAt(i + 1) == '/' && text.charAt(i + 2) == '/') {
                dispatch(onScheme, text, i, sink);
                i += 3;
            } else if (c == ':' && i + 1 < n && text.charAt(i + 1) == ':') {
                i = dispatch(onDoubleColon, text, i, sink);
            } else if (CharClasses.isHan(c)) {
                i = dispatch(onHan, text, i, sink);
            } else {
                i++;
            }
        }
        return sink.all();
    }

    /** Offers the trigger character at {@code i} to each detector; returns where scanning resumes. */
    private static int dispatch(Detector[] detectors, ScanText text, int i, CandidateSink sink) {
        for (Detector d : detectors) {
            int resume = d.detect(text, i, i + 1, sink);
            if (resume > i) {
                return resume;
            }
        }
        return i + 1;
    }

    /** Offers the word starting at {@code start} to the word detectors in registry order; returns where to resume. */
    private int word(ScanText text, int start, CandidateSink sink) {
        int end = CharClasses.wordEnd(text, start);
        for (Detector d : onWord) {
            int resume = d.detect(text, start, end, sink);
            if (resume > start) {
                return resume;
            }
        }
        return end;
    }

    /** Configures and builds a {@link FreeTextScanner}; by default every type and {@link #DEFAULT_PHONE_REGIONS}. */
    public static final class Builder {
        private EnumSet<TextPiiType> enabled = EnumSet.allOf(TextPiiType.class);
        private Set<String> phoneRegions = DEFAULT_PHONE_REGIONS;

        private Builder() {
        }

        /** The types to report; the others are neither reported nor searched for. */
        public Builder enable(Set<TextPiiType> types) {
            Objects.requireNonNull(types, "types");
            this.enabled = EnumSet.noneOf(TextPiiType.class);
            this.enabled.addAll(types);
            return this;
        }

        /**
         * ISO 3166-1 alpha-2 regions whose national phone formats are accepted (international "+" numbers are accepted
         * for every country regardless).
         *
         * @throws IllegalArgumentException naming the first region libphonenumber does not know
         */
        public Builder phoneRegions(Set<String> isoCountries) {
            Objects.requireNonNull(isoCountries, "isoCountries");
            Set<String> normalized = new TreeSet<>();
            for (String region : isoCountries) {
                String upper = region.toUpperCase(Locale.ROOT);
                if (!PhoneRules.isSupportedRegion(upper)) {
                    throw new IllegalArgumentException("unknown phone region '" + region
                        + "': use an ISO 3166-1 alpha-2 country code such as US, BR or CN");
                }
                normalized.add(upper);
            }
            this.phoneRegions = normalized;
            return this;
        }

        public FreeTextScanner build() {
            return new FreeTextScanner(Collections.unmodifiableSet(EnumSet.copyOf(enabled)),
                List.copyOf(new TreeSet<>(phoneRegions)));
        }
    }
}
