package io.lepton.gateway.engine.text;

import java.util.HashMap;
import java.util.Map;

/**
 * IBAN validation: the registered length of the country's IBAN (SWIFT IBAN registry) and the mod-97 check. The
 * length table is what rejects most random "two letters, two digits, more characters" tokens before the checksum.
 */
final class IbanRules {
    private static final Map<String, Integer> LENGTHS = new HashMap<>();

    static {
        // SWIFT IBAN registry: every country with a registered IBAN; the territories that use their parent's format
        // (French overseas territories, Crown Dependencies, Åland) are listed with the parent's length.
        String table = "AD24 AE23 AL28 AT20 AX18 AZ28 BA20 BE16 BG22 BH22 BI27 BL27 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 "
            + "DJ27 DK18 DO28 EE20 EG29 ES24 FI18 FK18 FO18 FR27 GB22 GE22 GF27 GG22 GI23 GL18 GP27 GR27 GT28 HR21 "
            + "HU28 IE22 IL23 IM22 IQ23 IS26 IT27 JE22 JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21 LY25 MC27 MD24 "
            + "ME22 MF27 MK19 MN20 MQ27 MR27 MT31 MU30 NC27 NI28 NL18 NO15 OM23 PF27 PK24 PL28 PM27 PS29 PT25 QA29 "
            + "RE27 RO24 RS22 RU33 SA24 SC31 SD18 SE24 SI19 SK24 SM27 SO23 ST25 SV28 TF27 TL23 TN24 TR26 UA29 VA22 "
            + "VG24 WF27 XK20 YE30 YT27";
        for (String entry : table.split(" ")) {
            LENGTHS.put(entry.substring(0, 2), Integer.parseInt(entry.substring(2)));
        }
    }

    static final int MAX_LENGTH = 34;

    private IbanRules() {
    }

    /** Registered IBAN length for a country code, or -1. */
    static int lengthFor(char a, char b) {
        Integer len = LENGTHS.get("" + a + b);
        return len == null ? -1 : len;
    }

    /** {@code compact} is upper-case alphanumeric with no spaces. */
    static boolean valid(CharSequence compact) {
        return compact.length() == lengthFor(compact.charAt(0), compact.charAt(1))
            && CharClasses.isDigit(compact.charAt(2)) && CharClasses.isDigit(compact.charAt(3))
            && Checksums.ibanMod97(compact);
    }
}
