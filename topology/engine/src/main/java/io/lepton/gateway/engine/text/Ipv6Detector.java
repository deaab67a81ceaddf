package io.lepton.gateway.engine.text;

import static io.lepton.gateway.engine.text.CharClasses.isDigit;
import static io.lepton.gateway.engine.text.CharClasses.isHex;

import java.util.EnumSet;
import java.util.Set;

/**
 * IPv6 addresses (RFC 4291 text forms: eight groups, one "::" compression, optional dotted IPv4 tail). Clock times
 * ({@code 10:30:45}) and MAC addresses ({@code 00:1A:2B:3C:4D:5E}) have too few groups and no "::", so they fail.
 * The token is capped at {@value #MAX_TOKEN} characters.
 */
final class Ipv6Detector implements Detector {
    private static final int MAX_TOKEN = 45;

    @Override
    public Set<TextPiiType> types() {
        return Set.of(TextPiiType.IP_ADDRESS);
    }

    @Override
    public Set<Trigger> triggers() {
        return EnumSet.of(Trigger.WORD, Trigger.DOUBLE_COLON);
    }

    @Override
    public String validator() {
        return "RFC 4291 text forms: eight groups or one '::', optional IPv4 tail";
    }

    @Override
    public String oracleTest() {
        return "DetectorOracleTest";
    }

    /** A word followed by ':' (not itself after a ':'), or a "::"; returns the address end or -1. */
    @Override
    public int detect(CharSequence text, int start, int end, CandidateSink sink) {
        if (text.charAt(start) != ':' && (end >= text.length() || text.charAt(end) != ':'
            || !isHex(text.charAt(start)) || (start > 0 && text.charAt(start - 1) == ':'))) {
            return -1;
        }
        return detect(text, start, sink);
    }

    /** Tries an address starting at {@code start}; returns its end, or -1 when there is none. */
    static int detect(CharSequence text, int start, CandidateSink sink) {
        int n = text.length();
        int end = start;
        while (end < n && end - start <= MAX_TOKEN && (isHex(text.charAt(end)) || text.charAt(end) == ':'
            || text.charAt(end) == '.')) {
            end++;
        }
        if (end - start > MAX_TOKEN || (end < n && CharClasses.isWordChar(text.charAt(end)))) {
            return -1;
        }
        while (end > start && text.charAt(end - 1) == '.') {
            end--;
        }
        if (end - start >= 2 && text.charAt(end - 1) == ':' && text.charAt(end - 2) != ':') {
            end--;
        }
        if (valid(text, start, end)) {
            return IpPort.add(text, start, end, sink);
        }
        return -1;
    }

    static boolean valid(CharSequence t, int from, int to) {
        int groups = 0;
        boolean compressed = false;
        int i = from;
        if (to - from >= 2 && t.charAt(i) == ':' && t.charAt(i + 1) == ':') {
            compressed = true;
            i += 2;
        }
        while (i < to) {
            int gs = i;
            while (i < to && isHex(t.charAt(i)) && i - gs < 5) {
                i++;
            }
            if (i < to && t.charAt(i) == '.') {
                if (!ipv4(t, gs, to)) {
                    return false;
                }
                groups += 2;
                break;
            }
            if (i == gs || i - gs > 4) {
                return false;
            }
            groups++;
            if (i == to) {
                break;
            }
            if (t.charAt(i) != ':') {
                return false;
            }
            i++;
            if (i < to && t.charAt(i) == ':') {
                if (compressed) {
                    return false;
                }
                compressed = true;
                i++;
            } else if (i == to) {
                return false;
            }
        }
        return compressed ? groups >= 1 && groups <= 7 : groups == 8;
    }

    private static boolean ipv4(CharSequence t, int from, int to) {
        int parts = 0;
        int i = from;
        while (i < to) {
            int ps = i;
            while (i < to && isDigit(t.charAt(i)) && i - ps < 4) {
                i++;
            }
            if (i == ps || i - ps > 3 || IdentifierRules.num(t, ps, i) > 255) {
                return false;
            }
            parts++;
            if (i < to) {
                if (t.charAt(i) != '.') {
                    return false;
                }
                i++;
                if (i == to) {
                    return false;
                }
            }
        }
        return parts == 4;
    }
}
