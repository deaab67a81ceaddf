package io.lepton.gateway.engine.text;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds a record's linked values in its free text, tolerant to simple variants: case, whitespace and punctuation are
 * ignored (both sides are reduced to lower-case letters and digits), a value with many digits is also searched for
 * by its digits alone, an international phone also by its national forms, and a name also by each of its parts.
 *
 * <p>Matches must start and end at word boundaries of the original text (except next to CJK characters, which have
 * none), and variants shorter than {@value #MIN_LENGTH} characters are ignored, so "Al" does not scrub "also".
 * Variants longer than {@value #MAX_LENGTH} characters are not searched. Each variant is found with Knuth-Morris-
 * Pratt over the text in place, so the cost is linear in the text length per variant and the memory is
 * proportional to the variant, not to the text.
 */
final class LinkedValueMatcher {
    static final int MIN_LENGTH = 3;
    static final int MAX_LENGTH = 256;
    private static final int MIN_DIGITS_FOR_DIGIT_VARIANT = 6;
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private LinkedValueMatcher() {
    }

    static List<TypedSpan> find(CharSequence text, List<LinkedValue> linked) {
        List<TypedSpan> found = new ArrayList<>();
        for (LinkedValue value : linked) {
            for (String variant : variants(value)) {
                search(text, variant, value.piiClass(), found);
            }
        }
        return found;
    }

    static Set<String> variants(LinkedValue linked) {
        Set<String> variants = new LinkedHashSet<>();
        String value = linked.value();
        String cls = linked.piiClass().toUpperCase(Locale.ROOT);
        String full = normalize(value);
        variants.add(full);
        StringBuilder digits = new StringBuilder();
        value.chars().filter(c -> c >= '0' && c <= '9').forEach(c -> digits.append((char) c));
        if (digits.length() >= MIN_DIGITS_FOR_DIGIT_VARIANT) {
            variants.add(digits.toString());
        }
        if (cls.contains("PHONE") && value.trim().startsWith("+")) {
            variants.addAll(nationalForms(digits.toString()));
        }
        if (cls.contains("NAME")) {
            int partStart = 0;
            for (int i = 0; i <= value.length(); i++) {
                if (i == value.length() || Character.isWhitespace(value.charAt(i)) || value.charAt(i) == ',') {
                    variants.add(normalize(value.substring(partStart, i)));
                    partStart = i + 1;
                }
            }
        }
        variants.removeIf(v -> v.length() < MIN_LENGTH || v.length() > MAX_LENGTH);
        return variants;
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
                String trunk = PHONES.getNddPrefixForRegion(region, true);
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
     * KMP over the text's letters and digits, lower-cased on the fly, so nothing the size of the text is allocated;
     * a ring of the positions of the last {@code m} letters and digits maps a match back to the original text.
     */
    private static void search(CharSequence text, String pattern, String typeName, List<TypedSpan> out) {
        int m = pattern.length();
        int[] fail = new int[m];
        for (int i = 1, k = 0; i < m; i++) {
            while (k > 0 && pattern.charAt(i) != pattern.charAt(k)) {
                k = fail[k - 1];
            }
            if (pattern.charAt(i) == pattern.charAt(k)) {
                k++;
            }
            fail[i] = k;
        }
        int[] ring = new int[m];
        int slot = 0;
        int k = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = fold(text.charAt(i));
            if (c == 0) {
                continue;
            }
            ring[slot] = i;
            slot = slot + 1 == m ? 0 : slot + 1;
            while (k > 0 && c != pattern.charAt(k)) {
                k = fail[k - 1];
            }
            if (c == pattern.charAt(k)) {
                k++;
            }
            if (k == m) {
                int start = ring[slot]; // the oldest of the last m positions
                int end = i + 1;
                if (boundary(text, start - 1, start) && boundary(text, end, end - 1)) {
                    out.add(new TypedSpan(start, end, typeName, 1));
                }
                k = fail[k - 1];
            }
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
