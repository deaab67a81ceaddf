package io.lepton.loadtest.generator;

import io.lepton.serdes.registry.RegistryClientConfig;
import io.lepton.serdes.registry.RestSchemaRegistryClient;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Runs the generator against any Kafka and Confluent-API schema registry, e.g.
 * {@code java -cp 'cli/target/lib/*' io.lepton.loadtest.generator.GeneratorMain --bootstrap localhost:9092
 * --registry http://localhost:8081 --rate 500 --seconds 60}.
 */
@Command(name = "lepton-generator", mixinStandardHelpOptions = true,
        description = "Produce realistic synthetic raw events (all families, all regions) to Kafka.")
public final class GeneratorMain implements Callable<Integer> {

    @Option(names = "--bootstrap", required = true, paramLabel = "HOST:PORT", description = "Kafka bootstrap servers.")
    String bootstrap;

    @Option(names = "--registry", required = true, paramLabel = "URL",
            description = "Confluent-API schema registry URL (e.g. Apicurio's .../apis/ccompat/v7).")
    String registry;

    @Option(names = "--rate", defaultValue = "200", description = "Records per second (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--seconds", defaultValue = "60",
            description = "How long to produce; 0 runs until Ctrl-C (default: ${DEFAULT-VALUE}).")
    long seconds;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--population", defaultValue = "" + GeneratorConfig.DEFAULT_POPULATION,
            description = "Distinct data subjects (default: ${DEFAULT-VALUE}).")
    int population;

    @Option(names = "--malformed", defaultValue = "" + GeneratorConfig.DEFAULT_MALFORMED_FRACTION,
            description = "Share of deliberately broken records (default: ${DEFAULT-VALUE}).")
    double malformed;

    @Option(names = "--bias", defaultValue = "eu-gdpr:gender:F:0.55:0.80",
            paramLabel = "JURISDICTION:ATTRIBUTE:GROUP:RATE:REFERENCE_RATE",
            converter = BiasConverter.class,
            description = "Injected decision bias, or 'none' (default: ${DEFAULT-VALUE}).")
    BiasConfig bias;

    @Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new GeneratorMain()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        GeneratorConfig config = new GeneratorConfig(seed, population, malformed, bias);
        EventGenerator generator = new EventGenerator(config, Clock.systemUTC());
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(RegistryClientConfig.builder(registry).build());
        try (RecordPublisher publisher = RecordPublisher.create(bootstrap, client)) {
            GeneratorRun run = new GeneratorRun(generator, publisher, RateLimiter.perSecond(rate),
                    Duration.ofSeconds(seconds));
            Thread worker = new Thread(run, "lepton-generator");
            Thread hook = new Thread(() -> {
                run.stop();
                joinQuietly(worker);
            });
            Runtime.getRuntime().addShutdownHook(hook);
            worker.start();
            worker.join();
            Runtime.getRuntime().removeShutdownHook(hook);
            out.println("sent " + run.sent());
        }
        return 0;
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Picocli adapter for {@link BiasConfig#parse(String)}. */
    public static final class BiasConverter implements CommandLine.ITypeConverter<BiasConfig> {
        @Override
        public BiasConfig convert(String value) {
            return BiasConfig.parse(value);
        }
    }
}
