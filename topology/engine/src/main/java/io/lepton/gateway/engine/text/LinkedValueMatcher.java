package io.lepton.gateway.engine.text;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds a record's linked values in its free text, tolerant to simple variants: case, whitespace and punctuation are
 * ignored (both sides are reduced to lower-case letters and digits), a value with many digits is also searched for
 * by its digits alone, an international phone also by its national forms, and a name also by each of its parts.
 *
 * <p>Matches must start and end at word boundaries of the original text (except next to CJK characters, which have
 * none), and variants shorter than {@value #MIN_LENGTH} characters are ignored, so "Al" does not scrub "also".
 * Variants longer than {@value #MAX_LENGTH} characters are not searched. All variants are found in one pass with a
 * Knuth-Morris-Pratt automaton each, so the cost is linear in the text length times the number of variants and the
 * memory is proportional to the variants, not to the text.
 */
final class LinkedValueMatcher {
    static final int MIN_LENGTH = 3;
    static final int MAX_LENGTH = 256;
    private static final int MIN_DIGITS_FOR_DIGIT_VARIANT = 6;
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final Map<String, String> TRUNK_PREFIXES = new ConcurrentHashMap<>();

    private LinkedValueMatcher() {
    }

    /**
     * One pass over the text, folding each character once. An automaton in its start state can only leave it on the
     * first character of its variant, so it is fed nothing else while idle (a match is always a run of characters it
     * was fed, so skipping the rest changes nothing); while no automaton is active, a bit set of the first characters
     * rejects almost every character of a typical text without touching the automata.
     */
    static List<TypedSpan> find(CharSequence text, List<LinkedValue> linked) {
        List<TypedSpan> found = new ArrayList<>();
        List<Automaton> automata = new ArrayList<>();
        for (LinkedValue value : linked) {
            for (String variant : variants(value)) {
                automata.add(new Automaton(variant, value.piiClass()));
            }
        }
        if (automata.isEmpty()) {
            return found;
        }
        Automaton[] all = automata.toArray(new Automaton[0]);
        long asciiStarters0 = 0;
        long asciiStarters1 = 0;
        boolean otherStarters = false;
        for (Automaton a : all) {
            char first = a.pattern.charAt(0);
            if (first < 64) {
                asciiStarters0 |= 1L << first;
            } else if (first < 128) {
                asciiStarters1 |= 1L << (first - 64);
            } else {
                otherStarters = true;
            }
        }
        int active = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = fold(text.charAt(i));
            if (c == 0 || (active == 0 && !(c < 64 ? (asciiStarters0 & (1L << c)) != 0
                : c < 128 ? (asciiStarters1 & (1L << (c - 64))) != 0 : otherStarters))) {
                continue; // every automaton is at its start state and stays there
            }
            active = 0;
            for (Automaton a : all) {
                if (a.k == 0 && c != a.first) {
                    continue;
                }
                if (a.step(c, i)) {
                    int start = a.matchStart();
                    int end = i + 1;
                    if (boundary(text, start - 1, start) && boundary(text, end, end - 1)) {
                        found.add(new TypedSpan(start, end, a.typeName, 1));
                    }
                }
                if (a.k > 0) {
                    active++;
                }
            }
        }
        return found;
    }

    static List<String> variants(LinkedValue linked) {
        List<String> variants = new ArrayList<>(8);
        String value = linked.value();
        String cls = linked.piiClass();
        addVariant(variants, normalize(value));
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            if (CharClasses.isDigit(value.charAt(i))) {
                digits.append(value.charAt(i));
            }
        }
        if (digits.length() >= MIN_DIGITS_FOR_DIGIT_VARIANT) {
            addVariant(variants, digits.toString());
        }
        if (containsIgnoreCase(cls, "PHONE") && value.trim().startsWith("+")) {
            for (String form : nationalForms(digits.toString())) {
                addVariant(variants, form);
            }
        }
        if (containsIgnoreCase(cls, "NAME")) {
            int partStart = 0;
            for (int i = 0; i <= value.length(); i++) {
                if (i == value.length() || Character.isWhitespace(value.charAt(i)) || value.charAt(i) == ',') {
                    addVariant(variants, normalize(value.substring(partStart, i)));
                    partStart = i + 1;
                }
            }
        }
        return variants;
    }

    private static void addVariant(List<String> variants, String variant) {
        if (variant.length() >= MIN_LENGTH && variant.length() <= MAX_LENGTH && !variants.contains(variant)) {
            variants.add(variant);
        }
    }

    private static boolean containsIgnoreCase(String s, String word) {
        for (int i = 0; i + word.length() <= s.length(); i++) {
            if (s.regionMatches(true, i, word, 0, word.length())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The national significant number and its trunk-prefixed form of an international number's digits: the country
     * code is the unique 1-3 digit prefix libphonenumber knows (calling codes are prefix-free), so no parsing is
     * needed.
     */
    private static List<String> nationalForms(String digits) {
        for (int ccLength = 1; ccLength <= 3 && ccLength < digits.length(); ccLength++) {
            String region = PHONES.getRegionCodeForCountryCode(Integer.parseInt(digits.substring(0, ccLength)));
            if (!"ZZ".equals(region)) {
                String nsn = digits.substring(ccLength);
                String trunk = TRUNK_PREFIXES.computeIfAbsent(region, r -> {
                    String prefix = PHONES.getNddPrefixForRegion(r, true);
                    return prefix == null ? "" : prefix;
                });
                return trunk == null || trunk.isEmpty() ? List.of(nsn) : List.of(nsn, trunk + nsn);
            }
        }
        return List.of();
    }

    static String normalize(CharSequence s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = fold(s.charAt(i));
            if (c != 0) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static final char[] ASCII_FOLD = new char[128];

    static {
        for (char c = '0'; c <= '9'; c++) {
            ASCII_FOLD[c] = c;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            ASCII_FOLD[c] = c;
            ASCII_FOLD[c - 32] = c;
        }
    }

    /** The character lower-cased if it is a letter or digit, else 0; a table lookup for ASCII. */
    private static char fold(char c) {
        if (c < 128) {
            return ASCII_FOLD[c];
        }
        if (CharClasses.isHan(c)) {
            return c; // ideographs have no case
        }
        return Character.isLetterOrDigit(c) ? Character.toLowerCase(c) : 0;
    }

    /**
     * Knuth-Morris-Pratt matcher for one variant over the folded characters, fed one character at a time; a ring of
     * the positions of the last {@code m} characters maps a match back to the original text, so nothing the size of
     * the text is allocated.
     */
    private static final class Automaton {
        private final String pattern;
        private final char first;
        private final String typeName;
        private final int[] fail;
        private final int[] ring;
        private int slot;
        private int k;

        Automaton(String pattern, String typeName) {
            this.pattern = pattern;
            this.first = pattern.charAt(0);
            this.typeName = typeName;
            int m = pattern.length();
            this.fail = new int[m];
            this.ring = new int[m];
            for (int i = 1, j = 0; i < m; i++) {
                while (j > 0 && pattern.charAt(i) != pattern.charAt(j)) {
                    j = fail[j - 1];
                }
                if (pattern.charAt(i) == pattern.charAt(j)) {
                    j++;
                }
                fail[i] = j;
            }
        }

        /** Feeds the folded character at {@code position}; returns whether a match ends here. */
        boolean step(char c, int position) {
            ring[slot] = position;
            slot = slot + 1 == ring.length ? 0 : slot + 1;
            while (k > 0 && c != pattern.charAt(k)) {
                k = fail[k - 1];
            }
            if (c == pattern.charAt(k)) {
                k++;
            }
            if (k == pattern.length()) {
                k = fail[k - 1];
                return true;
            }
            return false;
        }

        /** Original index of the first character of the match that just ended: the oldest position in the ring. */
        int matchStart() {
            return ring[slot];
        }
    }

    /** Whether {@code outside} (just beyond the match) does not continue the word that {@code inside} ends. */
    private static boolean boundary(CharSequence text, int outside, int inside) {
        if (outside < 0 || outside >= text.length()) {
            return true;
        }
        char o = text.charAt(outside);
        return !Character.isLetterOrDigit(o) || CharClasses.isHan(o) || CharClasses.isHan(text.charAt(inside));
    }
}
