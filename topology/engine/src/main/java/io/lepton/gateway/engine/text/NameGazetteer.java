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
    private static final Set<String> GIVEN = load("given-names.txt");
    private static final Set<String> SURNAMES = load("surnames.txt");

    private NameGazetteer() {
    }

    static boolean isGivenName(CharSequence text, int start, int end) {
        return end - start >= 2 && GIVEN.contains(lower(text, start, end));
    }

    static boolean isSurname(CharSequence text, int start, int end) {
        return end - start >= 2 && SURNAMES.contains(lower(text, start, end));
    }

    static boolean isKnown(CharSequence text, int start, int end) {
        if (end - start < 2) {
            return false;
        }
        String word = lower(text, start, end);
        return GIVEN.contains(word) || SURNAMES.contains(word);
    }

    private static String lower(CharSequence text, int start, int end) {
        return text.subSequence(start, end).toString().toLowerCase(Locale.ROOT);
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
