package io.lepton.gateway.engine.text;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.List;
import java.util.Set;

/**
 * Phone validation by libphonenumber's numbering plans, on digits the tokenizer has already extracted and shaped.
 *
 * <p>It builds the {@link PhoneNumber} itself (country code + national significant number) instead of calling
 * {@code PhoneNumberUtil.parse}: parsing costs about ten times more than validating, and parse's own regular
 * expressions never get to see text here. International numbers are accepted for every country; national formats
 * only for the configured regions, since "0xx xxxx xxxx" means something different in each. Where national numbers
 * are always written with their trunk prefix (e.g. 0 in the UK, Germany, France) a number without it is not taken
 * as national: this is what stops arbitrary 9-12 digit strings from validating against Germany's open plan.
 *
 * <p>No {@code isPossibleNumber} pre-check: a valid number always has one of its region's possible lengths (the
 * validity check tests the general description, lengths first), so the pre-check only repeated that test, at about a
 * third of the phone checks' time (JFR).
 */
final class PhoneRules {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final Set<String> TRUNK_PREFIX_WRITTEN = Set.of("GB", "DE", "FR", "NL", "BE", "AT", "CH", "IE",
        "AU", "NZ", "JP", "KR", "SE", "FI", "TR", "ZA");

    private static final String UNKNOWN_REGION = "ZZ";
    /** Whether libphonenumber knows each 1-3 digit calling code, asked once rather than per candidate. */
    private static final boolean[] KNOWN_CALLING_CODE = knownCallingCodes();

    private final List<NationalPlan> plans;

    PhoneRules(List<String> regions) {
        this.plans = regions.stream().map(NationalPlan::of).toList();
    }

    /** {@code digits} is the number without separators and without its '+' or "00" prefix. */
    boolean validInternational(String digits) {
        int cc = 0;
        for (int ccLength = 1; ccLength <= 3 && ccLength < digits.length(); ccLength++) {
            cc = cc * 10 + (digits.charAt(ccLength - 1) - '0');
            if (KNOWN_CALLING_CODE[cc]) {
                PhoneNumber number = number(cc, digits.substring(ccLength));
                return number != null && UTIL.isValidNumber(number);
            }
        }
        return false;
    }

    /** {@code digits} is the number as written nationally, without separators. */
    boolean validNational(String digits) {
        for (NationalPlan plan : plans) {
            String nsn = plan.significantNumber(digits);
            if (nsn != null) {
                PhoneNumber number = number(plan.countryCode, nsn);
                if (number != null && UTIL.isValidNumberForRegion(number, plan.region)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static PhoneNumber number(int countryCode, String nsn) {
        if (nsn.length() < 4 || nsn.length() > 15) {
            return null;
        }
        PhoneNumber number = new PhoneNumber().setCountryCode(countryCode).setNationalNumber(Long.parseLong(nsn));
        int zeros = 0;
        while (zeros < nsn.length() - 1 && nsn.charAt(zeros) == '0') {
            zeros++;
        }
        if (zeros > 0) {
            number.setItalianLeadingZero(true).setNumberOfLeadingZeros(zeros);
        }
        return number;
    }

    private static boolean[] knownCallingCodes() {
        boolean[] known = new boolean[1000];
        for (int cc = 0; cc < known.length; cc++) {
            known[cc] = !UNKNOWN_REGION.equals(UTIL.getRegionCodeForCountryCode(cc));
        }
        return known;
    }

    static boolean isSupportedRegion(String region) {
        return UTIL.getSupportedRegions().contains(region);
    }

    /** A region's country code and how its numbers are written nationally. */
    private record NationalPlan(String region, int countryCode, String trunkPrefix, boolean trunkWritten) {
        static NationalPlan of(String region) {
            return new NationalPlan(region, UTIL.getCountryCodeForRegion(region),
                UTIL.getNddPrefixForRegion(region, true), TRUNK_PREFIX_WRITTEN.contains(region));
        }

        /** The national significant number, or null when {@code digits} is not written as this region writes. */
        String significantNumber(String digits) {
            if (trunkPrefix != null && !trunkPrefix.isEmpty() && digits.startsWith(trunkPrefix)) {
                return digits.substring(trunkPrefix.length());
            }
            return trunkWritten ? null : digits;
        }
    }
}
