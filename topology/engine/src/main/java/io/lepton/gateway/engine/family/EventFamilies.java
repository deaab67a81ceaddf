package io.lepton.gateway.engine.family;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * The event families the gateway processes, keyed by name, loaded from the {@code .avsc} files of the schemas jar.
 *
 * <p>Loading the {@code .avsc} resources rather than the generated classes' {@code SCHEMA$} keeps one source of
 * truth and lets a deployment add a family by shipping a schema file.
 */
public final class EventFamilies {

    /** Resource names of the built-in raw schemas inside the schemas jar. */
    static final List<String> BUILT_IN = List.of(
            "io/lepton/schemas/customer-service.avsc",
            "io/lepton/schemas/recommendation.avsc",
            "io/lepton/schemas/financial-sentiment.avsc");

    private final Map<String, EventFamily> byName;

    private EventFamilies(Map<String, EventFamily> byName) {
        this.byName = byName;
    }

    /** The three built-in families. */
    public static EventFamilies builtIn() {
        Map<String, EventFamily> families = new LinkedHashMap<>();
        for (String resource : BUILT_IN) {
            EventFamily family = EventFamily.fromSchema(load(resource));
            families.put(family.name(), family);
        }
        return new EventFamilies(Map.copyOf(families));
    }

    private static Schema load(String resource) {
        try (InputStream in = EventFamilies.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema resource not on the class path: " + resource);
            }
            return new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    public Optional<EventFamily> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The family whose raw topic is {@code topic}, if any. */
    public Optional<EventFamily> byRawTopic(String topic) {
        return byName.values().stream().filter(f -> f.rawTopic().equals(topic)).findFirst();
    }

    /** All families in a stable order (by name). */
    public List<EventFamily> all() {
        return byName.values().stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
    }
}
