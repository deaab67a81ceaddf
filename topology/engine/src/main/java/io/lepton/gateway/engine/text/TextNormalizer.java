package io.lepton.gateway.engine.text;

import static io.lepton.gateway.engine.text.CharClasses.asciiLower;
import static io.lepton.gateway.engine.text.CharClasses.isAsciiAlnum;
import static io.lepton.gateway.engine.text.CharClasses.isAsciiLetter;
import static io.lepton.gateway.engine.text.CharClasses.isDigit;

import java.util.Arrays;

/**
 * Folds the ways people and software write the same value differently, in one left-to-right pass, so the detectors
 * see one form: full-width ASCII (０-９, Ａ-Ｚ, ＠, common in Chinese, Japanese and Singapore input) and other decimal
 * digits (Devanagari, Arabic-Indic) become ASCII; zero-width characters and soft hyphens disappear; no-break, narrow
 * and ideographic spaces become spaces; a line break between two digits, or after IBAN-like groups, becomes a space
 * (a number wrapped by a mail client); percent-escapes of printable ASCII are decoded ({@code %40} in a query string); and the obfuscated e-mail
 * forms {@code name(at)host(dot)de}, {@code name [at] host.de} and {@code name at host dot de} become {@code
 * name@host.de}.
 *
 * <p>Why a separate pass rather than more cases in each detector: every detector gains every form at once, and the
 * {@link NormalizedText} map sends each detection back to the original characters, so the replacement covers the
 * original (full-width, zero-width and all). The pass is linear: each rule looks at a bounded number of characters
 * ahead (the spelled-out domain at most {@value #MAX_DOMAIN}), and text that needs no folding is returned as is,
 * without allocating.
 */
final class TextNormalizer {
    private static final int MAX_DOMAIN = 253;

    private TextNormalizer() {
    }

