package io.lepton.loadtest.generator;

import java.util.SplittableRandom;

/**
 * The ways people write identifiers in free text: IBANs and cards grouped by four or run together, CPFs with or
 * without punctuation, Aadhaar numbers in three groups. Detectors must handle all of them, so the generator mixes.
 */
final class IdentifierFormats {

    private IdentifierFormats() {}

    static String iban(String compact, SplittableRandom random) {
        return random.nextBoolean() ? compact : grouped(compact, 4, ' ');
    }

    static String card(String compact, SplittableRandom random) {
        int style = random.nextInt(3);
        return style == 0 ? compact : grouped(compact, 4, style == 1 ? ' ' : '-');
    }

    static String nationalId(NationalIdKind kind, String compact, SplittableRandom random) {
        if (kind == NationalIdKind.BR_CPF && random.nextBoolean()) {
            return compact.substring(0, 3) + "." + compact.substring(3, 6) + "." + compact.substring(6, 9) + "-"
                    + compact.substring(9);
        }
        if (kind == NationalIdKind.IN_AADHAAR && random.nextBoolean()) {
            return grouped(compact, 4, ' ');
        }
        return compact;
    }

    static String phone(String formatted, SplittableRandom random) {
        return random.nextInt(4) == 0 ? formatted.replaceAll("[ ()-]", "") : formatted;
    }

    static String grouped(String compact, int size, char separator) {
        StringBuilder out = new StringBuilder(compact.length() + compact.length() / size);
        for (int i = 0; i < compact.length(); i++) {
            if (i > 0 && i % size == 0) {
                out.append(separator);
            }
            out.append(compact.charAt(i));
        }
        return out.toString();
    }
}
