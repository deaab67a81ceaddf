package io.lepton.gateway.engine.text;

import static io.lepton.gateway.engine.text.CharClasses.isDigit;
import static io.lepton.gateway.engine.text.CharClasses.isWordChar;

import java.util.EnumSet;
import java.util.Set;

/**
 * Detects the numeric identifiers written as digit groups joined by short separators: payment cards, national ids
 * (SSN, Aadhaar, CPF, CNPJ, Chinese resident id), IPv4 addresses, phone numbers and numeric dates of birth.
 *
 * <p>A run is a sequence of all-digit words joined by one to three separator characters ({@code space - . / ( )}).
 * Every candidate is a window of at most {@value #MAX_GROUPS} consecutive groups and {@value #MAX_DIGITS} digits, and
 * a run is processed in chunks of {@value #CHUNK} groups, so a megabyte of digits costs a bounded amount of work per
 * group and bounded memory. Each format is checked against its own written shape (a CPF is 11 digits or
 * {@code 000.000.000-00}, never an arbitrary slice of a longer number), which is what keeps a phone number's digits
 * from also being reported as a CPF.
 */
final class DigitRunDetector implements Detector {
    static final int MAX_GROUPS = 6;
    static final int MAX_DIGITS = 19;
    /** One group more than {@link #MAX_GROUPS}: "+33 (0)6 12 34 56 78" writes the trunk zero as a group of its own. */
    private static final int MAX_PHONE_GROUPS = MAX_GROUPS + 1;
    private static final int CHUNK = 64;
    private static final int MAX_SEPARATOR = 3;
    /** The shortest lone digit group anything can match: a 7-digit phone number. */
    private static final int MIN_STANDALONE_DIGITS = 7;
    /**
     * Words that, just before a number, say it is a business reference rather than a phone number (checked at word
     * starts). They only ever stop a phone number, which has no checksum: a checksum-valid card, CPF or Aadhaar is
     * reported whatever label precedes it ("card # 4111...", "Aadhaar no. ...").
     */
    private static final WordCues PHONE_NEGATIVE_CUES = new WordCues("order", "invoice", "ticket", "ref", "tracking",
        "pedido", "protocolo", "booking", "transaction", "txn", "nota", "batch", "case", "aktenzeichen", "vorgang", "bestell",
        "rechnung", "kundennummer", "id", "cpf", "cnpj", "ssn", "aadhaar", "nric", "iban", "card", "订单", "单号",
        "身份证", "#", "no.", "nº");
    /** Words that say a number is a phone number; within {@value #PHONE_CUE_WINDOW} characters they override those. */
    private static final WordCues PHONE_CUES = new WordCues("phone", "mobile", "tel", "call", "cell", "whatsapp",
        "contact", "handy", "telefon", "rufnummer", "mobil", "celular", "telefone", "fone", "zap", "ligue", "mob", "ph:",
        "sms", "text me", "reach me", "电话", "手机", "联系", "致电");
    private static final int PHONE_CUE_WINDOW = 32;
    private static final WordCues SSN_CUES = new WordCues("ssn", "social security", "ss#", "soc sec", "social sec");
    /** Long enough for "his social security number is " before the number. */
    private static final int SSN_CUE_WINDOW = 48;

    private final PhoneRules phones;
    private final DateOfBirthDetector dates;

    DigitRunDetector(PhoneRules phones, DateOfBirthDetector dates) {
        this.phones = phones;
        this.dates = dates;
    }

    @Override
    public Set<TextPiiType> types() {
        return EnumSet.of(TextPiiType.PAYMENT_CARD, TextPiiType.IN_AADHAAR, TextPiiType.BR_CPF, TextPiiType.BR_CNPJ,
            TextPiiType.US_SSN, TextPiiType.CN_RESIDENT_ID, TextPiiType.IP_ADDRESS, TextPiiType.PHONE,
            TextPiiType.DATE_OF_BIRTH);
    }

    @Override
    public Set<Trigger> triggers() {
        return Set.of(Trigger.WORD);
    }

    @Override
    public String validator() {
        return "Luhn + issuer range; Verhoeff; mod 11 (CPF, CNPJ, GB 11643); SSN ranges; libphonenumber plans";
    }

    @Override
    public String oracleTest() {
        return "DetectorOracleTest";
    }

