package io.lepton.gateway.engine.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall per type on the shipped labeled corpus. A detection counts as a true positive only if its
 * span and type equal a labeled span exactly; anything else the scanner reports is a false positive.
 */
class TextCorpusTest {
    private static final double MIN_RECALL = 0.99;
    private static final double MIN_PRECISION = 0.98;
    private static String committed;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = TextCorpusTest.class.getResourceAsStream("/text-corpus.jsonl")) {
            committed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void committedCorpusIsWhatTheGeneratorProduces() throws IOException {
        assertThat(committed).isEqualTo(TextCorpusGenerator.toJsonLines(new TextCorpusGenerator().generate()));
    }

    @Test
    void precisionAndRecallPerType() throws IOException {
        FreeTextScanner scanner = FreeTextScanner.builder().build();
        ObjectMapper json = new ObjectMapper();
        Map<TextPiiType, int[]> counts = new EnumMap<>(TextPiiType.class); // tp, fp, fn
        for (TextPiiType t : TextPiiType.values()) {
            counts.put(t, new int[3]);
        }
        List<String> examples = new ArrayList<>();
        for (String line : committed.split("\n")) {
            JsonNode node = json.readTree(line);
            String text = node.get("text").asText();
            Set<Detection> gold = new HashSet<>();
            for (JsonNode span : node.get("spans")) {
                gold.add(new Detection(span.get("start").asInt(), span.get("end").asInt(),
                    TextPiiType.valueOf(span.get("type").asText())));
            }
            Set<Detection> found = new HashSet<>(scanner.scan(text));
            for (Detection d : found) {
                counts.get(d.type())[gold.contains(d) ? 0 : 1]++;
                if (!gold.contains(d) && examples.size() < 40 && d.type() != TextPiiType.PERSON_NAME) {
                    examples.add("FP " + d.type() + " '" + text.substring(d.start(), d.end()) + "' in: " + text);
                }
            }
            for (Detection d : gold) {
                if (!found.contains(d)) {
                    counts.get(d.type())[2]++;
                    if (examples.size() < 40 && d.type() != TextPiiType.PERSON_NAME) {
                        examples.add("FN " + d.type() + " '" + text.substring(d.start(), d.end()) + "' in: " + text);
                    }
                }
            }
        }
        System.out.println(table(counts));
        examples.forEach(System.out::println); // errors of validator-backed types, to diagnose a failing threshold
        for (TextPiiType type : TextPiiType.values()) {
            int[] c = counts.get(type);
            assertThat(c[0] + c[2]).as("positives of %s in corpus", type).isGreaterThanOrEqualTo(100);
            if (type != TextPiiType.PERSON_NAME) {
                assertThat(recall(c)).as("recall of %s", type).isGreaterThanOrEqualTo(MIN_RECALL);
                assertThat(precision(c)).as("precision of %s", type).isGreaterThanOrEqualTo(MIN_PRECISION);
            }
        }
    }

    private static String table(Map<TextPiiType, int[]> counts) {
        StringBuilder sb = new StringBuilder(String.format("%n%-16s %6s %5s %5s %9s %7s%n", "type", "TP", "FP", "FN",
            "precision", "recall"));
        counts.forEach((type, c) -> sb.append(String.format("%-16s %6d %5d %5d %9.4f %7.4f%s%n", type, c[0], c[1],
            c[2], precision(c), recall(c), type == TextPiiType.PERSON_NAME ? "  (cue-based, no threshold)" : "")));
        return sb.toString();
    }

    private static double precision(int[] c) {
        return c[0] + c[1] == 0 ? 1.0 : (double) c[0] / (c[0] + c[1]);
    }

    private static double recall(int[] c) {
        return c[0] + c[2] == 0 ? 1.0 : (double) c[0] / (c[0] + c[2]);
    }
}
