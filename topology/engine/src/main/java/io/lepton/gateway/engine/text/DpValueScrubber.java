package io.lepton.gateway.engine.text;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Closes the free-text side door around {@code dp} fields: removes from a text the numbers that equal, or round to,
 * one of the record's true dp values, and rating expressions ("1/5", "4 out of 5", "★★★★", "3 stars"), which state
 * a satisfaction score whatever the field holds.
 *
 * <p>Why: noising {@code satisfaction} protects nothing if the message says "Honestly 1/5", nor {@code amount} if the
 * text says "Requesting 25000 EUR". Numbers are matched leniently, so that a rounded or formatted mention goes too:
 * a number x written with d decimals matches a real value v when {@code |x - v| <= 0.5·10^-d} (x is v at the
 * precision it was written with) and an integer value when x rounds to it; "25,000", "25.000", "25 000" and
 * "25000.4" are read with and without grouping. The price is false removals: any number in the text that happens
 * to equal the value goes too (measured on the test corpus, see the README). Immutable and thread-safe.
 */
public final class DpValueScrubber {

    /** Replacement of a number equal to a dp value. */
    public static final String VALUE_PLACEHOLDER = "[DP_VALUE]";
    /** Replacement of a rating expression. */
    public static final String RATING_PLACEHOLDER = "[RATING]";
    /** Detection-count names, for the audit record. */
    public static final String VALUE_TYPE = "DP_VALUE";
    public static final String RATING_TYPE = "RATING";

    private static final String SEPARATOR = "[,.\\u00A0\\u202F' ]";
    /**
     * A number not glued to a word or token before it (so the digits inside a pseudonym or id such as
     * {@code eu-gdpr-1.x4Yz} stay), and not followed by another digit.
     */
    private static final Pattern NUMBER = Pattern.compile(
            "(?<![\\p{L}\\p{N}._\\-])(?:\\d{1,3}(?:" + SEPARATOR + "\\d{3})+(?:[.,]\\d{1,2})?|\\d+(?:[.,]\\d+)?)(?![\\d])");
    private static final Pattern RATING = Pattern.compile(
            "(?<![\\d/]|\\d[.,])\\d{1,3}(?:[.,]\\d)?\\s*(?:/|out\\s+of|of|von|sur|de|em|di|из)\\s*(?:5|10|100)"
                    + "(?![\\d/]|[.,]\\d)"
                    + "|[\\u2605\\u2606\\u2729\\u272A\\u272B\\u272C\\u272D\\u272E\\u272F\\u2730\\u2B50]+"
                    + "|(?<![\\d])\\d(?:[.,]\\d)?\\s*(?:stars?|sterne?|[ée]toiles?|estrelas?|estrellas?|stelle|星)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /**
     * One true value to keep out of the text.
     *
     * @param value    the field's raw value
     * @param integral whether the field is an integer type (then x matches when it rounds to the value)
     */
    public record DpValue(double value, boolean integral) {
    }

    /** The text with ratings and numbers matching {@code values} replaced, and counts per removed type. */
    public ScrubResult scrub(String text, List<DpValue> values) {
        List<int[]> spans = new ArrayList<>();
        Map<String, Integer> counts = new TreeMap<>();
        Matcher rating = RATING.matcher(text);
        while (rating.find()) {
            spans.add(new int[] {rating.start(), rating.end(), 1});
            counts.merge(RATING_TYPE, 1, Integer::sum);
        }
        if (!values.isEmpty()) {
            Matcher number = NUMBER.matcher(text);
            while (number.find()) {
                if (!inside(spans, number.start()) && matchesAny(number.group(), values)) {
                    spans.add(new int[] {number.start(), number.end(), 0});
                    counts.merge(VALUE_TYPE, 1, Integer::sum);
                }
            }
        }
        if (spans.isEmpty()) {
            return new ScrubResult(text, Map.of(), false);
        }
        spans.sort((a, b) -> Integer.compare(a[0], b[0]));
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (int[] span : spans) {
            if (span[0] < at) {
                continue;
            }
            out.append(text, at, span[0]).append(span[2] == 1 ? RATING_PLACEHOLDER : VALUE_PLACEHOLDER);
            at = span[1];
        }
        return new ScrubResult(out.append(text, at, text.length()).toString(), counts, false);
    }

    private static boolean inside(List<int[]> spans, int position) {
        for (int[] span : spans) {
            if (position >= span[0] && position < span[1]) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesAny(String number, List<DpValue> values) {
        for (BigDecimal reading : readings(number)) {
            for (DpValue value : values) {
                if (matches(reading, value)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** x as written, with its last separator as decimal point, and with every separator read as grouping. */
    static List<BigDecimal> readings(String number) {
        List<BigDecimal> readings = new ArrayList<>(2);
        String digitsOnly = number.replaceAll("[^0-9]", "");
        readings.add(new BigDecimal(digitsOnly));
        int last = Math.max(number.lastIndexOf('.'), number.lastIndexOf(','));
        if (last > 0) {
            String whole = number.substring(0, last).replaceAll("[^0-9]", "");
            String fraction = number.substring(last + 1);
            if (!fraction.isEmpty() && fraction.chars().allMatch(Character::isDigit)) {
                readings.add(new BigDecimal(whole + "." + fraction));
            }
        }
        return readings;
    }

    private static boolean matches(BigDecimal x, DpValue value) {
        if (!Double.isFinite(value.value())) {
            return false;
        }
        BigDecimal v = new BigDecimal(Math.abs(value.value()));
        BigDecimal distance = x.subtract(v).abs();
        BigDecimal half = value.integral() ? new BigDecimal("0.5")
                : new BigDecimal("0.5").movePointLeft(Math.max(0, x.scale()));
        return value.integral() ? distance.compareTo(half) < 0 : distance.compareTo(half) <= 0;
    }
}
