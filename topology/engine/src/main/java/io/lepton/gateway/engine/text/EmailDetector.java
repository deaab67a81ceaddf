package io.lepton.gateway.engine.text;

import static io.lepton.gateway.engine.text.CharClasses.isAsciiAlnum;
import static io.lepton.gateway.engine.text.CharClasses.isAsciiLetter;

import java.util.Set;

/**
 * E-mail addresses, found from their '@': the local part is scanned backwards and the domain forwards, each capped
 * at its RFC 5321 length, so a text made of nothing but '@' or of one huge token costs a bounded amount per '@'.
 * The domain needs at least two labels and an alphabetic top-level label ({@code user@localhost} and
 * {@code a@1.2} are not reported).
 */
final class EmailDetector implements Detector {
    private static final int MAX_LOCAL = 64;
    private static final int MAX_DOMAIN = 253;

    @Override
    public Set<TextPiiType> types() {
        return Set.of(TextPiiType.EMAIL);
    }

    @Override
    public Set<Trigger> triggers() {
        return Set.of(Trigger.AT_SIGN);
    }

    @Override
    public String validator() {
        return "local part <= 64, dotted domain, alphabetic TLD";
    }

    @Override
    public String oracleTest() {
        return "DetectorOracleTest";
    }

    @Override
    public int detect(CharSequence text, int at, int end, CandidateSink sink) {
        detectAt(text, at, sink);
        return -1;
    }

    private static void detectAt(CharSequence text, int at, CandidateSink sink) {
        int start = at;
        while (start > 0 && at - start < MAX_LOCAL && isLocalChar(text.charAt(start - 1))) {
            start--;
        }
        if (start > 0 && isLocalChar(text.charAt(start - 1))) {
            return; // local part longer than the RFC allows
        }
        while (start < at && text.charAt(start) == '.') {
            start++;
        }
        if (start == at || text.charAt(at - 1) == '.' || hasDoubleDot(text, start, at)) {
            return;
        }
        int n = text.length();
        int end = at + 1;
        while (end < n && end - at <= MAX_DOMAIN && isDomainChar(text.charAt(end))) {
            end++;
        }
        while (end > at + 1 && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == '-')) {
            end--;
        }
        if (end < n && (text.charAt(end) == '@' || CharClasses.isWordChar(text.charAt(end)))) {
            return;
        }
        if (validDomain(text, at + 1, end)) {
            sink.add(start, end, TextPiiType.EMAIL);
        }
    }

    private static boolean validDomain(CharSequence text, int from, int to) {
        int labels = 0;
        int labelStart = from;
        for (int i = from; i <= to; i++) {
            if (i == to || text.charAt(i) == '.') {
                int len = i - labelStart;
                if (len == 0 || len > 63 || text.charAt(labelStart) == '-' || text.charAt(i - 1) == '-') {
                    return false;
                }
                labels++;
                if (i == to) {
                    return labels >= 2 && topLevel(text, labelStart, to);
                }
                labelStart = i + 1;
            }
        }
        return false;
    }

    private static boolean topLevel(CharSequence text, int from, int to) {
        if (to - from < 2) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!isAsciiLetter(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasDoubleDot(CharSequence text, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            if (text.charAt(i) == '.' && text.charAt(i - 1) == '.') {
                return true;
            }
        }
        return false;
    }

    private static boolean isLocalChar(char c) {
        return isAsciiAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
    }

    private static boolean isDomainChar(char c) {
        return isAsciiAlnum(c) || c == '.' || c == '-';
    }
}
