package io.lepton.gateway.engine;

import io.lepton.gateway.engine.family.EventFamilies;
import io.lepton.gateway.engine.family.EventFamily;
import io.lepton.gateway.engine.family.FieldTags;
import io.lepton.gateway.engine.text.TextPiiType;
import java.util.Set;
import java.util.TreeSet;

/**
 * The PII classes a policy may name: every {@code pii} class tagged in the loaded schemas plus every type the
 * free-text detectors report. Derived, not listed, so a new tagged field needs no code change.
 */
public final class PiiCatalog {

    private PiiCatalog() {}

    public static Set<String> knownClasses(EventFamilies families) {
        Set<String> classes = new TreeSet<>();
        for (EventFamily family : families.all()) {
            classes.addAll(knownClasses(family));
        }
        return classes;
    }

    /** The classes that can occur in one family's records: its tagged fields' and the detected types. */
    public static Set<String> knownClasses(EventFamily family) {
        Set<String> classes = new TreeSet<>();
        for (TextPiiType type : TextPiiType.values()) {
            classes.add(type.name());
        }
        for (var field : family.rawSchema().getFields()) {
            FieldTags tags = family.tags(field.name());
            if (tags.isPii()) {
                classes.add(tags.piiClass());
            }
        }
        return classes;
    }
}
