package io.lepton.serdes.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.lepton.embedded.ApicurioRegistry;
import io.lepton.embedded.junit.EmbeddedEnvironmentExtension;
import io.lepton.serdes.registry.RegistryClientConfig;
import io.lepton.serdes.registry.RestSchemaRegistryClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Several clients (as several stream threads or gateway instances do) register one new subject at the same
 * moment against a real Apicurio: the losers of the race get {@code 409 already exists}, and every one of them must
 * still come back with the single id the winner created, never an error.
 */
@ExtendWith(EmbeddedEnvironmentExtension.class)
class ConcurrentRegistrationIT {

    private static final int ROUNDS = 15;

    private final ApicurioRegistry registry;

    ConcurrentRegistrationIT(ApicurioRegistry registry) {
        this.registry = registry;
    }

    @ParameterizedTest(name = "{0} concurrent registrations")
    @ValueSource(ints = {2, 8})
    void concurrentRegistrationsOfOneNewSubjectAllResolveToTheSameId(int writers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String subject = "it.race-" + writers + "-" + round + "-value";
                Schema schema = SchemaBuilder.record("Audit" + round).namespace("io.lepton.it.race" + writers)
                        .fields().requiredString("eventId").endRecord();
                CyclicBarrier start = new CyclicBarrier(writers);
                List<Future<Integer>> ids = new ArrayList<>();
                for (int w = 0; w < writers; w++) {
                    RestSchemaRegistryClient client = freshClient();
                    ids.add(pool.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        return client.register(subject, schema);
                    }));
                }
                List<Integer> answers = new ArrayList<>();
                for (Future<Integer> id : ids) {
                    answers.add(id.get(60, TimeUnit.SECONDS));
                }
                assertThat(answers).as("round %d", round).containsOnly(freshClient().lookup(subject, schema));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void registeringAnAlreadyRegisteredSchemaAgainFromAFreshClientReturnsItsId() {
        Schema schema = SchemaBuilder.record("Again").namespace("io.lepton.it.race").fields()
                .requiredString("eventId").endRecord();
        int first = freshClient().register("it.race-again-value", schema);
        assertThat(freshClient().register("it.race-again-value", schema)).isEqualTo(first);
    }

    private RestSchemaRegistryClient freshClient() {
        return new RestSchemaRegistryClient(RegistryClientConfig.builder(registry.confluentApiUrl()).build());
    }
}
