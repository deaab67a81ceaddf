package io.lepton.gateway.engine.text;

import static io.lepton.gateway.engine.text.CharClasses.isDigit;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Dates of birth. A date alone is not personal data worth scrubbing (delivery dates, timestamps), so a calendar date
 * is reported only when a birth cue in English, German, Portuguese, Chinese or Hindi in Latin script appears in the
 * {@value #CUE_WINDOW} characters before it and after any earlier date (one cue introduces one date), or a trailing
 * cue ("am 12.03.1985 geboren", as German puts the verb last) in the {@value #TRAILING_CUE_WINDOW} characters after
 * it. Recognised forms: {@code yyyy-mm-dd}, {@code dd/mm/yyyy}, {@code mm/dd/yyyy} (any of {@code - / .}), the same
 * with a two-digit year ({@code 02-11-90}: with the cue required anyway, a two-digit year is as telling as four),
 * {@code yyyy年m月d日}, {@code 12 March 1985}, {@code 6. Juli 1981}, {@code 4 de dezembro de 1946} and
 * {@code March 12, 1985}; month names in English, German and Portuguese.
 */
final class DateOfBirthDetector implements Detector {
    static final int CUE_WINDOW = 32;
    private static final WordCues CUES = WordCues.anywhere("birth", "born", "dob", "d.o.b", "birthday", "nascimento",
        "nascido", "nascida", "nasci ", "aniversário", "geburt", "geboren", "geb.", "出生", "生日", "janm", "janam",
        "paida", "paidaish");
    static final int TRAILING_CUE_WINDOW = 16;
    private static final WordCues TRAILING_CUES = WordCues.anywhere("geboren", "born", "nascid", "paida");
    /** Month names, three languages per month index (English, German, Portuguese), lower case. */
    private static final String[][] MONTHS = {
        {"january", "januar", "janeiro"}, {"february", "februar", "fevereiro"}, {"march", "märz", "março"},
        {"april", "april", "abril"}, {"may", "mai", "maio"}, {"june", "juni", "junho"}, {"july", "juli", "julho"},
        {"august", "august", "agosto"}, {"september", "september", "setembro"}, {"october", "oktober", "outubro"},
        {"november", "november", "novembro"}, {"december", "dezember", "dezembro"}};
    /** Each month name with its number. */
    private static final WordHashes MONTH_NUMBERS = monthNumbers();
    private static final int MIN_BIRTH_YEAR = 1900;
    private static final int MAX_BIRTH_YEAR = 2026;

    @Override
    public Set<TextPiiType> types() {
        return Set.of(TextPiiType.DATE_OF_BIRTH);
    }

    @Override
    public Set<Trigger> triggers() {
        return Set.of(Trigger.WORD);
    }

    @Override
    public String validator() {
        return "a real calendar date with a birth cue in the 32 characters before it";
    }

    @Override
    public String oracleTest() {
        return "FreeTextScannerTest";
    }

    /** Spelled dates starting with a capitalised month ("March 12, 1985"); numeric ones come from the digit runs. */
    @Override
    public int detect(CharSequence text, int start, int end, CandidateSink sink) {
        return CharClasses.isAsciiUpper(text.charAt(start)) ? detectMonthDayYear(text, start, end, sink) : -1;
    }

    boolean isNumericDate(CharSequence t, int s0, int e0, int s1, int e1, int s2, int e2) {
        int a = IdentifierRules.num(t, s0, e0);
        int b = IdentifierRules.num(t, s1, e1);
        int c = IdentifierRules.num(t, s2, e2);
        if (e0 - s0 == 4 && e1 - s1 <= 2 && e2 - s2 <= 2) {
            return birthDate(a, b, c);
        }
        if (e0 - s0 <= 2 && e1 - s1 <= 2 && e2 - s2 == 4) {
            return birthDate(c, b, a) || birthDate(c, a, b);
        }
        if (e0 - s0 <= 2 && e1 - s1 <= 2 && e2 - s2 == 2) {
            return birthDate(1900 + c, b, a) || birthDate(1900 + c, a, b) || birthDate(2000 + c, b, a)
                || birthDate(2000 + c, a, b);
        }
        return false;
    }

    void addIfIntroduced(CharSequence text, int start, int end, CandidateSink sink) {
        int after = Math.min(text.length(), end + TRAILING_CUE_WINDOW);
        if (CUES.foundBefore(text, start, Math.min(CUE_WINDOW, start - sink.lastDateEnd()))
            || TRAILING_CUES.foundBefore(text, after, after - end)) {
            sink.add(start, end, TextPiiType.DATE_OF_BIRTH);
        }
    }

    /** {@code yyyy年m月d日} starting with the 4-digit year {@code [start, yearEnd)}; returns where scanning resumes. */
    int detectChineseDate(CharSequence text, int start, int yearEnd, CandidateSink sink) {
        int p = yearEnd + 1;
        int monthStart = p;
        p = digitsEnd(text, p, 2);
        if (p == monthStart || p >= text.length() || text.charAt(p) != '月') {
            return yearEnd;
        }
        int month = IdentifierRules.num(text, monthStart, p);
        int dayStart = ++p;
        p = digitsEnd(text, p, 2);
        if (p == dayStart) {
            return yearEnd;
        }
        int day = IdentifierRules.num(text, dayStart, p);
        int end = p < text.length() && (text.charAt(p) == '日' || text.charAt(p) == '号') ? p + 1 : p;
        if (yearEnd - start == 4 && birthDate(IdentifierRules.num(text, start, yearEnd), month, day)) {
            addIfIntroduced(text, start, end, sink);
            sink.markDate(end);
        }
        return end;
    }

    /**
     * "12 March 1985", "6. Juli 1981" or "4 de dezembro de 1946", where {@code [start, dayEnd)} is the day; returns
     * the end of the date or -1.
     */
    int detectDayMonthYear(CharSequence text, int start, int dayEnd, CandidateSink sink) {
        if (dayEnd - start > 2 || dayEnd + 1 >= text.length()) {
            return -1;
        }
        int p = dayEnd;
        if (text.charAt(p) == '.') {
            p++;
        }
        if (p >= text.length() || text.charAt(p) != ' ') {
            return -1;
        }
        p = afterWord(text, p + 1, "de ");
        int monthEnd = CharClasses.wordEnd(text, p);
        int month = month(text, p, monthEnd, true);
        if (month < 0 || monthEnd >= text.length() || text.charAt(monthEnd) != ' ') {
            return -1;
        }
        int yearStart = afterWord(text, monthEnd + 1, "de ");
        int yearEnd = CharClasses.wordEnd(text, yearStart);
        if (yearEnd - yearStart != 4 || !CharClasses.allDigits(text, yearStart, yearEnd)) {
            return -1;
        }
        if (birthDate(IdentifierRules.num(text, yearStart, yearEnd), month, IdentifierRules.num(text, start, dayEnd))) {
            addIfIntroduced(text, start, yearEnd, sink);
            sink.markDate(yearEnd);
            return yearEnd;
        }
        return -1;
    }

    /** {@code from} moved past {@code lowerWord} (Portuguese "de ") if the text has it there. */
    private static int afterWord(CharSequence text, int from, String lowerWord) {
        if (from + lowerWord.length() > text.length()) {
            return from;
        }
        for (int k = 0; k < lowerWord.length(); k++) {
            if (CharClasses.asciiLower(text.charAt(from + k)) != lowerWord.charAt(k)) {
                return from;
            }
        }
        return from + lowerWord.length();
    }

    /** "March 12, 1985" where {@code [start, wordEnd)} is a word; returns the end of the date or -1. */
    int detectMonthDayYear(CharSequence text, int start, int wordEnd, CandidateSink sink) {
        int month = month(text, start, wordEnd, false);
        if (month < 0 || wordEnd >= text.length() || text.charAt(wordEnd) != ' ') {
            return -1;
        }
        int dayStart = wordEnd + 1;
        int dayEnd = digitsEnd(text, dayStart, 2);
        if (dayEnd == dayStart || dayEnd + 6 > text.length() || text.charAt(dayEnd) != ','
            || text.charAt(dayEnd + 1) != ' ') {
            return -1;
        }
        int yearStart = dayEnd + 2;
        int yearEnd = CharClasses.wordEnd(text, yearStart);
        if (yearEnd - yearStart != 4 || !CharClasses.allDigits(text, yearStart, yearEnd)) {
            return -1;
        }
        if (birthDate(IdentifierRules.num(text, yearStart, yearEnd), month, IdentifierRules.num(text, dayStart, dayEnd))) {
            addIfIntroduced(text, start, yearEnd, sink);
            sink.markDate(yearEnd);
            return yearEnd;
        }
        return -1;
    }

    private static boolean birthDate(int y, int m, int d) {
        return y <= MAX_BIRTH_YEAR && IdentifierRules.validDate(y, m, d, MIN_BIRTH_YEAR);
    }

    /**
     * 1-12 for a full month name in English, German or Portuguese, ignoring case, else -1; unless
     * {@code anyCase}, the first letter must be upper case (a month name leading a date is capitalised in prose,
     * while "may" or "august" in lower case are usually other words).
     */
    static int month(CharSequence text, int start, int end, boolean anyCase) {
        if (end - start < 3 || end - start > 9 || !(anyCase || Character.isUpperCase(text.charAt(start)))) {
            return -1;
        }
        int month = MONTH_NUMBERS.value(text, start, end);
        return month == 0 ? -1 : month;
    }

    private static WordHashes monthNumbers() {
        Map<String, Integer> numbers = new HashMap<>();
        for (int m = 0; m < MONTHS.length; m++) {
            for (String name : MONTHS[m]) {
                numbers.put(name, m + 1);
            }
        }
        return WordHashes.of(numbers);
    }

    private static int digitsEnd(CharSequence text, int from, int max) {
        int p = from;
        while (p < text.length() && p - from < max && isDigit(text.charAt(p))) {
            p++;
        }
        return p;
    }
}