    /** {@code [start, firstEnd)} is a word; claims it when it is all digits and returns where scanning resumes. */
    @Override
    public int detect(CharSequence text, int start, int firstEnd, CandidateSink sink) {
        if (!CharClasses.allDigits(text, start, firstEnd)) {
            return -1;
        }
        int n = text.length();
        if (firstEnd < n && text.charAt(firstEnd) == '年') {
            return dates.detectChineseDate(text, start, firstEnd, sink);
        }
        int spelledDateEnd = dates.detectDayMonthYear(text, start, firstEnd, sink);
        if (spelledDateEnd > 0) {
            return spelledDateEnd;
        }
        if (firstEnd - start < MIN_STANDALONE_DIGITS && !digitGroupFollows(text, firstEnd)) {
            return firstEnd; // a short lone number ("3 items", "250 ml"): nothing can match
        }
        int[] gs = new int[CHUNK];
        int[] ge = new int[CHUNK];
        gs[0] = start;
        ge[0] = firstEnd;
        int g = 1;
        while (g < CHUNK) {
            int p = ge[g - 1];
            int q = p;
            while (q < n && q - p < MAX_SEPARATOR && isSeparator(text.charAt(q))) {
                q++;
            }
            if (q == p || q >= n || !isDigit(text.charAt(q))) {
                break;
            }
            int we = CharClasses.wordEnd(text, q);
            if (!CharClasses.allDigits(text, q, we)) {
                break;
            }
            gs[g] = q;
            ge[g] = we;
            g++;
        }
        if (g == 1 && firstEnd - start < MIN_STANDALONE_DIGITS) {
            return firstEnd; // a short lone number ("3 items", "250 ml"): nothing can match
        }
        boolean chunkFull = g == CHUNK;
        int startLimit = chunkFull ? CHUNK - MAX_GROUPS + 1 : g;
        new Run(text, gs, ge, g, sink).evaluate(startLimit, !chunkFull);
        return chunkFull ? gs[startLimit] : ge[g - 1];
    }

    /** Whether one to three separators and a digit follow {@code end}, i.e. the run has a second group. */
    private static boolean digitGroupFollows(CharSequence text, int end) {
        int q = end;
        while (q < text.length() && q - end < MAX_SEPARATOR && isSeparator(text.charAt(q))) {
            q++;
        }
        return q > end && q < text.length() && isDigit(text.charAt(q));
    }

    static boolean isSeparator(char c) {
        return c == ' ' || c == '-' || c == '.' || c == '/' || c == '(' || c == ')' || c == '\u00A0';
    }

    /** One chunk of groups and the candidate windows over it. */
    private final class Run {
        private final CharSequence text;
        private final int[] gs;
        private final int[] ge;
        private final int g;
        private final CandidateSink sink;
        private final int[] digitPrefix;
        private final String[] seps;
        private final StringBuilder digits = new StringBuilder(MAX_DIGITS);
        private final boolean leftOpen;
        private final boolean rightOpen;
        private final boolean plusPrefixed;
        private final boolean cardLike;

        Run(CharSequence text, int[] gs, int[] ge, int g, CandidateSink sink) {
            this.text = text;
            this.gs = gs;
            this.ge = ge;
            this.g = g;
            this.sink = sink;
            this.digitPrefix = new int[g + 1];
            this.seps = new String[g];
            for (int k = 0; k + 1 < g; k++) {
                seps[k] = separator(ge[k], gs[k + 1]);
            }
            for (int k = 0; k < g; k++) {
                digitPrefix[k + 1] = digitPrefix[k] + (ge[k] - gs[k]);
            }
            this.leftOpen = glued(gs[0] - 1, gs[0] - 2);
            this.rightOpen = glued(ge[g - 1], ge[g - 1] + 1) && !urlHostBeforePath() && !hyphenatedLabelAfter();
            this.plusPrefixed = gs[0] > 0 && text.charAt(gs[0] - 1) == '+';
            this.cardLike = g >= 3 && cardGrouping(0, g - 1) && uniformSeparator(0, g - 1, " ", "-") != null;
        }

        /** Whether the run is the host of a URL ("http://192.0.2.1/admin") and the '/' after it starts the path. */
        private boolean urlHostBeforePath() {
            int host = gs[0];
            int end = ge[g - 1];
            return host >= 3 && text.charAt(host - 1) == '/' && text.charAt(host - 2) == '/'
                && text.charAt(host - 3) == ':' && end < text.length() && text.charAt(end) == '/';
        }

