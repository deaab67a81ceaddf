package io.lepton.serdes.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.junit.jupiter.api.Test;

/**
 * Property: toJson then JSON text then fromJson gives back an equal record, for generated records of a schema using
 * every Avro type the events use and more (nested records, arrays, maps, enums, nullable unions, bytes, fixed,
 * timestamps, non-finite doubles). Runs as a seeded loop: a failure names the seed and the try, and a rerun replays
 * the same records.
 */
class AvroJsonPropertyTest {

    private static final long SEED = 20260101L;
    private static final int TRIES = 1000;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Schema NESTED = SchemaBuilder.record("Nested").namespace("io.lepton.test").fields()
            .optionalDouble("ratio")
            .requiredString("label")
            .endRecord();
    private static final Schema COLOR = SchemaBuilder.enumeration("Color").namespace("io.lepton.test")
            .symbols("RED", "GREEN", "BLUE");
    private static final Schema FIXED = SchemaBuilder.fixed("Four").namespace("io.lepton.test").size(4);
    private static final Schema TIMESTAMP = LogicalTypes.timestampMillis()
            .addToSchema(Schema.create(Schema.Type.LONG));
    private static final Schema SCHEMA = SchemaBuilder.record("Everything").namespace("io.lepton.test").fields()
            .requiredInt("i")
            .requiredLong("l")
            .name("ts").type(TIMESTAMP).noDefault()
            .requiredDouble("d")
            .requiredFloat("f")
            .requiredBoolean("b")
            .requiredString("s")
            .name("color").type(COLOR).noDefault()
            .optionalString("maybeString")
            .optionalInt("maybeInt")
            .name("stringOrLong").type().unionOf().nullType().and().stringType().and().longType().endUnion()
            .nullDefault()
            .name("tags").type().array().items().stringType().noDefault()
            .name("counts").type().map().values().longType().noDefault()
            .name("nested").type(NESTED).noDefault()
            .name("maybeNested").type().optional().type(NESTED)
            .requiredBytes("raw")
            .name("four").type(FIXED).noDefault()
            .endRecord();

