package io.lepton.gateway.engine.text.corpusv2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The checked-in corpus v2, parsed. */
public final class CorpusV2 {

    /** A labelled PII span: {@code [start, end)} in UTF-16 units of its text. */
    public record Span(int start, int end, String type, String tier, String format) {
    }

    public record Positive(String id, String lang, String region, String text, List<Span> spans) {
    }

    public record Negative(String id, String lang, String region, String cls, String text) {
    }

    private CorpusV2() {
    }

    public static List<Positive> positives() {
        List<Positive> out = new ArrayList<>();
        for (JsonNode node : lines("corpus-v2/positives.jsonl")) {
            List<Span> spans = new ArrayList<>();
            for (JsonNode s : node.get("spans")) {
                spans.add(new Span(s.get("start").asInt(), s.get("end").asInt(), s.get("type").asText(),
                        s.get("tier").asText(), s.get("format").asText()));
            }
            out.add(new Positive(node.get("id").asText(), node.get("lang").asText(), node.get("region").asText(),
                    node.get("text").asText(), List.copyOf(spans)));
        }
        return out;
    }

    public static List<Negative> negatives() {
        List<Negative> out = new ArrayList<>();
        for (JsonNode node : lines("corpus-v2/negatives.jsonl")) {
            out.add(new Negative(node.get("id").asText(), node.get("lang").asText(), node.get("region").asText(),
                    node.get("class").asText(), node.get("text").asText()));
        }
        return out;
    }

    private static List<JsonNode> lines(String resource) {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> out = new ArrayList<>();
        for (String line : CorpusV2Generator.resourceLines(resource)) {
            try {
                out.add(json.readTree(line));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }
}
