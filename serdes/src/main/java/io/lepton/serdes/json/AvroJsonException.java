package io.lepton.serdes.json;

/**
 * A JSON value does not fit the Avro schema. Says where ({@link #path()}, e.g. {@code $.customerAge}) and what is
 * wrong ({@link #problem()}), so a compliance officer can fix a dry-run input line without reading Avro errors.
 */
public final class AvroJsonException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String path;
    private final String problem;

    public AvroJsonException(String path, String problem) {
        super(path + ": " + problem);
        this.path = path;
        this.problem = problem;
    }

    public String path() {
        return path;
    }

    public String problem() {
        return problem;
    }
}
