package io.lepton.gateway.engine.text;

/**
 * Character predicates shared by the detectors. A "word" character is an ASCII letter or digit or a Latin-1/Latin
 * Extended-A letter: CJK characters are deliberately not word characters, because Chinese text writes numbers and
 * e-mail addresses directly against ideographs with no space in between.
 */
final class CharClasses {
    private CharClasses() {
    }

    static boolean isWordChar(char c) {
        if (c < 128) {
            return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }
        return c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAsciiUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    static boolean isAsciiLower(char c) {
        return c >= 'a' && c <= 'z';
    }

    static boolean isAsciiLetter(char c) {
        return isAsciiUpper(c) || isAsciiLower(c);
    }

    static boolean isAsciiAlnum(char c) {
        return isDigit(c) || isAsciiLetter(c);
    }

    static boolean isHex(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    static boolean isHan(char c) {
        return c >= 0x4E00 && c <= 0x9FFF;
    }

    static char asciiUpper(char c) {
        return isAsciiLower(c) ? (char) (c - 32) : c;
    }

    static char asciiLower(char c) {
        return isAsciiUpper(c) ? (char) (c + 32) : c;
    }

    /** Index just past the run of word characters starting at {@code from}. */
    static int wordEnd(CharSequence text, int from) {
        int i = from;
        int n = text.length();
        while (i < n && isWordChar(text.charAt(i))) {
            i++;
        }
        return i;
    }

    static boolean allDigits(CharSequence text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the (ASCII case-insensitive) text ending at {@code end} and starting no earlier than {@code end - window}
     * contains {@code cue}, written in lower case. Bounded by {@code window * cue.length()}.
     */
    static boolean windowContains(CharSequence text, int end, int window, String cue) {
        int from = Math.max(0, end - window);
        int last = end - cue.length();
        for (int s = from; s <= last; s++) {
            int k = 0;
            while (k < cue.length() && asciiLower(text.charAt(s + k)) == cue.charAt(k)) {
                k++;
            }
            if (k == cue.length()) {
                return true;
            }
        }
        return false;
    }
}
