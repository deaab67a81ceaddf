package io.lepton.gateway.engine.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Known given names and surnames, from public-domain statistics shipped as resources next to this class (the SSA's
 * baby names and the US Census 2010 surnames; sources in the files' headers and the README). Names that are also
 * common words were left out of the files, so a known name is strong evidence on its own; the detectors still use it
 * only with context (a cue, or a given name followed by a known surname).
 */
final class NameGazetteer {
    private static final WordHashes GIVEN = WordHashes.of(load("given-names.txt"));
    private static final WordHashes SURNAMES = WordHashes.of(load("surnames.txt"));

    private NameGazetteer() {
    }

    static boolean isGivenName(CharSequence text, int start, int end) {
        return end - start >= 2 && GIVEN.contains(text, start, end);
    }

    static boolean isSurname(CharSequence text, int start, int end) {
        return end - start >= 2 && SURNAMES.contains(text, start, end);
    }

    static boolean isKnown(CharSequence text, int start, int end) {
        if (end - start < 2) {
            return false;
        }
        long hash = WordHashes.hash(text, start, end);
        return GIVEN.containsHash(hash) || SURNAMES.containsHash(hash);
    }

    private static Set<String> load(String resource) {
        Set<String> names = new HashSet<>();
        try (InputStream in = NameGazetteer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing name list " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    names.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read name list " + resource, e);
        }
        return Set.copyOf(names);
    }
}
