package io.lepton.loadtest.generator;

import java.util.List;

/**
 * What a person from one region looks like in generated data: where the region routes (per the built-in policies),
 * how often it occurs, its language, names, phone and bank formats, and cities.
 *
 * @param code ISO 3166 region as producers write it ({@code DE}, {@code US-CA})
 * @param jurisdiction the built-in policy that governs it, used to apply a {@link BiasConfig}
 * @param weight relative frequency in the region mix
 * @param language usual language of messages
 * @param femaleNames given names for gender {@code F}
 * @param maleNames given names for gender {@code M}
 * @param familyNames family names
 * @param emailDomain domain of generated e-mail addresses
 * @param phonePattern phone format: {@code #} is a random digit, everything else is literal
 * @param ibanBbanPattern BBAN format for the region's IBANs ({@code #} digit, {@code A} letter), or null when the
 *     region has no IBAN
 * @param nationalId the national identifier people of the region carry, if the generator knows one
 * @param cities cities to place users near
 */
public record RegionProfile(
        String code,
        String jurisdiction,
        double weight,
        Language language,
        List<String> femaleNames,
        List<String> maleNames,
        List<String> familyNames,
        String emailDomain,
        String phonePattern,
        String ibanBbanPattern,
        NationalIdKind nationalId,
        List<City> cities) {

    public RegionProfile {
        femaleNames = List.copyOf(femaleNames);
        maleNames = List.copyOf(maleNames);
        familyNames = List.copyOf(familyNames);
        cities = List.copyOf(cities);
    }

    /** The ISO country part of the code ({@code US} for {@code US-CA}). */
    public String country() {
        int dash = code.indexOf('-');
        return dash < 0 ? code : code.substring(0, dash);
    }
}
