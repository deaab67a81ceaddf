package io.lepton.gateway.engine.fairness;

/**
 * Derives the protected attribute "age band" from an age, because fairness groups must be few and large: exact ages
 * would split the data into groups too small to test. Bands are {@code width} years wide from 0 ("30-39" for width
 * 10) up to an open top band ("80+"); the band just below the top is shortened if the widths do not divide evenly.
 *
 * @param width          years per band, at least 1
 * @param openBandStart  first age of the open-ended top band, a positive number
 */
public record AgeBands(int width, int openBandStart) {

    /** Ten-year bands with an open "80+" band. */
    public static final AgeBands DECADES = new AgeBands(10, 80);

    /** The group for events whose age is missing or not a plausible age (negative or above 150). */
    public static final String UNKNOWN = "unknown";

    private static final int MAX_PLAUSIBLE_AGE = 150;

    /** Rejects bands that would be empty. */
    public AgeBands {
        if (width < 1 || openBandStart < 1) {
            throw new IllegalArgumentException("need width >= 1 and openBandStart >= 1, got " + width + ", "
                    + openBandStart);
        }
    }

    /** The band label of {@code age}, e.g. "30-39", "80+", or {@link #UNKNOWN} for null or implausible ages. */
    public String band(Integer age) {
        if (age == null || age < 0 || age > MAX_PLAUSIBLE_AGE) {
            return UNKNOWN;
        }
        if (age >= openBandStart) {
            return openBandStart + "+";
        }
        int low = age / width * width;
        int high = Math.min(low + width, openBandStart) - 1;
        return low + "-" + high;
    }
}
