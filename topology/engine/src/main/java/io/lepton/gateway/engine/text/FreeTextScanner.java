package io.lepton.gateway.engine.text;

import static io.lepton.gateway.engine.text.CharClasses.isHex;
import static io.lepton.gateway.engine.text.CharClasses.isWordChar;

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
 * message can be a megabyte. The scanner dispatches on the character at hand: an '@' triggers the e-mail detector,
 * "://" the credential-URL detector, the start of a word the digit-run, alphanumeric-id, IPv6, date and name
 * detectors, a Han character the Chinese-name detector. Every detector scans a window capped by the format's maximum
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
    private final DigitRunDetector digitRuns;
    private final DateOfBirthDetector dates = new DateOfBirthDetector();

    private FreeTextScanner(Set<TextPiiType> enabled, List<String> phoneRegions) {
        this.enabled = enabled;
        this.phoneRegions = phoneRegions;
        this.digitRuns = new DigitRunDetector(new PhoneRules(phoneRegions), dates);
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
        return OverlapResolver.resolve(candidates(text));
    }

    /**
     * Every validated candidate, overlapping ones included, in no particular order. The scrubber removes the union of
     * these so that a span losing arbitration never leaves a fragment of itself behind.
     */
    List<Detection> candidates(CharSequence text) {
        Objects.requireNonNull(text, "text");
        CandidateSink sink = new CandidateSink(enabled);
        int n = text.length();
        int urlScannedUntil = 0;
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (isWordChar(c)) {
                i = Math.max(i + 1, word(text, i, sink));
            } else if (c == '@') {
                EmailDetector.detectAt(text, i, sink);
                i++;
            } else if (c == ':' && i + 2 < n && text.charAt(i + 1) == '/' && text.charAt(i + 2) == '/') {
                if (i >= urlScannedUntil && sink.wants(TextPiiType.CREDENTIAL_URL)) {
                    urlScannedUntil = CredentialUrlDetector.detectAt(text, i, sink);
                }
                i += 3;
            } else if (c == ':' && i + 1 < n && text.charAt(i + 1) == ':' && sink.wants(TextPiiType.IP_ADDRESS)) {
                int end = Ipv6Detector.detect(text, i, sink);
                i = end > 0 ? end : i + 2;
            } else if (CharClasses.isHan(c) && sink.wants(TextPiiType.PERSON_NAME)) {
                i = NameDetector.detectHan(text, i, sink);
            } else {
                i++;
            }
        }
        return sink.all();
    }

    /** Handles the word starting at {@code start}; returns where scanning resumes. */
    private int word(CharSequence text, int start, CandidateSink sink) {
        int end = CharClasses.wordEnd(text, start);
        if (end < text.length() && text.charAt(end) == ':' && isHex(text.charAt(start))
            && (start == 0 || text.charAt(start - 1) != ':') && sink.wants(TextPiiType.IP_ADDRESS)) {
            int ipEnd = Ipv6Detector.detect(text, start, sink);
            if (ipEnd > 0) {
                return ipEnd;
            }
        }
        if (CharClasses.allDigits(text, start, end)) {
            return digitRuns.detect(text, start, end, sink);
        }
        int idEnd = AlphanumericIdDetector.detect(text, start, end, sink);
        if (idEnd > 0) {
            return idEnd;
        }
        if (Character.isUpperCase(text.charAt(start))) {
            if (sink.wants(TextPiiType.DATE_OF_BIRTH)) {
                int dateEnd = dates.detectMonthDayYear(text, start, end, sink);
                if (dateEnd > 0) {
                    return dateEnd;
                }
            }
            if (sink.wants(TextPiiType.PERSON_NAME)) {
                return NameDetector.detectLatin(text, start, end, sink);
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
