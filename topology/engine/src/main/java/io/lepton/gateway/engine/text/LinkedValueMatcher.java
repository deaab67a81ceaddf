package io.lepton.gateway.engine.text;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
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
        if (cls.contains("PHONE") && value.trim().startsWith("+") && value.length() <= 64) {
            try {
                PhoneNumber number = PHONES.parse(value, "ZZ");
                String nsn = PHONES.getNationalSignificantNumber(number);
                variants.add(nsn);
                String trunk = PHONES.getNddPrefixForRegion(PHONES.getRegionCodeForNumber(number), true);
                if (trunk != null) {
                    variants.add(trunk + nsn);
                }
            } catch (NumberParseException e) {
                // not a parseable phone: the full and digit variants still apply
            }
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

    static String normalize(CharSequence s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }

    /**
     * KMP over the text's letters and digits, lower-cased on the fly; a ring of the last {@code m} matched
     * characters' positions maps a match back to the original text without copying it.
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
        int[] positions = new int[m];
        int seen = 0;
        int k = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                continue;
            }
            c = Character.toLowerCase(c);
            positions[seen++ % m] = i;
            while (k > 0 && c != pattern.charAt(k)) {
                k = fail[k - 1];
            }
            if (c == pattern.charAt(k)) {
                k++;
            }
            if (k == m) {
                int start = positions[seen % m];
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
