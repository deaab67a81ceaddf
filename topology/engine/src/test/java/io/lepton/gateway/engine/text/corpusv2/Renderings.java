package io.lepton.gateway.engine.text.corpusv2;

import java.util.Locale;
import java.util.Random;

/**
 * Layout transforms that people (or their keyboards and apps) apply to a value: grouping, full-width forms, invisible
 * characters, no-break spaces, line breaks. Each returns the text as it would appear in the message; the span label
 * covers all of it.
 */
public final class Renderings {

    private Renderings() {
    }

    /** Splits {@code s} into groups of the given sizes joined by {@code sep} (sizes beyond the end are ignored). */
    public static String group(String s, String sep, int... sizes) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (int size : sizes) {
            if (at >= s.length()) {
                break;
            }
            if (at > 0) {
                out.append(sep);
            }
            out.append(s, at, Math.min(s.length(), at + size));
            at += size;
        }
        if (at < s.length()) {
            out.append(sep).append(s.substring(at));
        }
        return out.toString();
    }

    /** Groups of four, the usual print form of cards, IBANs and Aadhaar numbers. */
    public static String fours(String s, String sep) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i += 4) {
            if (i > 0) {
                out.append(sep);
            }
            out.append(s, i, Math.min(s.length(), i + 4));
        }
        return out.toString();
    }

    /** ASCII letters, digits and punctuation as their full-width forms (U+FF01..U+FF5E), as CJK IMEs type them. */
    public static String fullWidth(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            out.append(c > 0x20 && c < 0x7f ? (char) (c + 0xFEE0) : c);
        }
        return out.toString();
    }

    /** One invisible character (ZWSP, ZWNJ, word joiner or BOM) between two letters or digits in the middle. */
    public static String zeroWidth(String s, Random random) {
        String[] invisible = {"\u200B", "\u200C", "\u2060", "\uFEFF"};
        int mid = s.length() / 2;
        for (int d = 0; d < s.length(); d++) {
            for (int at : new int[] {mid + d, mid - d}) {
                if (at > 0 && at < s.length() && Character.isLetterOrDigit(s.charAt(at - 1))
                        && Character.isLetterOrDigit(s.charAt(at))) {
                    return s.substring(0, at) + invisible[random.nextInt(invisible.length)] + s.substring(at);
                }
            }
        }
        return s;
    }

    /** Spaces as NO-BREAK SPACE or NARROW NO-BREAK SPACE (what word processors and French locales insert). */
    public static String noBreakSpaces(String s, Random random) {
        return s.replace(' ', random.nextBoolean() ? '\u00A0' : '\u202F');
    }

    /** The space nearest the middle replaced by a line break, as a wrapped e-mail or chat bubble leaves it. */
    public static String lineBreak(String s) {
        int mid = s.length() / 2;
        for (int d = 0; d < s.length(); d++) {
            for (int at : new int[] {mid + d, mid - d}) {
                if (at > 0 && at < s.length() && s.charAt(at) == ' ') {
                    return s.substring(0, at) + "\n" + s.substring(at + 1);
                }
            }
        }
        return s;
    }

    public static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    public static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }
}
