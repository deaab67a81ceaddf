package io.lepton.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Creates and recursively deletes the temporary directories the embedded services, and the tools built on them, write
 * to.
 */
public final class TempDirectories {

    private TempDirectories() {
    }

    public static Path create(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a temporary directory", e);
        }
    }

    /** Deletes the directory tree; best effort, because it runs on shutdown paths that must not throw. */
    public static void delete(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(TempDirectories::deleteOne);
        } catch (IOException | UncheckedIOException e) {
            System.getLogger(TempDirectories.class.getName())
                    .log(System.Logger.Level.WARNING, "Could not delete " + root, e);
        }
    }

    private static void deleteOne(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
