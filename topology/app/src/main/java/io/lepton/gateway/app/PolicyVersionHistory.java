package io.lepton.gateway.app;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;

/**
 * Remembers, in the instance's state directory, which policy version of each jurisdiction it last ran, so that a
 * start with another policy says so: {@code old -> new} per jurisdiction, a line an auditor can find in the logs next
 * to the first roll-up of the new version. The state directory is the instance's own volume (a StatefulSet keeps it
 * across restarts), which is where "last ran" is true.
 *
 * <p>Versions and labels come from policy files: no personal data.
 */
final class PolicyVersionHistory {

    /** The file in the state directory. */
    static final String FILE = "lepton-policy-versions.properties";

    private PolicyVersionHistory() {}

    /**
     * Compares {@code running} with what {@code stateDir} remembers, remembers {@code running}, and returns one line
     * per jurisdiction whose version changed, appeared or disappeared (nothing on a start with unchanged policies).
     */
    static List<String> update(Path stateDir, RunningPolicies running) {
        Path file = stateDir.resolve(FILE);
        Properties previous = read(file);
        Properties current = new Properties();
        List<String> changes = new ArrayList<>();
        for (RunningPolicies.Entry entry : running.entries()) {
            current.setProperty(entry.jurisdiction(), entry.version());
            String old = previous.getProperty(entry.jurisdiction());
            if (old == null && !previous.isEmpty()) {
                changes.add("policy added: jurisdiction=" + entry.jurisdiction() + " version=" + entry.version()
                        + " label=" + entry.label());
            } else if (old != null && !old.equals(entry.version())) {
                changes.add("policy version changed: jurisdiction=" + entry.jurisdiction() + " " + old + " -> "
                        + entry.version() + " label=" + entry.label());
            }
        }
        for (String jurisdiction : new TreeSet<>(previous.stringPropertyNames())) {
            if (current.getProperty(jurisdiction) == null) {
                changes.add("policy removed: jurisdiction=" + jurisdiction + " version=" + previous.getProperty(
                        jurisdiction));
            }
        }
        write(file, current);
        return changes;
    }

    private static Properties read(Path file) {
        Properties properties = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return properties;
    }

    private static void write(Path file, Properties versions) {
        try {
            Files.createDirectories(file.getParent());
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                versions.store(out, "policy versions this instance last ran (jurisdiction=content hash)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