    @Test
    void recordsRoundTripThroughPlainJsonText() throws Exception {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int attempt = 0; attempt < TRIES; attempt++) {
            GenericRecord record = record(random);
            String text = MAPPER.writeValueAsString(AvroJson.toJson(record));
            GenericRecord back = AvroJson.fromJson(MAPPER.readTree(text), SCHEMA);
            assertThat(back).as("seed %d, try %d, json %s", SEED, attempt, text).isEqualTo(record);
            assertThat(GenericData.get().validate(SCHEMA, back)).as("seed %d, try %d", SEED, attempt).isTrue();
        }
    }

    private static GenericRecord record(SplittableRandom random) {
        return new GenericRecordBuilder(SCHEMA)
                .set("i", anyInt(random))
                .set("l", anyLong(random))
                .set("ts", timestamp(random))
                .set("d", anyDouble(random))
                .set("f", anyFloat(random))
                .set("b", random.nextBoolean())
                .set("s", string(random))
                .set("color", new GenericData.EnumSymbol(COLOR, COLOR.getEnumSymbols().get(random.nextInt(3))))
                .set("maybeString", random.nextBoolean() ? null : string(random))
                .set("maybeInt", random.nextBoolean() ? null : anyInt(random))
                .set("stringOrLong", stringOrLong(random))
                .set("tags", tags(random))
                .set("counts", counts(random))
                .set("nested", nested(random))
                .set("maybeNested", random.nextBoolean() ? null : nested(random))
                .set("raw", ByteBuffer.wrap(bytes(random, random.nextInt(17))))
                .set("four", new GenericData.Fixed(FIXED, bytes(random, 4)))
                .build();
    }

    private static GenericRecord nested(SplittableRandom random) {
        return new GenericRecordBuilder(NESTED)
                .set("ratio", random.nextInt(10) < 3 ? null : anyDouble(random))
                .set("label", string(random))
                .build();
    }

    private static Object stringOrLong(SplittableRandom random) {
        int pick = random.nextInt(10);
        if (pick < 3) {
            return null;
        }
        return pick < 7 ? string(random) : (Object) anyLong(random);
    }

    private static List<String> tags(SplittableRandom random) {
        List<String> tags = new ArrayList<>();
        for (int i = random.nextInt(5); i > 0; i--) {
            tags.add(string(random));
        }
        return tags;
    }

    private static Map<String, Long> counts(SplittableRandom random) {
        Map<String, Long> counts = new HashMap<>();
        for (int i = random.nextInt(5); i > 0; i--) {
            counts.put(string(random), anyLong(random));
        }
        return counts;
    }

    /**
     * Up to 20 characters, mostly uniform between ' ' and U+D7FF (no lone surrogates); one in five is one that JSON
     * escaping or UTF-8 cares about (quote, backslash, DEL, a surrogate pair), and empty and 1000-character strings
     * come up too.
     */
    private static String string(SplittableRandom random) {
        int pick = random.nextInt(20);
        int length = pick == 0 ? 0 : pick == 1 ? 1000 : random.nextInt(21);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            if (random.nextInt(5) == 0) {
                text.append(new String[] {" ", "\"", "\\", "/", "\u007f", "\u00e9", "\ud7ff", "\uD83D\uDE00"}
                        [random.nextInt(8)]);
            } else {
                text.append((char) random.nextInt(' ', 0xD800));
            }
        }
        return text.toString();
    }

    private static int anyInt(SplittableRandom random) {
        if (random.nextInt(10) == 0) {
            return new int[] {0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE}[random.nextInt(5)];
        }
        return random.nextBoolean() ? random.nextInt() : random.nextInt(-1000, 1001);
    }

    private static long anyLong(SplittableRandom random) {
        if (random.nextInt(10) == 0) {
            return new long[] {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, 1L << 53, (1L << 53) + 1}[random.nextInt(7)];
        }
        return random.nextBoolean() ? random.nextLong() : random.nextLong(-1000, 1001);
    }

    /** Epoch millis from year 1 to year 9999, the range ISO-8601 text can carry, with both ends and 0. */
    private static long timestamp(SplittableRandom random) {
        long min = -62_135_596_800_000L;
        long max = 253_402_300_799_999L;
        if (random.nextInt(10) == 0) {
            return new long[] {min, max, 0, -1}[random.nextInt(4)];
        }
        return random.nextLong(min, max + 1);
    }

    /** Any double: every bit pattern (NaN payloads collapse to NaN), decimals, and the non-finite and extreme edges. */
    private static double anyDouble(SplittableRandom random) {
        int pick = random.nextInt(10);
        if (pick < 2) {
            return new double[] {Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, -0.0, 0.0,
                Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, -Double.MAX_VALUE}
                    [random.nextInt(10)];
        }
        if (pick < 5) {
            return random.nextLong(-100_000_000L, 100_000_001L) / 100.0;
        }
        double value = Double.longBitsToDouble(random.nextLong());
        return Double.isNaN(value) ? Double.NaN : value;
    }

    /** Any float, built the same way as {@link #anyDouble}. */
    private static float anyFloat(SplittableRandom random) {
        int pick = random.nextInt(10);
        if (pick < 2) {
            return new float[] {Float.NaN, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, -0.0f, 0.0f,
                Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, Float.MAX_VALUE, -Float.MAX_VALUE}
                    [random.nextInt(10)];
        }
        if (pick < 5) {
            return random.nextInt(-1_000_000, 1_000_001) / 100.0f;
        }
        float value = Float.intBitsToFloat(random.nextInt());
        return Float.isNaN(value) ? Float.NaN : value;
    }

    private static byte[] bytes(SplittableRandom random, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = random.nextInt(8) == 0 ? new byte[] {0, -1, Byte.MIN_VALUE, Byte.MAX_VALUE}[random.nextInt(4)]
                    : (byte) random.nextInt(256);
        }
        return bytes;
    }
}
