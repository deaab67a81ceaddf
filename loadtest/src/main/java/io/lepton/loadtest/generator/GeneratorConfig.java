package io.lepton.loadtest.generator;

/**
 * What to generate. Same config and same clock readings give the same records, byte for byte.
 *
 * @param seed random seed
 * @param populationSize number of distinct data subjects
 * @param malformedFraction share of records that are broken on purpose (see {@link MalformedKind})
 * @param bias the injected unfairness ({@link BiasConfig#NONE} for none)
 */
public record GeneratorConfig(long seed, int populationSize, double malformedFraction, BiasConfig bias) {

    public static final int DEFAULT_POPULATION = 2_000;
    public static final double DEFAULT_MALFORMED_FRACTION = 0.01;

    public GeneratorConfig {
        if (populationSize < 1) {
            throw new IllegalArgumentException("populationSize must be at least 1, got " + populationSize);
        }
        if (!(malformedFraction >= 0 && malformedFraction <= 1)) {
            throw new IllegalArgumentException("malformedFraction must be within [0, 1], got " + malformedFraction);
        }
        if (bias == null) {
            throw new IllegalArgumentException("bias must be set (BiasConfig.NONE for none)");
        }
    }

    /** The demo's mix: 2,000 subjects, 1% malformed, {@link BiasConfig#DEFAULT}. */
    public static GeneratorConfig defaults(long seed) {
        return new GeneratorConfig(seed, DEFAULT_POPULATION, DEFAULT_MALFORMED_FRACTION, BiasConfig.DEFAULT);
    }
}
