package io.lepton.gateway.engine.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML node that remembers its file, line and dotted path, so every validation error can name all three.
 *
 * <p>SnakeYAML's composed node tree is used instead of data binding because binding loses line numbers, and an error
 * without a line is a poor error for the person who owns the file.
 */
final class YamlNode {

    private final String file;
    private final String path;
    private final Node node;

    private YamlNode(String file, String path, Node node) {
        this.file = file;
        this.path = path;
        this.node = node;
    }

    static YamlNode parse(String file, String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(10);
        try {
            Node root = new Yaml(options).compose(new java.io.StringReader(text));
            if (root == null) {
                throw new PolicyException(file, 0, "(file)", "the file is empty", "write a policy mapping");
            }
            return new YamlNode(file, "", root);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new PolicyException(file, line, "(syntax)", "invalid YAML: " + e.getProblem(),
                    "fix the YAML syntax at that line");
        }
    }

    int line() {
        return node.getStartMark().getLine() + 1;
    }

    String path() {
        return path.isEmpty() ? "(root)" : path;
    }

    String file() {
        return file;
    }

    PolicyException error(String problem, String fix) {
        return new PolicyException(file, line(), path(), problem, fix);
    }

    boolean isScalar() {
        return node instanceof ScalarNode;
    }

    boolean isMapping() {
        return node instanceof MappingNode;
    }

    /** The entries of a mapping, in file order. */
    Map<String, YamlNode> entries() {
        if (!(node instanceof MappingNode mapping)) {
            throw error("expected a mapping (key: value lines)", "indent the entries under " + path());
        }
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                throw new YamlNode(file, path, tuple.getKeyNode()).error("keys must be plain words", null);
            }
            entries.put(key.getValue(), new YamlNode(file, child(key.getValue()), tuple.getValueNode()));
        }
        return entries;
    }

    Optional<YamlNode> optional(String key) {
        return Optional.ofNullable(entries().get(key));
    }

    YamlNode required(String key, String fix) {
        return optional(key).orElseThrow(() -> new PolicyException(file, line(), child(key), "missing", fix));
    }

    List<YamlNode> items() {
        if (node instanceof ScalarNode) {
            return List.of(this);
        }
        if (!(node instanceof SequenceNode sequence)) {
            throw error("expected a list", "write [a, b] or one '- item' per line");
        }
        List<YamlNode> items = new ArrayList<>();
        List<Node> values = sequence.getValue();
        for (int i = 0; i < values.size(); i++) {
            items.add(new YamlNode(file, path + "[" + i + "]", values.get(i)));
        }
        return items;
    }

    String text() {
        if (!(node instanceof ScalarNode scalar)) {
            throw error("expected a single value", "write a plain value, not a list or mapping");
        }
        return scalar.getValue().trim();
    }

    int asInt(int min, int max) {
        try {
            int value = Integer.parseInt(text());
            if (value < min || value > max) {
                throw error("must be between " + min + " and " + max + ", got " + value, "use a value in range");
            }
            return value;
        } catch (NumberFormatException e) {
            throw error("expected a whole number, got '" + text() + "'", "write a number such as " + min);
        }
    }

    double asDouble(double min, double max) {
        try {
            double value = Double.parseDouble(text());
            if (!(value >= min && value <= max)) {
                throw error("must be between " + min + " and " + max + ", got " + value, "use a value in range");
            }
            return value;
        } catch (NumberFormatException e) {
            throw error("expected a number, got '" + text() + "'", "write a number such as " + min);
        }
    }

    boolean asBoolean() {
        return switch (text()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw error("expected true or false, got '" + text() + "'", "write true or false");
        };
    }

    java.time.Duration asDuration() {
        try {
            java.time.Duration value = java.time.Duration.parse(text());
            if (value.isNegative() || value.isZero()) {
                throw error("must be positive", "write an ISO-8601 duration such as PT1H or P1D");
            }
            return value;
        } catch (java.time.format.DateTimeParseException e) {
            throw error("expected an ISO-8601 duration, got '" + text() + "'", "write e.g. PT30S, PT1H or P1D");
        }
    }

    /** Fails on any key not in {@code allowed}: a typo must not silently fall back to a default. */
    void allowOnly(java.util.Set<String> allowed) {
        for (Map.Entry<String, YamlNode> entry : entries().entrySet()) {
            if (!allowed.contains(entry.getKey())) {
                throw entry.getValue().error("unknown key '" + entry.getKey() + "'",
                        "use one of " + String.join(", ", new java.util.TreeSet<>(allowed)));
            }
        }
    }

    private String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
