package io.lepton.loadtest.generator;

/**
 * A deliberately unfair decision process injected into one jurisdiction, so the fairness monitor has something real
 * to find: there, members of {@code disadvantagedGroup} get the favourable decision ({@code approved} for financial
 * sentiment, {@code escalated} to a senior agent for customer service) at {@code disadvantagedRate}, everyone else
 * at {@code referenceRate}. Elsewhere every group gets {@code referenceRate}.
 *
 * @param jurisdiction policy id the bias applies in ({@code eu-gdpr}, ...)
 * @param attribute {@code gender} (groups F, M, X) or {@code age} (decade bands {@code 30-39} ... {@code 80+}, the
 *     fairness monitor's default banding)
 * @param disadvantagedGroup the group treated worse
 * @param disadvantagedRate its favourable-decision rate
 * @param referenceRate everyone else's rate
 */
public record BiasConfig(String jurisdiction, String attribute, String disadvantagedGroup, double disadvantagedRate,
        double referenceRate) {

    /** Women in the EU approved at 0.55 against 0.80: disparate impact 0.69, well under the four-fifths rule. */
    public static final BiasConfig DEFAULT = new BiasConfig("eu-gdpr", "gender", "F", 0.55, 0.80);

    /** No bias: every group everywhere at 0.80. */
    public static final BiasConfig NONE = new BiasConfig("(none)", "gender", "(none)", 0.80, 0.80);

    public BiasConfig {
        if (!"gender".equals(attribute) && !"age".equals(attribute)) {
            throw new IllegalArgumentException("bias attribute must be 'gender' or 'age', got '" + attribute + "'");
        }
        checkRate("disadvantagedRate", disadvantagedRate);
        checkRate("referenceRate", referenceRate);
    }

    /**
     * Parses {@code JURISDICTION:ATTRIBUTE:GROUP:RATE:REFERENCE_RATE} (e.g. {@code eu-gdpr:gender:F:0.55:0.80}) or
     * {@code none}.
     */
    public static BiasConfig parse(String spec) {
        if ("none".equalsIgnoreCase(spec)) {
            return NONE;
        }
        String[] parts = spec.split(":");
        if (parts.length != 5) {
            throw new IllegalArgumentException(
                    "expected JURISDICTION:ATTRIBUTE:GROUP:RATE:REFERENCE_RATE or 'none', got '" + spec + "'");
        }
        try {
            return new BiasConfig(parts[0], parts[1], parts[2], Double.parseDouble(parts[3]),
                    Double.parseDouble(parts[4]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("rates must be numbers, got '" + spec + "'", e);
        }
    }

    /** The favourable-decision probability for {@code person}. */
    public double rateFor(Person person) {
        return jurisdiction.equals(person.region().jurisdiction()) && disadvantagedGroup.equals(groupOf(person))
                ? disadvantagedRate : referenceRate;
    }

    /** The person's group under {@link #attribute()}. */
    public String groupOf(Person person) {
        if ("gender".equals(attribute)) {
            return person.gender();
        }
        int age = person.age();
        if (age >= 80) {
            return "80+";
        }
        int low = age / 10 * 10;
        return low + "-" + (low + 9);
    }

    private static void checkRate(String name, double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException(name + " must be within [0, 1], got " + rate);
        }
    }
}
