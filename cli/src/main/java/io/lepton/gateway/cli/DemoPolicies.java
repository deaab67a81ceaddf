package io.lepton.gateway.cli;

import io.lepton.gateway.engine.policy.PolicySet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The demo's policy directory: copies of the built-in policies (shipped under {@code demo-policies/}) whose fairness
 * windows are 30 s instead of an hour, so the generator's injected bias raises an alert within the first minute.
 * Extracted to a temporary directory (the class path may be a jar) that {@link #close()} deletes.
 */
final class DemoPolicies implements AutoCloseable {

    static final String RESOURCE_DIRECTORY = "demo-policies/";

    private final Path directory;

    private DemoPolicies(Path directory) {
        this.directory = directory;
    }

    static DemoPolicies extract() {
        Path directory;
        try {
            directory = Files.createTempDirectory("lepton-demo-policies-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary policy directory", e);
        }
        DemoPolicies policies = new DemoPolicies(directory);
        try {
            for (String id : PolicySet.BUILT_IN_IDS) {
                String resource = RESOURCE_DIRECTORY + id + ".yaml";
                try (InputStream in = DemoPolicies.class.getClassLoader().getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IllegalStateException("demo policy missing from the class path: " + resource);
                    }
                    Files.copy(in, directory.resolve(id + ".yaml"));
                }
            }
            return policies;
        } catch (IOException e) {
            policies.close();
            throw new UncheckedIOException("cannot extract the demo policies", e);
        } catch (RuntimeException e) {
            policies.close();
            throw e;
        }
    }

    Path directory() {
        return directory;
    }

    @Override
    public void close() {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: the directory is in the system temp area
        }
    }
}
