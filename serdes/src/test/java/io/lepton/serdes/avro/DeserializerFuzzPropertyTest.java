package io.lepton.serdes.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.lepton.schemas.CustomerServiceEvent;
import io.lepton.schemas.FinancialSentimentEvent;
import io.lepton.serdes.Events;
import io.lepton.serdes.SerdeException;
import io.lepton.serdes.WireFormat;
import io.lepton.serdes.registry.InMemorySchemaRegistryClient;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

/**
 * Property: whatever bytes arrive on a raw topic, the deserializer either returns a record or throws a
 * {@link SerdeException}, never anything else, so the gateway can always quarantine instead of crashing.
 * Inputs: random bytes, random bodies behind a valid header, and valid payloads with random bytes overwritten.
 * Runs as a seeded loop: a failure names the seed, the try and the payload, and a rerun replays the same payloads.
 */
class DeserializerFuzzPropertyTest {

    private static final long SEED = 4242L;
    private static final int TRIES = 2000;
    private static final String TOPIC = "raw.fuzz";
    private static final InMemorySchemaRegistryClient REGISTRY = new InMemorySchemaRegistryClient();
    private static final byte[] VALID = new AvroSerializer<CustomerServiceEvent>(REGISTRY, AvroSerdeConfig.defaults())
            .serialize(TOPIC, Events.customerService());
    private static final int FINANCIAL_ID = REGISTRY.register("other-value", FinancialSentimentEvent.getClassSchema());

    private final AvroDeserializer<GenericRecord> generic =
            new AvroDeserializer<>(REGISTRY, AvroSerdeConfig.defaults());
    private final AvroDeserializer<CustomerServiceEvent> specific =
            new AvroDeserializer<>(REGISTRY, AvroSerdeConfig.builder().specificAvroReader(true).build());

    @Test
    void onlySerdeExceptionsEscape() {
        SplittableRandom random = new SplittableRandom(SEED);
        int decoded = 0;
        for (int attempt = 0; attempt < TRIES; attempt++) {
            byte[] payload = payload(random);
            try {
                decoded += deserializeIgnoringSerdeExceptions(payload) ? 1 : 0;
            } catch (Throwable escaped) {
                fail(String.format("seed %d, try %d, payload %s: %s escaped", SEED, attempt,
                        HexFormat.of().formatHex(payload), escaped), escaped);
            }
        }
        // Both outcomes must occur in bulk (about 3% decode: an overwritten string byte is often not UTF-8 any more),
        // or only the header checks would be tested.
        assertThat(decoded).as("payloads that decode").isBetween(TRIES / 50, TRIES - TRIES / 50);
    }

    /** Whether the generic reader decoded the payload; {@link SerdeException}s are the allowed refusals. */
    private boolean deserializeIgnoringSerdeExceptions(byte[] payload) {
        boolean decoded;
        try {
            generic.deserialize(TOPIC, payload);
            decoded = true;
        } catch (SerdeException expected) {
            decoded = false;
        }
        try {
            specific.deserialize(TOPIC, payload);
        } catch (SerdeException expected) {
            // The property allows these.
        }
        return decoded;
    }

    /** One of the three kinds of input, equally often. */
    private static byte[] payload(SplittableRandom random) {
        switch (random.nextInt(3)) {
            case 0:
                return randomBytes(random, 64);
            case 1:
                return WireFormat.frame(schemaId(random), randomBytes(random, 64));
            default:
                return mutatedValidPayload(random);
        }
    }

    /** Up to {@code maxLength} random bytes, with the empty, shorter-than-header and longest lengths as edges. */
    private static byte[] randomBytes(SplittableRandom random, int maxLength) {
        int length = random.nextInt(10) == 0
                ? new int[] {0, 1, WireFormat.HEADER_SIZE - 1, WireFormat.HEADER_SIZE, maxLength}[random.nextInt(5)]
                : random.nextInt(maxLength + 1);
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = anyByte(random);
        }
        return bytes;
    }

    /** Mostly the registered ids (the event's own and a foreign schema's), sometimes one the registry never issued. */
    private static int schemaId(SplittableRandom random) {
        int pick = random.nextInt(10);
        if (pick < 9) {
            return pick % 2 == 0 ? WireFormat.schemaId(VALID) : FINANCIAL_ID;
        }
        return new int[] {0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, random.nextInt()}[random.nextInt(5)];
    }

    /**
     * The valid payload with one to four body bytes overwritten; half the time whole (so many still decode and the
     * reader's paths past the first field are exercised), half the time truncated anywhere after the header.
     */
    private static byte[] mutatedValidPayload(SplittableRandom random) {
        int length = random.nextBoolean() ? VALID.length : random.nextInt(10) == 0
                ? new int[] {WireFormat.HEADER_SIZE, WireFormat.HEADER_SIZE + 1, VALID.length - 1}[random.nextInt(3)]
                : random.nextInt(WireFormat.HEADER_SIZE, VALID.length + 1);
        byte[] copy = Arrays.copyOf(VALID, length);
        for (int i = 1 + random.nextInt(4); i > 0; i--) {
            int position = random.nextInt(WireFormat.HEADER_SIZE, VALID.length);
            if (position < copy.length) {
                copy[position] = anyByte(random);
            }
        }
        return copy;
    }

    private static byte anyByte(SplittableRandom random) {
        return random.nextInt(8) == 0
                ? new byte[] {0, 1, -1, Byte.MIN_VALUE, Byte.MAX_VALUE}[random.nextInt(5)]
                : (byte) random.nextInt(256);
    }
}