        /**
         * Whether the run is followed by a hyphen and a word of letters only ("+1 201-555-0123-Fax", "8123
         * 9811-Office"): a label written against the number, not the rest of a code. A code continues with digits or
         * mixes them in ("2024-03-15-A7"); a word without digits cannot be part of the number, so the run ends there.
         */
        private boolean hyphenatedLabelAfter() {
            int end = ge[g - 1];
            if (end + 2 >= text.length() || text.charAt(end) != '-' || !Character.isLetter(text.charAt(end + 1))) {
                return false;
            }
            int wordEnd = CharClasses.wordEnd(text, end + 1);
            for (int k = end + 1; k < wordEnd; k++) {
                if (!Character.isLetter(text.charAt(k))) {
                    return false;
                }
            }
            return wordEnd - end > 2 && (wordEnd == text.length() || text.charAt(wordEnd) != '-');
        }

        /** Whether the run is really part of a larger token, e.g. "x.123", "a-4111...", "123@host". */
        private boolean glued(int at, int beyond) {
            if (at < 0 || at >= text.length()) {
                return false;
            }
            char c = text.charAt(at);
            if (c == '@' || c == '_') {
                return true;
            }
            if (c == '/' && at >= 5 && CharClasses.windowContains(text, at + 1, 6, "wa.me/")) {
                return false; // a WhatsApp link: the number is the whole path
            }
            boolean joiner = c == '.' || c == '-' || c == '/';
            return joiner && beyond >= 0 && beyond < text.length() && isWordChar(text.charAt(beyond));
        }

        void evaluate(int startLimit, boolean runEndsHere) {
            for (int i = 0; i < startLimit; i++) {
                if (i == 0 && leftOpen) {
                    continue;
                }
                digits.setLength(0);
                int maxJ = Math.min(g - 1, i + MAX_GROUPS - 1);
                for (int j = i; j <= maxJ; j++) {
                    if (digitPrefix[j + 1] - digitPrefix[i] > MAX_DIGITS || (j == g - 1 && rightOpen)) {
                        break;
                    }
                    digits.append(text, gs[j], ge[j]);
                    if (i > 0 || !plusPrefixed) {
                        checkIdentifiers(i, j);
                    }
                }
            }
            if (sink.wants(TextPiiType.PHONE)) {
                phones(runEndsHere);
            }
        }

        /**
         * Phone numbers are tried only as windows that start at the start of the run or end at its end ("call 415
         * 555 2671 now", "qty 3 415 555 2671"): a number surrounded on both sides by other digit groups is not
         * recognised, which bounds the libphonenumber calls to a dozen per run instead of six per group.
         */
        private void phones(boolean runEndsHere) {
            int lastJ = rightOpen ? g - 2 : g - 1;
            int prefixEnd = -1;
            if (!leftOpen) {
                for (int j = Math.min(lastJ, MAX_PHONE_GROUPS - 1); j >= 0; j--) {
                    if (phone(0, j)) {
                        prefixEnd = j;
                        break;
                    }
                }
            }
            if (!runEndsHere || lastJ < 0) {
                return;
            }
            for (int i = Math.max(prefixEnd + 1, Math.max(1, lastJ - MAX_PHONE_GROUPS + 1)); i <= lastJ; i++) {
                if (phone(i, lastJ)) {
                    return;
                }
            }
        }

        private int len(int k) {
            return ge[k] - gs[k];
        }

        private String sep(int k) {
            return seps[k];
        }

        /** The separator text, with the common one-character separators shared rather than allocated. */
        private String separator(int from, int to) {
            if (to - from == 1) {
                switch (text.charAt(from)) {
                    case ' ':
                        return " ";
                    case '-':
                        return "-";
                    case '.':
                        return ".";
                    case '/':
                        return "/";
                    default:
                        break;
                }
            }
            return text.subSequence(from, to).toString();
        }

        /** Separators between groups i..j are all equal to one of {@code allowed}; returns it or null. */
        private String uniformSeparator(int i, int j, String... allowed) {
            String first = sep(i);
            for (int k = i + 1; k < j; k++) {
                if (!sep(k).equals(first)) {
                    return null;
                }
            }
            for (String a : allowed) {
                if (a.equals(first)) {
                    return first;
                }
            }
            return null;
        }

        private boolean shape(int i, int j, int... lengths) {
            if (j - i + 1 != lengths.length) {
                return false;
            }
            for (int k = 0; k < lengths.length; k++) {
                if (len(i + k) != lengths[k]) {
                    return false;
                }
            }
            return true;
        }