    static NormalizedText normalize(ScanText s) {
        if (!mayNeedFolding(s)) {
            return NormalizedText.identity(s);
        }
        Out out = new Out(s);
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c < 128) {
                i = ascii(s, i, c, out);
            } else if (c >= 0xFF01 && c <= 0xFF5E && (isFoldedFullWidth(c) || isAddressColon(s, i, out.last()))) {
                out.emit((char) (c - 0xFEE0), i, i + 1);
                i++;
            } else if (isSpace(c)) {
                out.emit(' ', i, i + 1);
                i++;
            } else if (isInvisible(c)) {
                out.drop(i);
                i++;
            } else if (c >= 0x0660 && Character.isDigit(c)) {
                out.emit((char) ('0' + Character.digit(c, 10)), i, i + 1);
                i++;
            } else {
                out.keep(i);
                i++;
            }
        }
        return out.result();
    }

    /**
     * ASCII characters at which a folding rule can start: '%' (escape), the brackets of {@code (at)}, a line break
     * (after a digit) and 'a' (of a spelled-out {@code " at "}).
     */
    private static final String ASCII_TRIGGERS = "%([{\n\raA";
    /** {@link #PRE_CHECK} classes: the character never folds, always folds, or folds in the right context. */
    private static final byte NEVER = 0;
    private static final byte ALWAYS = 1;
    private static final byte ASCII_RULE = 2;
    private static final byte FULL_WIDTH_COLON = 3;
    /**
     * The pre-check's class of every UTF-16 unit, so that the common case, a character no rule touches (every letter of
     * Latin or Chinese prose, Chinese punctuation included), costs one table read.
     */
    private static final byte[] PRE_CHECK = preCheckClasses();

    private static byte[] preCheckClasses() {
        byte[] classes = new byte[Character.MAX_VALUE + 1];
        for (int i = 0; i <= Character.MAX_VALUE; i++) {
            char c = (char) i;
            if (c < 128) {
                classes[i] = ASCII_TRIGGERS.indexOf(c) >= 0 ? ASCII_RULE : NEVER;
            } else if (c < 0x0660) {
                classes[i] = c == 0x00A0 || c == 0x00AD ? ALWAYS : NEVER;
            } else if (c >= 0xFF01 && c <= 0xFF5E) {
                // full-width punctuation of Chinese prose (，？！) alone folds nothing
                classes[i] = isFoldedFullWidth(c) ? ALWAYS : c == '\uFF1A' ? FULL_WIDTH_COLON : NEVER;
            } else {
                classes[i] = isSpace(c) || isInvisible(c) || Character.isDigit(c) ? ALWAYS : NEVER;
            }
        }
        return classes;
    }

    /**
     * A tight first pass that rules out most texts: no rule below applies anywhere (each is checked as the folding
     * pass would, at the same bounded cost), so the text is returned as it is.
     */
    private static boolean mayNeedFolding(ScanText s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            byte k = PRE_CHECK[c];
            if (k != NEVER && (k == ALWAYS || (k == ASCII_RULE ? asciiRuleApplies(s, i, c)
                : i > 0 && isAddressColon(s, i, fullWidthFolded(s.charAt(i - 1)))))) {
                return true;
            }
        }
        return false;
    }

    private static boolean asciiRuleApplies(ScanText s, int i, char c) {
        int n = s.length();
        return switch (c) {
            case '%' -> i + 2 < n && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0;
            case '(', '[', '{' -> bracketedWord(s, i) > 0;
            case '\n', '\r' -> i > 0 && (isDigit(s.charAt(i - 1)) || codeGroupsBefore(s, i));
            default -> i > 1 && s.charAt(i - 1) == ' ' && isAsciiAlnum(s.charAt(i - 2)) && word(s, i - 1, " at ")
                && spelledDomain(s, i + 3) > 0; // 'a' or 'A'
        };
    }

    private static int ascii(ScanText s, int i, char c, Out out) {
        switch (c) {
            case '%' -> {
                int v = i + 2 < s.length() ? hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)) : -1;
                if (v >= 0x20 && v < 0x7F) {
                    out.emit((char) v, i, i + 3);
                    return i + 3;
                }
            }
            case '(', '[', '{' -> {
                int len = bracketedWord(s, i);
                if (len > 0) {
                    out.emit(bracketedChar(s, i), i, i + len);
                    return i + len;
                }
            }
            case ' ' -> {
                int len = i + 1 < s.length() ? bracketedWord(s, i + 1) : 0;
                if (len > 0 && i + 1 + len < s.length() && s.charAt(i + 1 + len) == ' ' && out.lastIsLocal()) {
                    out.emit(bracketedChar(s, i + 1), i, i + len + 2);
                    return i + len + 2;
                }
                if (out.lastIsLocal() && word(s, i, " at ")) {
                    int domainEnd = spelledDomain(s, i + 4);
                    if (domainEnd > 0) {
                        out.emit('@', i, i + 4);
                        return copyDomain(s, i + 4, domainEnd, out);
                    }
                }
            }
            case '\r', '\n' -> {
                int next = c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n' ? i + 2 : i + 1;
                if (next < s.length() && ((isDigit(out.last()) && isDigitLike(s.charAt(next)))
                    || (codeGroupsBefore(s, i) && isCodeChar(s.charAt(next))))) {
                    out.emit(' ', i, next);
                    return next;
                }
            }
            default -> {
            }
        }
        out.keep(i);
        return i + 1;
    }

    /**
     * Whether the line break at {@code i} follows two space-separated groups of four upper-case letters or digits,
     * with a digit among them ("LC15 OPLG P36Y ZWDH"): an IBAN in groups, wrapped by a mail client. Prose and
     * headings do not end that way, so their line breaks (which the name cues read) are kept.
     */
    private static boolean codeGroupsBefore(ScanText s, int i) {
        if (i < 9 || s.charAt(i - 5) != ' ') {
            return false;
        }
        boolean digit = false;
        for (int k = i - 9; k < i; k++) {
            if (k == i - 5) {
                continue;
            }
            char c = s.charAt(k);
            if (!isCodeChar(c)) {
                return false;
            }
            digit |= isDigit(c);
        }
        return digit;
    }

    private static boolean isCodeChar(char c) {
        return isDigit(c) || CharClasses.isAsciiUpper(c);
    }

    /** Length of {@code (at)}, {@code [dot]}, {@code {at}}... starting at the bracket, or 0. */
    private static int bracketedWord(ScanText s, int i) {
        char open = s.charAt(i);
        char close = open == '(' ? ')' : open == '[' ? ']' : open == '{' ? '}' : 0;
        if (close == 0) {
            return 0;
        }
        if (i + 3 < s.length() && word(s, i + 1, "at") && s.charAt(i + 3) == close) {
            return 4;
        }
        if (i + 4 < s.length() && word(s, i + 1, "dot") && s.charAt(i + 4) == close) {
            return 5;
        }
        return 0;
    }

    private static char bracketedChar(ScanText s, int bracket) {
        return asciiLower(s.charAt(bracket + 1)) == 'a' ? '@' : '.';
    }

    /**
     * End of a domain written after " at " with labels joined by " dot " or '.', ending in an alphabetic top-level
     * label, e.g. "web dot de"; -1 when what follows is not such a domain (so "meet at noon" stays as it is).
     */
    private static int spelledDomain(ScanText s, int from) {
        int n = Math.min(s.length(), from + MAX_DOMAIN);
        int p = from;
        int labels = 0;
        int lastLabelStart;
        while (true) {
            lastLabelStart = p;
            while (p < n && (isAsciiAlnum(s.charAt(p)) || s.charAt(p) == '-')) {
                p++;
            }
            if (p == lastLabelStart) {
                return -1;
            }
            labels++;
            if (p + 5 <= n && word(s, p, " dot ") && p + 5 < n && isAsciiAlnum(s.charAt(p + 5))) {
                p += 5;
            } else if (p + 1 < n && s.charAt(p) == '.' && isAsciiAlnum(s.charAt(p + 1))) {
                p++;
            } else {
                break;
            }
        }
        if (labels < 2 || p - lastLabelStart < 2 || (p < s.length() && (s.charAt(p) == '@'
            || CharClasses.isWordChar(s.charAt(p))))) {
            return -1; // "reach me at jane.doe@example.com": the address follows "at", it is not spelled out
        }
        for (int k = lastLabelStart; k < p; k++) {
            if (!isAsciiLetter(s.charAt(k))) {
                return -1;
            }
        }
        return p;
    }

    private static int copyDomain(ScanText s, int from, int to, Out out) {
        int p = from;
        while (p < to) {
            if (s.charAt(p) == ' ') {
                out.emit('.', p, p + 5); // " dot "
                p += 5;
            } else {
                out.keep(p);
                p++;
            }
        }
        return to;
    }

    /** Whether {@code s} has {@code lowerWord} at {@code at}, ignoring ASCII case. */
    private static boolean word(ScanText s, int at, String lowerWord) {
        if (at + lowerWord.length() > s.length()) {
            return false;
        }
        for (int k = 0; k < lowerWord.length(); k++) {
            if (asciiLower(s.charAt(at + k)) != lowerWord.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static int hex(char c) {
        if (isDigit(c)) {
            return c - '0';
        }
        char l = asciiLower(c);
        return l >= 'a' && l <= 'f' ? l - 'a' + 10 : -1000;
    }

    private static boolean isDigitLike(char c) {
        return isDigit(c) || (c >= 0xFF10 && c <= 0xFF19);
    }

    /**
     * Full-width digits, letters and the characters values are written with (@ + - . / ( ) #); full-width
     * punctuation of ordinary Chinese prose (，：！) is left alone, so such text is usually returned unfolded.
     */
    private static boolean isFoldedFullWidth(char c) {
        char ascii = (char) (c - 0xFEE0);
        return CharClasses.isAsciiAlnum(ascii) || "@+-./()#".indexOf(ascii) >= 0;
    }

    /**
     * A full-width colon inside a full-width IPv6 address ({@code ２００１：ｄｂ８：：１}): after a hex digit or another
     * colon and before a hex digit or colon. A colon after an ideograph ("电话：") is prose punctuation and stays.
     */
    private static char fullWidthFolded(char c) {
        return c >= 0xFF01 && c <= 0xFF5E && isFoldedFullWidth(c) ? (char) (c - 0xFEE0) : c;
    }

    private static boolean isAddressColon(ScanText s, int i, char last) {
        if (s.charAt(i) != '\uFF1A' || i + 1 >= s.length() || !(CharClasses.isHex(last) || last == ':')) {
            return false;
        }
        char next = s.charAt(i + 1);
        char folded = next >= 0xFF01 && next <= 0xFF5E ? (char) (next - 0xFEE0) : next;
        return CharClasses.isHex(folded) || folded == ':';
    }

    private static boolean isSpace(char c) {
        return c == 0x00A0 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F || c == 0x3000;
    }

    private static boolean isInvisible(char c) {
        return (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF || c == 0x00AD;
    }

    /** The folded text under construction; allocated at the first character that changes. */
    private static final class Out {
        private final ScanText original;
        private char[] folded;
        private int[] from;
        private int[] to;
        private int size;
        private char last;

        Out(ScanText original) {
            this.original = original;
        }

        char last() {
            return last;
        }

        boolean lastIsLocal() {
            return isAsciiAlnum(last);
        }

        void keep(int i) {
            char c = original.charAt(i);
            if (folded != null) {
                append(c, i, i + 1);
            }
            last = c;
        }

        void emit(char c, int start, int end) {
            start(start);
            append(c, start, end);
            last = c;
        }

        void drop(int i) {
            start(i);
        }

        private void start(int at) {
            if (folded == null) {
                int capacity = original.length();
                folded = new char[capacity];
                from = new int[capacity];
                to = new int[capacity];
                for (int k = 0; k < at; k++) {
                    append(original.charAt(k), k, k + 1);
                }
            }
        }

        private void append(char c, int start, int end) {
            folded[size] = c;
            from[size] = start;
            to[size] = end;
            size++;
        }

        NormalizedText result() {
            return folded == null ? NormalizedText.identity(original)
                : NormalizedText.mapped(ScanText.wrap(Arrays.copyOf(folded, size)), from, to);
        }
    }
}
