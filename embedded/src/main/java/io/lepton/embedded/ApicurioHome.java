package io.lepton.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the Apicurio Registry runner jar the build unpacked: system property {@value #PROPERTY}, else environment
 * variable {@value #ENVIRONMENT}, else {@code embedded/target/apicurio} in the working directory or any parent (so
 * it works from the repository root and from any module directory).
 */
final class ApicurioHome {

    static final String PROPERTY = "lepton.apicurio.home";
    static final String ENVIRONMENT = "LEPTON_APICURIO_HOME";
    private static final Path BUILD_LOCATION = Path.of("embedded", "target", "apicurio");
    private static final String RUNNER_SUFFIX = "-runner.jar";

    private ApicurioHome() {
    }

    static Path locateRunnerJar() {
        Optional<Path> home = configuredHome().or(ApicurioHome::searchUpwards);
        return home.flatMap(ApicurioHome::runnerIn).orElseThrow(() -> new EmbeddedStartupException(
                "Apicurio Registry runner jar (*" + RUNNER_SUFFIX + ") not found in "
                        + home.map(Path::toString).orElse(BUILD_LOCATION + " (searched from "
                        + Path.of("").toAbsolutePath() + " upwards)")
                        + ". Run `./mvnw -B install -DskipTests` at the repository root to unpack it, or set -D"
                        + PROPERTY + " / " + ENVIRONMENT + " to the directory holding it."));
    }

    private static Optional<Path> configuredHome() {
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            return Optional.of(Path.of(property));
        }
        String environment = System.getenv(ENVIRONMENT);
        if (environment != null && !environment.isBlank()) {
            return Optional.of(Path.of(environment));
        }
        return Optional.empty();
    }

    private static Optional<Path> searchUpwards() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(BUILD_LOCATION);
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> runnerIn(Path home) {
        if (!Files.isDirectory(home)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(home)) {
            return files.filter(f -> f.getFileName().toString().endsWith(RUNNER_SUFFIX)).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + home, e);
        }
    }
}
