package io.lepton.gateway.engine.family;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.avro.Schema;

/**
 * The event families the gateway processes, keyed by name, discovered from the {@code .avsc} files on the class path.
 *
 * <p>Every schema under {@value #SCHEMA_PACKAGE} that carries a {@code "family"} property is a raw event family, so a
 * deployment adds a family by shipping a tagged schema file there (in the schemas jar or any jar beside it), with no
 * code change: its privacy tags drive the sanitizer, its {@code family} names its topics. Schemas without the property
 * (the gateway's own output records) are not families.
 */
public final class EventFamilies {

    /** The class-path directory scanned for raw event schemas. */
    static final String SCHEMA_PACKAGE = "io/lepton/schemas";

    private final Map<String, EventFamily> byName;

    private EventFamilies(Map<String, EventFamily> byName) {
        this.byName = byName;
    }

    /**
     * The families on the class path.
     *
     * @throws IllegalStateException when none is found, or two schemas claim one family name
     */
    public static EventFamilies discover() {
        return discover(EventFamilies.class.getClassLoader());
    }

    static EventFamilies discover(ClassLoader loader) {
        Map<String, EventFamily> families = new TreeMap<>();
        for (Schema schema : SchemaResources.load(SCHEMA_PACKAGE, loader)) {
            if (schema.getProp("family") != null) {
                EventFamily family = EventFamily.fromSchema(schema);
                EventFamily previous = families.put(family.name(), family);
                if (previous != null) {
                    throw new IllegalStateException("two schemas on the class path claim family " + family.name()
                            + ": " + previous.rawSchema().getFullName() + " and " + schema.getFullName());
                }
            }
        }
        if (families.isEmpty()) {
            throw new IllegalStateException("no event family schema (an .avsc with a \"family\" property) under "
                    + SCHEMA_PACKAGE + " on the class path");
        }
        return new EventFamilies(Map.copyOf(families));
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
