package io.lepton.gateway.engine.text;

/**
 * Widens a detected IP address over the port written after it ({@code 203.0.113.7:8443},
 * {@code [2001:db8::1]:443}), so the scrubber replaces the endpoint as one span: an address replaced without its
 * brackets and port leaves a fragment ({@code [[IP_ADDRESS]]:443}) that still tells which service a person used, and
 * a bracketed IPv6 address is only an address together with its brackets.
 */
final class IpPort {
    private static final int MAX_PORT = 65_535;
    private static final int MAX_PORT_DIGITS = 5;

    private IpPort() {
    }

    /** Reports {@code [start, end)} as an IP address, widened over brackets and a {@code :port}; returns the end. */
    static int add(CharSequence text, int start, int end, CandidateSink sink) {
        int s = start;
        int e = end;
        if (s > 0 && e < text.length() && text.charAt(s - 1) == '[' && text.charAt(e) == ']') {
            s--;
            e++;
        }
        e = portEnd(text, e);
        sink.add(s, e, TextPiiType.IP_ADDRESS);
        return e;
    }

    /** The end of {@code :port} at {@code at} (1-5 digits up to 65535, then no more word characters), or {@code at}. */
    private static int portEnd(CharSequence text, int at) {
        int n = text.length();
        if (at + 1 >= n || text.charAt(at) != ':') {
            return at;
        }
        int p = at + 1;
        int port = 0;
        while (p < n && p - at <= MAX_PORT_DIGITS && CharClasses.isDigit(text.charAt(p))) {
            port = port * 10 + text.charAt(p) - '0';
            p++;
        }
        boolean ends = p >= n || !CharClasses.isWordChar(text.charAt(p));
        return p > at + 1 && p - at - 1 <= MAX_PORT_DIGITS && ends && port <= MAX_PORT ? p : at;
    }
}
