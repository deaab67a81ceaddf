package io.lepton.gateway.engine.text;

/**
 * A fixed list of context cues (lower case, matched ignoring ASCII case) searched for in the window of text before a
 * candidate, each cue starting a word unless built with {@link #anywhere}. One pass over the window: only positions
 * whose character starts some cue are compared, so the cost is the window length plus the few real comparisons, not
 * window length times the number of cues.
 */
final class WordCues {
    private final String[] cues;
    private final boolean[] startsCue = new boolean[0x10000];
    private final boolean atWordStart;

    /** Cues that must start a word: not preceded by a letter or digit when they begin with one. */
    WordCues(String... cues) {
        this(true, cues);
    }

    private WordCues(boolean atWordStart, String... cues) {
        this.atWordStart = atWordStart;
        this.cues = cues.clone();
        for (String cue : cues) {
            startsCue[cue.charAt(0)] = true;
        }
    }

    /** Cues found wherever they occur, also inside a word. */
    static WordCues anywhere(String... cues) {
        return new WordCues(false, cues);
    }

    /** Whether a cue starts within the {@code window} characters before {@code end} and ends by {@code end}. */
    boolean foundBefore(CharSequence text, int end, int window) {
        for (int s = Math.max(0, end - window); s < end; s++) {
            char c = CharClasses.asciiLower(text.charAt(s));
            if (!startsCue[c] || (atWordStart && s > 0 && Character.isLetterOrDigit(text.charAt(s - 1))
                && Character.isLetterOrDigit(c))) {
                continue;
            }
            for (String cue : cues) {
                if (cue.charAt(0) == c && s + cue.length() <= end && matches(text, s, cue)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean matches(CharSequence text, int from, String cue) {
        for (int k = 1; k < cue.length(); k++) {
            if (CharClasses.asciiLower(text.charAt(from + k)) != cue.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
