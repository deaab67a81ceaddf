package io.lepton.serdes.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;

/**
 * Property: toJson then JSON text then fromJson gives back an equal record, for generated records of a schema using
 * every Avro type the events use and more (nested records, arrays, maps, enums, nullable unions, bytes, fixed,
 * timestamps, non-finite doubles).
 */
class AvroJsonPropertyTest {

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

    @Property(tries = 200, seed = "20260101")
    void recordsRoundTripThroughPlainJsonText(@ForAll("records") GenericRecord record) throws Exception {
        String text = MAPPER.writeValueAsString(AvroJson.toJson(record));
        GenericRecord back = AvroJson.fromJson(MAPPER.readTree(text), SCHEMA);
        assertThat(back).isEqualTo(record);
        assertThat(GenericData.get().validate(SCHEMA, back)).isTrue();
    }

    @Provide
    Arbitrary<GenericRecord> records() {
        Arbitrary<String> strings = Arbitraries.strings().withCharRange(' ', '\uD7FF').ofMaxLength(20);
        Arbitrary<Double> doubles = Arbitraries.oneOf(Arbitraries.doubles(),
                Arbitraries.of(Double.NaN, Double.NEGATIVE_INFINITY, -0.0, Double.MIN_VALUE, Double.MAX_VALUE));
        Arbitrary<GenericRecord> nested = Combinators.combine(doubles.injectNull(0.3), strings)
                .as((ratio, label) -> new GenericRecordBuilder(NESTED).set("ratio", ratio).set("label", label)
                        .build());
        Arbitrary<Object> stringOrLong = Arbitraries.oneOf(strings.map(s -> (Object) s),
                Arbitraries.longs().map(l -> (Object) l)).injectNull(0.3);
        Arbitrary<Map<String, Long>> counts = Arbitraries.maps(strings, Arbitraries.longs()).ofMaxSize(4);
        Arbitrary<List<String>> tags = strings.list().ofMaxSize(4);
        Arbitrary<byte[]> raw = Arbitraries.bytes().array(byte[].class).ofMaxSize(16);
        Arbitrary<byte[]> four = Arbitraries.bytes().array(byte[].class).ofSize(4);
        Arbitrary<GenericRecordBuilder> scalars = Combinators.combine(Arbitraries.integers(), Arbitraries.longs(),
                Arbitraries.longs().between(-62_135_596_800_000L, 253_402_300_799_999L), doubles,
                Arbitraries.floats(), Arbitraries.of(true, false), strings, Arbitraries.of("RED", "GREEN", "BLUE"))
                .as((i, l, ts, d, f, b, s, color) -> new GenericRecordBuilder(SCHEMA)
                        .set("i", i).set("l", l).set("ts", ts).set("d", d).set("f", f).set("b", b).set("s", s)
                        .set("color", new GenericData.EnumSymbol(COLOR, color)));
        return Combinators.combine(scalars, strings.injectNull(0.5), Arbitraries.integers().injectNull(0.5),
                stringOrLong, tags, counts, nested, nested.injectNull(0.5))
                .flatAs((builder, maybeString, maybeInt, sol, tagList, countMap, inner, maybeInner) ->
                        Combinators.combine(raw, four).as((rawBytes, fourBytes) -> (GenericRecord) builder
                                .set("maybeString", maybeString).set("maybeInt", maybeInt)
                                .set("stringOrLong", sol).set("tags", tagList).set("counts", countMap)
                                .set("nested", inner).set("maybeNested", maybeInner)
                                .set("raw", ByteBuffer.wrap(rawBytes))
                                .set("four", new GenericData.Fixed(FIXED, fourBytes))
                                .build()));
    }
}
