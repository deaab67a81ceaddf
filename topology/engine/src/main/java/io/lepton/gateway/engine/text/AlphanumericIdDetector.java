package io.lepton.gateway.engine.text;

import static io.lepton.gateway.engine.text.CharClasses.isAsciiLetter;
import static io.lepton.gateway.engine.text.CharClasses.isAsciiUpper;
import static io.lepton.gateway.engine.text.CharClasses.isDigit;

import java.util.Set;

/**
 * Identifiers that mix letters and digits within a word: IBAN (compact or in groups of four), UK NINO
 * ({@code AB123456C} or {@code AB 12 34 56 C}), Singapore NRIC/FIN, Chinese resident ids ending in X, and Bitcoin
 * addresses. Each word is classified by its length and first characters before any validator runs.
 */
final class AlphanumericIdDetector implements Detector {
    private static final int MAX_WALLET = 74;

    @Override
    public Set<TextPiiType> types() {
        return Set.of(TextPiiType.IBAN, TextPiiType.UK_NINO, TextPiiType.SG_NRIC, TextPiiType.CN_RESIDENT_ID,
            TextPiiType.CRYPTO_WALLET);
    }

    @Override
    public Set<Trigger> triggers() {
        return Set.of(Trigger.WORD);
    }

    @Override
    public String validator() {
        return "IBAN registry length + mod 97; NINO prefixes; NRIC/FIN letter; GB 11643; Base58Check/Bech32(m)";
    }

    @Override
    public String oracleTest() {
        return "ChecksumOracleTest";
    }

    /** {@code [start, end)} is a word that is not all digits; returns where scanning resumes (≥ end of any match). */
    @Override
    public int detect(CharSequence text, int start, int end, CandidateSink sink) {
        if (CharClasses.allDigits(text, start, end)) {
            return -1;
        }
        int len = end - start;
        char c0 = text.charAt(start);
        if (len == 18 && CharClasses.allDigits(text, start, start + 17)
            && (text.charAt(start + 17) == 'X' || text.charAt(start + 17) == 'x')) {
            if (IdentifierRules.cnResidentId(text.subSequence(start, end))) {
                sink.add(start, end, TextPiiType.CN_RESIDENT_ID);
            }
            return end;
        }
        if (len == 4 && CharClasses.allDigits(text, start, start + 3)
            && (text.charAt(start + 3) == 'X' || text.charAt(start + 3) == 'x')) {
            groupedCnResidentId(text, start, sink);
            return end;
        }
        if (len >= 4 && isAsciiLetter(c0) && isAsciiLetter(text.charAt(start + 1)) && isDigit(text.charAt(start + 2))
            && isDigit(text.charAt(start + 3))) {
            int ibanEnd = iban(text, start, end, sink);
            if (ibanEnd > 0) {
                return ibanEnd;
            }
        }
        if (len == 9 && "STFGM".indexOf(CharClasses.asciiUpper(c0)) >= 0
            && CharClasses.allDigits(text, start + 1, start + 8)
            && Checksums.nricCheckLetter(CharClasses.asciiUpper(c0), text.subSequence(start + 1, start + 8))
                == CharClasses.asciiUpper(text.charAt(start + 8))) {
            sink.add(start, end, TextPiiType.SG_NRIC);
            return end;
        }
        if (len == 9 || len == 2) {
            int ninoEnd = nino(text, start, end, sink);
            if (ninoEnd > 0) {
                return ninoEnd;
            }
        }
        if (len >= 26 && len <= 35 && (c0 == '1' || c0 == '3')) {
            if (CryptoAddressRules.base58Check(text.subSequence(start, end))) {
                sink.add(start, end, TextPiiType.CRYPTO_WALLET);
            }
            return end;
        }
        if (len >= 14 && len <= MAX_WALLET && (c0 == 'b' || c0 == 'B') && text.charAt(start + 2) == '1'
            && (text.charAt(start + 1) == 'c' || text.charAt(start + 1) == 'C')) {
            if (CryptoAddressRules.segwit(text.subSequence(start, end))) {
                sink.add(start, end, TextPiiType.CRYPTO_WALLET);
            }
            return end;
        }
        return -1;
    }

