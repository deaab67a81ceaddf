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
 * <p>Why the automata are started only at word starts: every record brings its own values, so nothing can be
 * prepared ahead, and feeding every automaton every character cost more than the rest of the scan on chat-sized
 * texts. A match must start at a word boundary, so an automaton is started only where a word starts with its
 * variant's first three folded characters (usually nowhere), fed while it holds a partial match and put back to sleep
 * when it falls to its start state. Most characters cost one table look-up.
 */
final class LinkedValueMatcher {
    static final int MIN_LENGTH = 3;
    static final int MAX_LENGTH = 256;
    private static final int MIN_DIGITS_FOR_DIGIT_VARIANT = 6;
    /** National trunk prefix by country calling code ("" when the country has none), null for unassigned codes. */
    private static final String[] TRUNK_PREFIX_BY_CALLING_CODE = trunkPrefixes();
    /** Every UTF-16 unit lower-cased if it is a letter or digit, else 0; ideographs stay as they are. */
    private static final char[] FOLD = foldTable();

    private LinkedValueMatcher() {
    }

    /**
     * One pass over the text, folding each character once. A word start whose first folded character starts no
     * variant is rejected by one bit test; otherwise its next two folded characters are compared with the variants'
     * (a peek that reaches at most three letters or digits ahead, so the pass stays linear). An automaton in its start
     * state can only leave it on its variant's first character, and a match can only begin at a word start, so
     * feeding it nothing while it sleeps changes no result (a match is always a run of characters it was fed).
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
        String[] pattern = patterns.toArray(new String[count]);
        long[] firstChars = new long[3];
        for (String p : pattern) {
            firstChars[bucket(p.charAt(0))] |= bit(p.charAt(0));
        }
        Automaton[] automata = new Automaton[count];
        Automaton[] awake = new Automaton[count];
        int awakeCount = 0;
        List<TypedSpan> found = null;
        boolean inWord = false;
        boolean afterHan = false;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = FOLD[text.charAt(i)];
            if (c == 0) {
                inWord = false;
                continue;
            }
            boolean han = CharClasses.isHan(c);
            if ((!inWord || han || afterHan) && (firstChars[bucket(c)] & bit(c)) != 0) {
                int second = -1;
                for (int v = 0; v < count; v++) {
                    String p = pattern[v];
                    if (p.charAt(0) != c || (automata[v] != null && automata[v].k != 0)) {
                        continue;
                    }
                    if (second < 0) {
                        second = nextFolded(text, i + 1);
                    }
                    if (second < n && p.charAt(1) == FOLD[text.charAt(second)]) {
                        int third = nextFolded(text, second + 1);
                        if (third < n && p.charAt(2) == FOLD[text.charAt(third)]) {
                            if (automata[v] == null) {
                                automata[v] = new Automaton(p, typeNames.get(v));
                            }
                            awake[awakeCount++] = automata[v];
                        }
                    }
                }
            }
            for (int a = 0; a < awakeCount; a++) {
                Automaton automaton = awake[a];
                if (automaton.step(c, i)) {
                    found = report(text, automaton, i, found);
                }
                if (automaton.k == 0) {
                    awake[a--] = awake[--awakeCount];
                }
            }
            inWord = true;
            afterHan = han;
        }
        return found == null ? List.of() : found;
    }

    /** Index of the first letter or digit at or after {@code from}, or the text length. */
    private static int nextFolded(CharSequence text, int from) {
        int p = from;
        while (p < text.length() && FOLD[text.charAt(p)] == 0) {
            p++;
        }
        return p;
    }

    /**
     * The set of variants' first characters is three 64-bit words: exact for ASCII (digits and lower-case letters
     * would share bits in one word), hashed for the rest.
     */
    private static int bucket(char c) {
        return c < 128 ? c >>> 6 : 2;
    }

    private static long bit(char c) {
        return 1L << (c < 128 ? c & 63 : (c * 0x9E3779B1) >>> 26);
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
        int digitCount = 0;
        for (int i = 0; i < value.length(); i++) {
            digitCount += CharClasses.isDigit(value.charAt(i)) ? 1 : 0;
        }
        boolean international = digitCount > 3 && containsIgnoreCase(cls, "PHONE") && value.trim().startsWith("+");
        if (digitCount >= MIN_DIGITS_FOR_DIGIT_VARIANT || international) {
            String digits = digitsOf(value, digitCount);
            if (digitCount >= MIN_DIGITS_FOR_DIGIT_VARIANT) {
                addVariant(variants, digits);
            }
            if (international) {
                for (String form : nationalForms(digits)) {
                    addVariant(variants, form);
                }
            }
        }
        if (containsIgnoreCase(cls, "NAME")) {
            int partStart = 0;
            for (int i = 0; i <= value.length(); i++) {
                if (i == value.length() || Character.isWhitespace(value.charAt(i)) || value.charAt(i) == ',') {
                    addVariant(variants, normalize(value, partStart, i));
                    partStart = i + 1;
                }
            }
        }
        return variants;
    }

    private static String digitsOf(String value, int count) {
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

    /** {@code upperWord} occurs in {@code s}, ignoring ASCII case. */
    private static boolean containsIgnoreCase(String s, String upperWord) {
        for (int i = 0; i + upperWord.length() <= s.length(); i++) {
            int k = 0;
            while (k < upperWord.length() && CharClasses.asciiUpper(s.charAt(i + k)) == upperWord.charAt(k)) {
                k++;
            }
            if (k == upperWord.length()) {
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
        return normalize(s, 0, s.length());
    }

    /** The letters and digits of {@code s[from, to)}, lower-cased. */
    private static String normalize(CharSequence s, int from, int to) {
        char[] folded = new char[to - from];
        int k = 0;
        for (int i = from; i < to; i++) {
            char c = FOLD[s.charAt(i)];
            if (c != 0) {
                folded[k++] = c;
            }
        }
        return new String(folded, 0, k);
    }

    private static char[] foldTable() {
        char[] fold = new char[Character.MAX_VALUE + 1];
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            char ch = (char) c;
            if (CharClasses.isHan(ch)) {
                fold[c] = ch; // ideographs have no case
            } else if (Character.isLetterOrDigit(ch)) {
                fold[c] = Character.toLowerCase(ch);
            }
        }
        return fold;
    }

    /**
     * Knuth-Morris-Pratt matcher for one variant over the folded characters, fed one character at a time; a ring of
     * the positions of the last {@code m} characters maps a match back to the original text, so nothing the size of
     * the text is allocated.
     */
    private static final class Automaton {
        private final String pattern;
        private final String typeName;
        private final int[] fail;
        private final int[] ring;
        private int slot;
        private int k;

        Automaton(String pattern, String typeName) {
            this.pattern = pattern;
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
