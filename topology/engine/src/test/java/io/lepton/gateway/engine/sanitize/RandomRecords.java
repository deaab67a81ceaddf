package io.lepton.gateway.engine.sanitize;

import io.lepton.gateway.engine.family.EventFamily;
import io.lepton.gateway.engine.family.FieldTags;
import java.util.Random;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/** Random raw records generated from a family's schema and tags, for property tests. */
final class RandomRecords {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private RandomRecords() {}

    static GenericRecord of(EventFamily family, String region, Random random) {
        GenericData.Record record = new GenericData.Record(family.rawSchema());
        StringBuilder taggedStrings = new StringBuilder();
        for (Schema.Field field : family.rawSchema().getFields()) {
            Object value = field.name().equals("region") ? region
                    : value(field.schema(), family.tags(field.name()), random);
            record.put(field.pos(), value);
            if (family.tags(field.name()).isPii() && value instanceof String text) {
                taggedStrings.append(" also ").append(text);
            }
        }
        // Free text repeats the record's own tagged values, as customers do ("my email is ..."): linked-value
        // scrubbing must remove them there too.
        for (Schema.Field field : family.rawSchema().getFields()) {
            if (family.tags(field.name()).freeText()) {
                record.put(field.pos(), "Hello," + taggedStrings + " thanks");
            }
        }
        return record;
    }

    private static Object value(Schema schema, FieldTags tags, Random random) {
        if (schema.getType() == Schema.Type.UNION) {
            return random.nextInt(5) == 0 ? null : value(schema.getTypes().get(1), tags, random);
        }
        String piiClass = tags.piiClass() == null ? "" : tags.piiClass();
        return switch (schema.getType()) {
            case STRING -> piiClass.equals("IP_ADDRESS") ? ip(random) : token(random, 8 + random.nextInt(12));
            case INT -> piiClass.equals("AGE") ? random.nextInt(111) : random.nextInt(1000);
            case LONG -> 1_700_000_000_000L + (long) (random.nextDouble() * 1e11);
            // Six-plus decimals, so a coordinate is never already on a coarse grid by chance.
            case DOUBLE -> (random.nextDouble() * 180 - 90) + 1e-7 * (1 + random.nextInt(9));
            case BOOLEAN -> random.nextBoolean();
            case ENUM -> new GenericData.EnumSymbol(schema,
                    schema.getEnumSymbols().get(random.nextInt(schema.getEnumSymbols().size())));
            default -> throw new IllegalArgumentException("no generator for " + schema);
        };
    }

    private static String token(Random random, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }

    /** Host addresses (never the network address itself, which a prefix would reproduce by definition). */
    private static String ip(Random random) {
        if (random.nextBoolean()) {
            return (1 + random.nextInt(223)) + "." + random.nextInt(256) + "." + random.nextInt(256) + "."
                    + (1 + random.nextInt(254));
        }
        return String.format("2001:db8:%x:%x:%x::%x", random.nextInt(65536), random.nextInt(65536),
                1 + random.nextInt(65535), 1 + random.nextInt(65535));
    }
}
