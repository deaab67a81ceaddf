package io.lepton.gateway.engine.text.corpusv2;

import io.lepton.gateway.engine.text.FreeTextScrubber;
import io.lepton.gateway.engine.text.Replacer;
import io.lepton.gateway.engine.text.ScrubResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Scrubs a text and recovers exactly which original characters were replaced, and as which type.
 *
 * <p>The replacer hands out numbered private-use sentinels and remembers each call's (type, matched text); the output
 * is then the input's kept stretches interleaved with sentinels, so walking it maps every replaced span back to its
 * original offsets. A walk that does not reproduce the input fails loudly rather than mis-scoring.
 */
public final class ScrubAudit {

    private static final char OPEN = '\uE000';
    private static final char CLOSE = '\uE001';

    /** One replaced stretch {@code [start, end)} of the original text and the type name it was replaced as. */
    public record Removed(int start, int end, String type) {
    }

    private ScrubAudit() {
    }

    public static List<Removed> scrub(FreeTextScrubber scrubber, String text) {
        if (text.indexOf(OPEN) >= 0 || text.indexOf(CLOSE) >= 0) {
            throw new IllegalArgumentException("corpus text uses the audit's sentinel characters");
        }
        List<String[]> calls = new ArrayList<>();
        Replacer replacer = (type, matched) -> {
            synchronized (calls) {
                calls.add(new String[] {type, matched});
                return OPEN + String.valueOf(calls.size() - 1) + CLOSE;
            }
        };
        ScrubResult result = scrubber.scrub(text, List.of(), replacer);
        String out = result.text();
        List<Removed> removed = new ArrayList<>();
        int o = 0;
        int pos = 0;
        while (true) {
            int open = out.indexOf(OPEN, o);
            String kept = out.substring(o, open < 0 ? out.length() : open);
            if (!text.startsWith(kept, pos)) {
                throw new IllegalStateException("scrub output is not the input with spans replaced");
            }
            pos += kept.length();
            if (open < 0) {
                break;
            }
            int close = out.indexOf(CLOSE, open);
            String[] call = calls.get(Integer.parseInt(out.substring(open + 1, close)));
            o = close + 1;
            int end;
            if (text.startsWith(call[1], pos)) {
                end = pos + call[1].length();
            } else {
                int next = out.indexOf(OPEN, o);
                String following = out.substring(o, next < 0 ? out.length() : next);
                end = following.isEmpty() ? text.length() : text.indexOf(following, pos + 1);
            }
            removed.add(new Removed(pos, end, call[0]));
            pos = end;
        }
        if (pos != text.length() && !result.truncated()) {
            throw new IllegalStateException("scrub output lost the end of the input");
        }
        return removed;
    }

    /** Whether every letter and digit of {@code [start, end)} lies inside a removed stretch. */
    public static boolean fullyRemoved(String text, int start, int end, List<Removed> removed) {
        return survivingAlnum(text, start, end, removed) == 0;
    }

    /** Letters and digits of {@code [start, end)} that no removed stretch covers. */
    public static int survivingAlnum(String text, int start, int end, List<Removed> removed) {
        int surviving = 0;
        for (int i = start; i < end; i++) {
            if (Character.isLetterOrDigit(text.charAt(i)) && !covered(i, removed)) {
                surviving++;
            }
        }
        return surviving;
    }

    /** Letters and digits of {@code [start, end)}. */
    public static int alnum(String text, int start, int end) {
        int n = 0;
        for (int i = start; i < end; i++) {
            n += Character.isLetterOrDigit(text.charAt(i)) ? 1 : 0;
        }
        return n;
    }

    private static boolean covered(int i, List<Removed> removed) {
        for (Removed r : removed) {
            if (i >= r.start() && i < r.end()) {
                return true;
            }
        }
        return false;
    }
}
