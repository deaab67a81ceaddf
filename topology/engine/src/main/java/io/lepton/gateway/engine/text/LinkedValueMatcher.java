package io.lepton.gateway.engine.text;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.ArrayList;
import java.util.List;

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
 *
 * <p>Why the automata are built lazily: every record brings its own values, so nothing can be prepared ahead, and a
 * profile of the scrubber showed that building an automaton per variant and call cost more than the scan itself on
 * chat-sized texts. A variant can only match where its first three folded characters occur, so its automaton is
 * built when they first do (usually never) and fed from there on; a 64-bit filter of those trigrams rejects almost
 * every position without looking at the variants.
 */
final class LinkedValueMatcher {
    static final int MIN_LENGTH = 3;
    static final int MAX_LENGTH = 256;
    private static final int MIN_DIGITS_FOR_DIGIT_VARIANT = 6;
    private static final long TRIGRAM_MASK = (1L << 48) - 1;
    /** National trunk prefix by country calling code ("" when the country has none), null for unassigned codes. */
    private static final String[] TRUNK_PREFIX_BY_CALLING_CODE = trunkPrefixes();

    private LinkedValueMatcher() {
    }

    /**
     * One pass over the text, folding each character once. An automaton exists only once its variant's first three
     * characters have been seen (a match starts at such a place, so nothing is missed by starting there); an
     * automaton in its start state can only leave it on the first character of its variant, so it is fed nothing
     * else while idle (a match is always a run of characters it was fed, so skipping the rest changes nothing).
     */
    static List<TypedSpan> find(CharSequence text, List<LinkedValue> linked) {
        if (linked.isEmpty()) {
            return List.of();
        }
        List<String> patterns = new ArrayList<>(8);
        List<String> typeNames = new ArrayList<>(8);
        for (LinkedValue value : linked) {
            for (String variant : variants(value)) {
                patterns.add(variant);
                typeNames.add(value.piiClass());
            }
        }
        int count = patterns.size();
        if (count == 0) {
            return List.of();
        }
        long[] trigrams = new long[count];
        long filter = 0;
        for (int v = 0; v < count; v++) {
            String p = patterns.get(v);
            trigrams[v] = ((long) p.charAt(0) << 32) | ((long) p.charAt(1) << 16) | p.charAt(2);
            filter |= filterBit(trigrams[v]);
        }
        Automaton[] started = new Automaton[count];
        boolean[] isStarted = new boolean[count];
        int startedCount = 0;
        List<TypedSpan> found = null;
        long trigram = 0;
        int before1 = -1;
        int before2 = -1;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = fold(text.charAt(i));
            if (c == 0) {
                continue;
            }
            trigram = ((trigram << 16) | c) & TRIGRAM_MASK;
            for (int a = 0; a < startedCount; a++) {
                Automaton automaton = started[a];
                if ((automaton.k != 0 || c == automaton.first) && automaton.step(c, i)) {
                    found = report(text, automaton, i, found);
                }
            }
            // before the third folded character the trigram has a zero slot, which no variant's trigram has
            if (startedCount < count && (filter & filterBit(trigram)) != 0) {
                for (int v = 0; v < count; v++) {
                    if (!isStarted[v] && trigrams[v] == trigram) {
                        isStarted[v] = true;
                        Automaton automaton = new Automaton(patterns.get(v), typeNames.get(v));
                        started[startedCount++] = automaton;
                        automaton.step((char) (trigram >>> 32), before2);
                        automaton.step((char) (trigram >>> 16), before1);
                        if (automaton.step(c, i)) {
                            found = report(text, automaton, i, found);
                        }
                    }
                }
            }
            before2 = before1;
            before1 = i;
        }
        return found == null ? List.of() : found;
    }

    private static long filterBit(long trigram) {
        return 1L << ((trigram * 0x9E3779B97F4A7C15L) >>> 58);
    }

    /** Adds the match of {@code automaton} ending at {@code last} if both its ends are word boundaries. */
    private static List<TypedSpan> report(CharSequence text, Automaton automaton, int last, List<TypedSpan> found) {
        int start = automaton.matchStart();
        int end = last + 1;
        if (!boundary(text, start - 1, start) || !boundary(text, end, end - 1)) {
            return found;
        }
        List<TypedSpan> out = found == null ? new ArrayList<>() : found;
        out.add(new TypedSpan(start, end, automaton.typeName, 1));
        return out;
    }

    static List<String> variants(LinkedValue linked) {
        List<String> variants = new ArrayList<>(8);
        String value = linked.value();
        String cls = linked.piiClass();
        addVariant(variants, normalize(value));
        String digits = digitsOf(value);
        if (digits.length() >= MIN_DIGITS_FOR_DIGIT_VARIANT) {
            addVariant(variants, digits);
        }
        if (digits.length() > 3 && containsIgnoreCase(cls, "PHONE") && value.trim().startsWith("+")) {
            for (String form : nationalForms(digits)) {
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

    private static String digitsOf(String value) {
        int count = 0;
        for (int i = 0; i < value.length(); i++) {
            count += CharClasses.isDigit(value.charAt(i)) ? 1 : 0;
        }
        if (count == 0) {
            return "";
        }
        char[] digits = new char[count];
        for (int i = 0, k = 0; i < value.length(); i++) {
            if (CharClasses.isDigit(value.charAt(i))) {
                digits[k++] = value.charAt(i);
            }
        }
        return new String(digits);
    }

    private static void addVariant(List<String> variants, String variant) {
        if (variant.length() >= MIN_LENGTH && variant.length() <= MAX_LENGTH && !variants.contains(variant)) {
            variants.add(variant);
        }
    }

    /** {@code upperWord} occurs in {@code s}, ignoring ASCII case; compares only where the first letter matches. */
    private static boolean containsIgnoreCase(String s, String upperWord) {
        char first = upperWord.charAt(0);
        for (int i = 0; i + upperWord.length() <= s.length(); i++) {
            if (CharClasses.asciiUpper(s.charAt(i)) == first
                && s.regionMatches(true, i, upperWord, 0, upperWord.length())) {
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
        int code = 0;
        for (int ccLength = 1; ccLength <= 3 && ccLength < digits.length(); ccLength++) {
            code = code * 10 + (digits.charAt(ccLength - 1) - '0');
            String trunk = TRUNK_PREFIX_BY_CALLING_CODE[code];
            if (trunk != null) {
                String nsn = digits.substring(ccLength);
                return trunk.isEmpty() ? List.of(nsn) : List.of(nsn, trunk + nsn);
            }
        }
        return List.of();
    }

    private static String[] trunkPrefixes() {
        PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
        String[] byCode = new String[1000];
        for (int code : phones.getSupportedCallingCodes()) {
            String region = phones.getRegionCodeForCountryCode(code);
            String prefix = PhoneNumberUtil.REGION_CODE_FOR_NON_GEO_ENTITY.equals(region) ? null
                : phones.getNddPrefixForRegion(region, true);
            byCode[code] = prefix == null ? "" : prefix;
        }
        return byCode;
    }

    static String normalize(CharSequence s) {
        char[] folded = new char[s.length()];
        int k = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = fold(s.charAt(i));
            if (c != 0) {
                folded[k++] = c;
            }
        }
        return new String(folded, 0, k);
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
