package io.lepton.gateway.engine.policy;

import java.nio.file.Path;

/**
 * An invalid policy, reported the way a compliance officer can act on it: file, line, field, problem and fix.
 *
 * <p>Thrown at start-up (and by {@code ./gateway policy check}) so a bad policy never reaches the first record.
 */
public final class PolicyException extends RuntimeException {

    private final String file;
    private final int line;
    private final String field;

    public PolicyException(String file, int line, String field, String problem, String fix) {
        super(file + (line > 0 ? ":" + line : "") + ": " + field + ": " + problem + (fix == null ? "" : ". Fix: " + fix));
        this.file = file;
        this.line = line;
        this.field = field;
    }

    public PolicyException(Path file, int line, String field, String problem, String fix) {
        this(file.toString(), line, field, problem, fix);
    }

    public String file() {
        return file;
    }

    /** 1-based line number, or 0 when the problem concerns the file as a whole. */
    public int line() {
        return line;
    }

    public String field() {
        return field;
    }
}
