package io.lepton.gateway.engine.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The one-pass matcher against a brute-force reference: every occurrence of every variant in the folded text, mapped
 * back to the original positions and kept when both ends are word boundaries (an ideograph on either side of an end
 * counts as one: Chinese has no spaces). Texts and values come from a tiny alphabet, so overlapping and
 * self-overlapping occurrences ("aab" in "aaab"), partial matches that fail late, punctuation inside matches and
 * values glued to ideographs are the common case rather than the exception.
 */
class LinkedValueMatcherTest {

    private static final String TEXT_ALPHABET = "aab-. A1王";
    private static final String VALUE_ALPHABET = "abA 王";
    private static final Comparator<TypedSpan> ORDER = Comparator.comparingInt(TypedSpan::start)
            .thenComparingInt(TypedSpan::end).thenComparing(TypedSpan::typeName);

    @Test
    void findsExactlyWhatABruteForceSearchOfEveryVariantFinds() {
        Random random = new Random(20261202);
        int withMatches = 0;
        for (int trial = 0; trial < 3_000; trial++) {
            String text = random(random, TEXT_ALPHABET, random.nextInt(60));
            List<LinkedValue> linked = new ArrayList<>();
            for (int v = random.nextInt(4); v > 0; v--) {
                String cls = random.nextBoolean() ? "CUSTOMER_NAME" : "EMAIL";
                linked.add(new LinkedValue(random(random, VALUE_ALPHABET, 3 + random.nextInt(3)), cls));
            }
            List<TypedSpan> expected = bruteForce(text, linked);
            List<TypedSpan> actual = new ArrayList<>(LinkedValueMatcher.find(text, linked));
            expected.sort(ORDER);
            actual.sort(ORDER);
            assertThat(actual).as("text '%s', values %s", text, linked).isEqualTo(expected);
            withMatches += expected.isEmpty() ? 0 : 1;
        }
        assertThat(withMatches).as("trials with at least one match").isGreaterThan(300);
    }

    @Test
    void aValueIsFoundThroughCaseAndPunctuationAtWordBoundariesOnly() {
        List<LinkedValue> name = List.of(new LinkedValue("Jane Roe", "CUSTOMER_NAME"));
        assertThat(LinkedValueMatcher.find("Hi, I am JANE-roe. Ask for jane!", name))
                .extracting(TypedSpan::start, TypedSpan::end)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(9, 17),
                        org.assertj.core.groups.Tuple.tuple(9, 13), org.assertj.core.groups.Tuple.tuple(14, 17),
                        org.assertj.core.groups.Tuple.tuple(27, 31));
        assertThat(LinkedValueMatcher.find("Janet and Roebuck", name)).isEmpty();
    }

    private static List<TypedSpan> bruteForce(String text, List<LinkedValue> linked) {
        StringBuilder folded = new StringBuilder();
        List<Integer> original = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                folded.append(Character.toLowerCase(c));
                original.add(i);
            }
        }
        List<TypedSpan> spans = new ArrayList<>();
        for (LinkedValue value : linked) {
            for (String variant : LinkedValueMatcher.variants(value)) {
                for (int p = folded.indexOf(variant); p >= 0; p = folded.indexOf(variant, p + 1)) {
                    int start = original.get(p);
                    int end = original.get(p + variant.length() - 1) + 1;
                    if (wordEdge(text, start - 1, start) && wordEdge(text, end, end - 1)) {
                        spans.add(new TypedSpan(start, end, value.piiClass(), 1));
                    }
                }
            }
        }
        return spans;
    }

    private static boolean wordEdge(String text, int outside, int inside) {
        return outside < 0 || outside >= text.length() || !Character.isLetterOrDigit(text.charAt(outside))
            || isIdeograph(text.charAt(outside)) || isIdeograph(text.charAt(inside));
    }

    private static boolean isIdeograph(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    private static String random(Random random, String alphabet, int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }
}