    /**
     * Compact or space-grouped IBAN starting at the word {@code [start, end)}, in either case; returns its end or -1.
     * A token with exactly an IBAN's shape and length but a wrong check is still claimed (not reported): its digit
     * groups must not be read again as a phone number.
     */
    private static int iban(CharSequence text, int start, int end, CandidateSink sink) {
        int expected = IbanRules.lengthFor(CharClasses.asciiUpper(text.charAt(start)),
            CharClasses.asciiUpper(text.charAt(start + 1)));
        if (expected < 0) {
            return -1;
        }
        StringBuilder compact = new StringBuilder(IbanRules.MAX_LENGTH);
        int groupStart = start;
        int groupEnd = end;
        while (true) {
            for (int i = groupStart; i < groupEnd; i++) {
                char c = text.charAt(i);
                if (!isDigit(c) && !isAsciiLetter(c)) {
                    return -1;
                }
                compact.append(CharClasses.asciiUpper(c));
            }
            if (compact.length() >= expected || groupEnd - groupStart != 4 || groupEnd + 1 >= text.length()
                || text.charAt(groupEnd) != ' ' || !CharClasses.isWordChar(text.charAt(groupEnd + 1))) {
                break;
            }
            groupStart = groupEnd + 1;
            groupEnd = CharClasses.wordEnd(text, groupStart);
            if (groupEnd - groupStart > 4) {
                return -1;
            }
        }
        if (compact.length() != expected) {
            return -1;
        }
        if (IbanRules.valid(compact)) {
            sink.add(start, groupEnd, TextPiiType.IBAN);
        }
        return groupEnd;
    }

    /** {@code AB123456C} (word of 9) or {@code AB 12 34 56 C} / {@code AB 123456 C} (word of 2); end or -1. */
    /**
     * A Chinese resident ID written 6-8-4 ({@code 110101 19900307 123X}) whose check character is X: the digit-run
     * detector stops at the X, so the last group is met here and the two digit groups before it are read back, with
     * the same separator (space or dash) between all three.
     */
    private static void groupedCnResidentId(CharSequence text, int lastStart, CandidateSink sink) {
        int birthStart = lastStart - 9;
        int regionStart = birthStart - 7;
        if (regionStart < 0 || (regionStart > 0 && CharClasses.isWordChar(text.charAt(regionStart - 1))
            && !CharClasses.isHan(text.charAt(regionStart - 1)))) {
            return;
        }
        char sep = text.charAt(lastStart - 1);
        if ((sep != ' ' && sep != '-') || text.charAt(birthStart - 1) != sep
            || !CharClasses.allDigits(text, birthStart, birthStart + 8)
            || !CharClasses.allDigits(text, regionStart, regionStart + 6)) {
            return;
        }
        StringBuilder id = new StringBuilder(18).append(text, regionStart, regionStart + 6)
            .append(text, birthStart, birthStart + 8).append(text, lastStart, lastStart + 4);
        if (IdentifierRules.cnResidentId(id)) {
            sink.add(regionStart, lastStart + 4, TextPiiType.CN_RESIDENT_ID);
        }
    }

    private static int nino(CharSequence text, int start, int end, CandidateSink sink) {
        char a = text.charAt(start);
        char b = text.charAt(start + 1);
        boolean upper = isAsciiUpper(a) && isAsciiUpper(b);
        if (!upper && !(CharClasses.isAsciiLower(a) && CharClasses.isAsciiLower(b))) {
            return -1; // either case, as typed on a phone ("ab123456c"), but not mixed
        }
        int n = text.length();
        int p = start + 2;
        int digits = 0;
        while (p < n && digits < 6) {
            char c = text.charAt(p);
            if (isDigit(c)) {
                digits++;
                p++;
            } else if (c == ' ' && end - start == 2 && p + 1 < n && isDigit(text.charAt(p + 1))) {
                p++;
            } else {
                break;
            }
        }
        if (digits != 6 || p >= n) {
            return -1;
        }
        if (text.charAt(p) == ' ' && end - start == 2) {
            p++;
        }
        if (p >= n) {
            return -1;
        }
        char suffix = text.charAt(p);
        int ninoEnd = p + 1;
        boolean wordEnds = ninoEnd >= n || !CharClasses.isWordChar(text.charAt(ninoEnd));
        boolean sameCase = upper ? isAsciiUpper(suffix) : CharClasses.isAsciiLower(suffix);
        if (wordEnds && sameCase && (end - start == 2 || ninoEnd == end) && IdentifierRules.ukNinoLetters(
            CharClasses.asciiUpper(a), CharClasses.asciiUpper(b), CharClasses.asciiUpper(suffix))) {
            sink.add(start, ninoEnd, TextPiiType.UK_NINO);
            return ninoEnd;
        }
        return -1;
    }
}
