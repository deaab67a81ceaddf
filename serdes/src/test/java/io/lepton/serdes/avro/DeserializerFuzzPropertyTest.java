package io.lepton.serdes.avro;

import static org.assertj.core.api.Assertions.assertThatCode;

import io.lepton.schemas.CustomerServiceEvent;
import io.lepton.schemas.FinancialSentimentEvent;
import io.lepton.serdes.Events;
import io.lepton.serdes.SerdeException;
import io.lepton.serdes.WireFormat;
import io.lepton.serdes.registry.InMemorySchemaRegistryClient;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.avro.generic.GenericRecord;

/**
 * Property: whatever bytes arrive on a raw topic, the deserializer either returns a record or throws a
 * {@link SerdeException}, never anything else, so the gateway can always quarantine instead of crashing.
 * Inputs: random bytes, random bodies behind a valid header, and valid payloads with random bytes overwritten.
 */
class DeserializerFuzzPropertyTest {

    private static final String TOPIC = "raw.fuzz";
    private static final InMemorySchemaRegistryClient REGISTRY = new InMemorySchemaRegistryClient();
    private static final byte[] VALID = new AvroSerializer<CustomerServiceEvent>(REGISTRY, AvroSerdeConfig.defaults())
            .serialize(TOPIC, Events.customerService());
    private static final int FINANCIAL_ID = REGISTRY.register("other-value", FinancialSentimentEvent.getClassSchema());

    private final AvroDeserializer<GenericRecord> generic =
            new AvroDeserializer<>(REGISTRY, AvroSerdeConfig.defaults());
    private final AvroDeserializer<CustomerServiceEvent> specific =
            new AvroDeserializer<>(REGISTRY, AvroSerdeConfig.builder().specificAvroReader(true).build());

    @Property(tries = 1000, seed = "4242")
    void onlySerdeExceptionsEscape(@ForAll("payloads") byte[] payload) {
        assertThatCode(() -> deserializeIgnoringSerdeExceptions(payload)).doesNotThrowAnyException();
    }

    private void deserializeIgnoringSerdeExceptions(byte[] payload) {
        try {
            generic.deserialize(TOPIC, payload);
        } catch (SerdeException expected) {
            // The property allows these.
        }
        try {
            specific.deserialize(TOPIC, payload);
        } catch (SerdeException expected) {
            // The property allows these.
        }
    }

    @Provide
    Arbitrary<byte[]> payloads() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(64);
        Arbitrary<byte[]> randomBody = Combinators.combine(Arbitraries.of(WireFormat.schemaId(VALID), FINANCIAL_ID),
                random).as(WireFormat::frame);
        Arbitrary<byte[]> mutated = Combinators.combine(
                Arbitraries.integers().between(WireFormat.HEADER_SIZE, VALID.length - 1).list().ofMinSize(1)
                        .ofMaxSize(4),
                Arbitraries.bytes().list().ofSize(4),
                Arbitraries.integers().between(WireFormat.HEADER_SIZE, VALID.length))
                .as((positions, values, length) -> {
                    byte[] copy = java.util.Arrays.copyOf(VALID, length);
                    for (int i = 0; i < positions.size(); i++) {
                        if (positions.get(i) < copy.length) {
                            copy[positions.get(i)] = values.get(i);
                        }
                    }
                    return copy;
                });
        return Arbitraries.oneOf(random, randomBody, mutated);
    }
}
