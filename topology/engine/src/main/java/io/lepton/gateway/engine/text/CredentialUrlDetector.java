package io.lepton.gateway.engine.text;

import static io.lepton.gateway.engine.text.CharClasses.asciiLower;
import static io.lepton.gateway.engine.text.CharClasses.isAsciiAlnum;
import static io.lepton.gateway.engine.text.CharClasses.isAsciiLetter;

import java.util.Set;

/**
 * URLs that carry a secret: a password in the user info ({@code scheme://user:pass@host}), a long bare token as user
 * info ({@code https://ghp_xxx@github.com}), or a query/fragment parameter whose name says it is a credential
 * ({@code token}, {@code api_key}, {@code X-Amz-Signature}, {@code *_secret}...). The whole URL is the span, since
 * the host and path around a leaked token identify whose token it is. URLs are cut at {@value #MAX_URL} characters.
 */
final class CredentialUrlDetector implements Detector {
    static final int MAX_URL = 2048;
    private static final int MAX_SCHEME = 32;
    private static final int MIN_BARE_TOKEN = 20;
    private static final Set<String> SECRET_PARAMS = Set.of("token", "access_token", "refresh_token", "id_token",
        "api_key", "apikey", "key", "secret", "client_secret", "password", "passwd", "pwd", "pass", "auth",
        "sig", "signature", "session", "sessionid", "sid", "jwt", "code", "x-amz-signature", "x-amz-credential",
        "x-amz-security-token", "private_token", "senha");

    @Override
    public Set<TextPiiType> types() {
        return Set.of(TextPiiType.CREDENTIAL_URL);
    }

    @Override
    public Set<Trigger> triggers() {
        return Set.of(Trigger.URL_SCHEME);
    }

    @Override
    public String validator() {
        return "password in the user info, or a token/key/secret/signature query parameter";
    }

    @Override
    public String oracleTest() {
        return "FreeTextScannerTest";
    }

    /**
     * Examines the URL whose "://" starts at {@code colon}, unless an earlier URL already covered it; never claims the
     * text, so the values inside a URL ({@code ?cc=}, {@code tel:}) are still scanned.
     */
    @Override
    public int detect(CharSequence text, int colon, int end, CandidateSink sink) {
        if (colon >= sink.urlScannedUntil()) {
            sink.urlScannedUntil(detectAt(text, colon, sink));
        }
        return -1;
    }

    /** {@code colon} indexes the ':' of "://"; returns the index up to which the URL has been examined. */
    private static int detectAt(CharSequence text, int colon, CandidateSink sink) {
        int start = colon;
        while (start > 0 && colon - start < MAX_SCHEME && isSchemeChar(text.charAt(start - 1))) {
            start--;
        }
        while (start < colon && !isAsciiLetter(text.charAt(start))) {
            start++;
        }
        int n = text.length();
        int end = colon + 3;
        while (end < n && end - start < MAX_URL && isUrlChar(text.charAt(end))) {
            end++;
        }
        int scanned = end;
        while (end > colon + 3 && ".,;:!?)]'".indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        if (start < colon && hasCredential(text, colon + 3, end)) {
            sink.add(start, end, TextPiiType.CREDENTIAL_URL);
        }
        return scanned;
    }

    private static boolean hasCredential(CharSequence text, int from, int to) {
        int authorityEnd = from;
        while (authorityEnd < to && "/?#".indexOf(text.charAt(authorityEnd)) < 0) {
            authorityEnd++;
        }
        int at = -1;
        for (int i = from; i < authorityEnd; i++) {
            if (text.charAt(i) == '@') {
                at = i;
            }
        }
        if (at > from) {
            for (int i = from; i < at; i++) {
                if (text.charAt(i) == ':' && i + 1 < at) {
                    return true;
                }
            }
            if (at - from >= MIN_BARE_TOKEN) {
                return true;
            }
        }
        int i = authorityEnd;
        while (i < to) {
            char c = text.charAt(i);
            if (c == '?' || c == '&' || c == ';' || c == '#') {
                int nameStart = i + 1;
                int eq = nameStart;
                while (eq < to && "=&;#".indexOf(text.charAt(eq)) < 0) {
                    eq++;
                }
                if (eq < to && text.charAt(eq) == '=' && eq + 1 < to && "&;#".indexOf(text.charAt(eq + 1)) < 0
                    && secretName(text, nameStart, eq)) {
                    return true;
                }
                i = eq;
            } else {
                i++;
            }
        }
        return false;
    }

    private static boolean secretName(CharSequence text, int from, int to) {
        if (to - from > 40 || to == from) {
            return false;
        }
        StringBuilder name = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            name.append(asciiLower(text.charAt(i)));
        }
        String s = name.toString();
        return SECRET_PARAMS.contains(s) || s.endsWith("_token") || s.endsWith("_secret") || s.endsWith("_key")
            || s.endsWith("password");
    }

    private static boolean isSchemeChar(char c) {
        return isAsciiAlnum(c) || c == '+' || c == '.' || c == '-';
    }

    private static boolean isUrlChar(char c) {
        return c > 0x20 && c < 0x7F && "<>\"`{}|\\^".indexOf(c) < 0;
    }
}