        private boolean separators(int i, String... seps) {
            for (int k = 0; k < seps.length; k++) {
                if (!sep(i + k).equals(seps[k])) {
                    return false;
                }
            }
            return true;
        }

        private void checkIdentifiers(int i, int j) {
            int start = gs[i];
            int end = ge[j];
            int count = j - i + 1;
            int total = digits.length();
            if (count == 1) {
                TextPiiType type = switch (total) {
                    case 9 -> IdentifierRules.usSsn(digits) && cued(start, SSN_CUES, SSN_CUE_WINDOW)
                        ? TextPiiType.US_SSN : null;
                    case 11 -> Checksums.cpf(digits) ? TextPiiType.BR_CPF : null;
                    case 12 -> IdentifierRules.aadhaar(digits) ? TextPiiType.IN_AADHAAR : null;
                    case 14 -> Checksums.cnpj(digits) ? TextPiiType.BR_CNPJ : null;
                    case 18 -> IdentifierRules.cnResidentId(digits) ? TextPiiType.CN_RESIDENT_ID : null;
                    default -> null;
                };
                if (type == null && total >= 13 && IdentifierRules.paymentCard(digits)) {
                    type = TextPiiType.PAYMENT_CARD;
                }
                if (type != null) {
                    sink.add(start, end, type);
                }
                return;
            }
            if (total >= 13 && cardGrouping(i, j) && uniformSeparator(i, j, " ", "-") != null) {
                addIf(IdentifierRules.paymentCard(digits), start, end, TextPiiType.PAYMENT_CARD);
            }
            if (shape(i, j, 4, 4, 4) && uniformSeparator(i, j, " ", "-") != null && (!cardLike || g == 3)) {
                addIf(IdentifierRules.aadhaar(digits), start, end, TextPiiType.IN_AADHAAR);
            }
            if (cpfGrouping(i, j)) {
                addIf(Checksums.cpf(digits), start, end, TextPiiType.BR_CPF);
            }
            if ((shape(i, j, 2, 3, 3, 4, 2) && (separators(i, ".", ".", "/", "-")
                || uniformSeparator(i, j, " ") != null)) || (shape(i, j, 8, 4, 2) && separators(i, "/", "-"))) {
                addIf(Checksums.cnpj(digits), start, end, TextPiiType.BR_CNPJ);
            }
            if (shape(i, j, 6, 8, 4) && uniformSeparator(i, j, " ", "-") != null) {
                addIf(IdentifierRules.cnResidentId(digits), start, end, TextPiiType.CN_RESIDENT_ID);
            }
            if (shape(i, j, 3, 2, 4) && uniformSeparator(i, j, "-", " ") != null) {
                addIf(IdentifierRules.usSsn(digits), start, end, TextPiiType.US_SSN);
            }
            if (count == 4 && ipv4(i, j)) {
                IpPort.add(text, start, end, sink);
            }
            if (count == 3 && sink.wants(TextPiiType.DATE_OF_BIRTH) && uniformSeparator(i, j, "-", "/", ".") != null
                && dates.isNumericDate(text, gs[i], ge[i], gs[i + 1], ge[i + 1], gs[j], ge[j])) {
                dates.addIfIntroduced(text, start, end, sink);
                sink.markDate(end);
            }
        }

        /**
         * The ways a CPF is written: {@code 000.000.000-00}, with only the check digits set apart ({@code
         * 000000000-00}) or in spaced groups ({@code 000 000 000 00}). Both check digits must hold, which a random
         * 11-digit group sequence passes about once in a hundred, so the grouping must be exactly one of these.
         */
        private boolean cpfGrouping(int i, int j) {
            return (shape(i, j, 3, 3, 3, 2) && (separators(i, ".", ".", "-") || uniformSeparator(i, j, " ") != null))
                || (shape(i, j, 9, 2) && separators(i, "-"));
        }

        private boolean cardGrouping(int i, int j) {
            if (shape(i, j, 4, 6, 5) || shape(i, j, 4, 6, 4)) {
                return true;
            }
            for (int k = i; k < j; k++) {
                if (len(k) != 4) {
                    return false;
                }
            }
            return len(j) <= 4;
        }

        private boolean ipv4(int i, int j) {
            if (uniformSeparator(i, j, ".") == null) {
                return false;
            }
            if ((i > 0 && sep(i - 1).equals(".")) || (j < g - 1 && sep(j).equals("."))) {
                return false; // part of a longer dotted version string
            }
            if (i == 0 && gs[0] > 0 && text.charAt(gs[0] - 1) == '.') {
                return false;
            }
            for (int k = i; k <= j; k++) {
                if (len(k) > 3 || IdentifierRules.num(text, gs[k], ge[k]) > 255) {
                    return false;
                }
            }
            return true;
        }

