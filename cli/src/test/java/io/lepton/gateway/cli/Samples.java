package io.lepton.gateway.cli;

import java.nio.file.Path;

/** The sample input shipped in {@code samples/} at the repository root. */
final class Samples {

    /** Tests run with the module directory as working directory. */
    static final Path EVENTS = Path.of("..", "samples", "events.jsonl");

    private Samples() {}
}
