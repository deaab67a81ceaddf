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

    /**
     * The demo's population. Large enough that most events are their subject's only one of a family in a fairness
     * pane (the monitor counts one vote per subject and pane): with 2,000 subjects at the demo's 400 events/s a third
     * of the events were repeats that carry no evidence, and the injected gender bias took 39 to 62 s of event time
     * to raise (four seeds; 5,000: 17 to 60 s); with 10,000, 9 to 39 s. The price: heavy users (2% of subjects, 20%
     * of events) now send 0.13 events/s per family, so at the demo's ε 0.5 of 4 per day their budgets run out after
     * about a minute instead of about 12 s, and the demo shows fewer DP suppressions in its first minute.
     */
    public static final int DEFAULT_POPULATION = 10_000;
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

    /** The demo's mix: 10,000 subjects, 1% malformed, {@link BiasConfig#DEFAULT}. */
    public static GeneratorConfig defaults(long seed) {
        return new GeneratorConfig(seed, DEFAULT_POPULATION, DEFAULT_MALFORMED_FRACTION, BiasConfig.DEFAULT);
    }
}
