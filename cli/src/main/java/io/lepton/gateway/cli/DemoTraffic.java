package io.lepton.gateway.cli;

import io.lepton.loadtest.generator.BiasConfig;
import io.lepton.loadtest.generator.EventGenerator;
import io.lepton.loadtest.generator.GeneratorConfig;
import io.lepton.loadtest.generator.GeneratorRun;
import io.lepton.loadtest.generator.RateLimiter;
import io.lepton.loadtest.generator.RecordPublisher;
import io.lepton.serdes.registry.SchemaRegistryClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** The demo's synthetic producer: the load-test generator on its own thread, until closed. */
final class DemoTraffic implements AutoCloseable {

    private final RecordPublisher publisher;
    private final GeneratorRun run;
    private final Thread thread;

    private DemoTraffic(RecordPublisher publisher, GeneratorRun run) {
        this.publisher = publisher;
        this.run = run;
        this.thread = new Thread(run, "lepton-demo-generator");
    }

    static DemoTraffic start(String bootstrapServers, SchemaRegistryClient registry, double rate, long seed,
            BiasConfig bias) {
        EventGenerator generator = new EventGenerator(new GeneratorConfig(seed, GeneratorConfig.DEFAULT_POPULATION,
                GeneratorConfig.DEFAULT_MALFORMED_FRACTION, bias), Clock.systemUTC());
        RecordPublisher publisher = RecordPublisher.create(bootstrapServers, registry);
        DemoTraffic traffic = new DemoTraffic(publisher,
                new GeneratorRun(generator, publisher, RateLimiter.perSecond(rate), Duration.ZERO));
        traffic.thread.start();
        return traffic;
    }

    /** Records sent so far, by family and {@code malformed:<KIND>}. */
    Map<String, Long> sent() {
        return run.sent();
    }

    /** Stops producing, flushes what was sent and closes the producer. */
    @Override
    public void close() {
        run.stop();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            publisher.close();
        }
    }
}