        private void addIf(boolean valid, int start, int end, TextPiiType type) {
            if (valid) {
                sink.add(start, end, type);
            }
        }

        private boolean cued(int start, WordCues cues, int window) {
            return cues.foundBefore(text, start, window);
        }

        private boolean phone(int i, int j) {
            int total = digitPrefix[j + 1] - digitPrefix[i];
            if (total < 7 || total > 15) {
                return false;
            }
            int start = gs[i];
            int end = ge[j];
            boolean plus = i == 0 && start > 0 && text.charAt(start - 1) == '+';
            boolean paren = i == 0 && start > 0 && text.charAt(start - 1) == '(' && j > 0 && sep(0).startsWith(")");
            boolean doubleZero = !plus && text.charAt(start) == '0' && text.charAt(start + 1) == '0';
            boolean waLink = i == 0 && start >= 6 && text.charAt(start - 1) == '/'
                && CharClasses.windowContains(text, start, 6, "wa.me/");
            boolean international = plus || doubleZero || waLink;
            if (!plausiblePhoneShape(i, j, international)) {
                return false;
            }
            int spanStart = plus || paren ? start - 1 : start;
            if (cardLike && (i > 0 || j < g - 1)) {
                return false; // a slice of a card-shaped number
            }
            if (!international && cued(spanStart, PHONE_NEGATIVE_CUES, 16)
                && !cued(spanStart, PHONE_CUES, PHONE_CUE_WINDOW)) {
                return false;
            }
            StringBuilder number = new StringBuilder(total);
            for (int k = i; k <= j; k++) {
                if (!(international && k > i && isParenthesisedTrunkZero(k))) {
                    number.append(text, gs[k], ge[k]);
                }
            }
            boolean valid = international
                ? phones.validInternational(number.substring(doubleZero ? 2 : 0))
                : phones.validNational(number.toString());
            if (valid) {
                sink.add(spanStart, end, TextPiiType.PHONE);
            }
            return valid;
        }

        /** "+49 (0)176 ...": the national trunk prefix written in parentheses inside an international number. */
        private boolean isParenthesisedTrunkZero(int k) {
            return len(k) == 1 && text.charAt(gs[k]) == '0' && text.charAt(gs[k] - 1) == '('
                && ge[k] < text.length() && text.charAt(ge[k]) == ')';
        }

        private boolean plausiblePhoneShape(int i, int j, boolean international) {
            int end = ge[j];
            if ((end < text.length() && text.charAt(end) == ':' && len(j) <= 2)
                || (gs[i] > 0 && text.charAt(gs[i] - 1) == ':' && len(i) <= 2)) {
                return false; // a time of day
            }
            if ((i > 0 && sep(i - 1).indexOf(' ') < 0) || (j < g - 1 && sep(j).indexOf(' ') < 0)) {
                return false; // a slice of a longer number, not a number on its own
            }
            if (i == j) {
                return international || len(i) <= 11;
            }
            if (!international && (shape(i, j, 3, 2, 4) || shape(i, j, 4, 4, 4))) {
                return false; // written as an SSN or an Aadhaar number
            }
            int dots = 0;
            for (int k = i; k < j; k++) {
                String s = sep(k);
                if (s.indexOf('/') >= 0 && !(k == i && j == i + 1 && s.equals("/") && text.charAt(gs[i]) == '0')) {
                    return false; // only "0173/77566521": a trunk-prefixed area or mobile code before one slash
                }
                if (s.indexOf('.') >= 0) {
                    dots++;
                }
            }
            if (dots > 0 && (dots != j - i || j - i < 2 || (j - i == 3 && len(i) <= 3 && len(j) <= 3))) {
                return false; // decimal number or IPv4 shape
            }
            for (int k = i; k + 2 <= j; k++) {
                boolean ymd = len(k) == 4 && len(k + 1) <= 2 && len(k + 2) <= 2;
                boolean dmy = len(k) <= 2 && len(k + 1) <= 2 && len(k + 2) == 4;
                if ((ymd || dmy) && sep(k).equals(sep(k + 1)) && !sep(k).equals(" ")) {
                    return false; // a date
                }
            }
            return true;
        }
    }
}
