package io.lepton.serdes.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;

/**
 * Converts between Avro records and <em>plain</em> JSON, the format of the JSON-line envelope used by
 * {@code dry-run}, {@code replay} and {@code explain}.
 *
 * <p>Why not Avro's own JSON encoding: it wraps union values ({@code {"string": "x"}}) and is unpleasant to write
 * by hand. Here a value is written as itself: Avro field names, no union wrappers, timestamps and dates as epoch
 * numbers (millis for timestamp-millis), enums as their symbols, bytes and fixed as Base64. Reading applies field
 * defaults, reads absent optional fields as null, ignores JSON fields the schema does not know, and accepts an
 * ISO-8601 string for timestamp-millis as a convenience. Records produced by {@link #fromJson} hold plain Avro
 * generic values ({@code long} timestamps, {@code String}s, {@link GenericData.EnumSymbol}s).
 */
public final class AvroJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AvroJson() {
    }

    /** Plain JSON of a generic or specific record. */
    public static ObjectNode toJson(GenericRecord record) {
        return (ObjectNode) toJson(record, record.getSchema());
    }

    /**
     * Builds a record of {@code schema} from plain JSON.
     *
     * @throws AvroJsonException naming the field path and the problem on a type mismatch or a missing required field
     */
    public static GenericRecord fromJson(JsonNode json, Schema schema) {
        if (schema.getType() != Schema.Type.RECORD) {
            throw new IllegalArgumentException("Schema must be a record, was " + schema.getType());
        }
        return (GenericRecord) read(json, schema, "$");
    }

    private static JsonNode toJson(Object value, Schema schema) {
        if (value == null) {
            return NODES.nullNode();
        }
        switch (schema.getType()) {
            case UNION:
                return toJson(value, schema.getTypes().get(GenericData.get().resolveUnion(schema, value)));
            case RECORD: {
                GenericRecord record = (GenericRecord) value;
                ObjectNode object = NODES.objectNode();
                for (Schema.Field field : schema.getFields()) {
                    object.set(field.name(), toJson(record.get(field.pos()), field.schema()));
                }
                return object;
            }
            case ENUM:
            case STRING:
                return NODES.textNode(value.toString());
            case ARRAY: {
                ArrayNode array = NODES.arrayNode();
                for (Object element : (Collection<?>) value) {
                    array.add(toJson(element, schema.getElementType()));
                }
                return array;
            }
            case MAP: {
                ObjectNode object = NODES.objectNode();
                for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                    object.set(entry.getKey().toString(), toJson(entry.getValue(), schema.getValueType()));
                }
                return object;
            }
            case BYTES:
                if (value instanceof BigDecimal decimal) {
                    return NODES.numberNode(decimal);
                }
                ByteBuffer buffer = ((ByteBuffer) value).duplicate();
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                return NODES.textNode(Base64.getEncoder().encodeToString(bytes));
            case FIXED:
                if (value instanceof BigDecimal decimal) {
                    return NODES.numberNode(decimal);
                }
                return NODES.textNode(Base64.getEncoder().encodeToString(((GenericFixed) value).bytes()));
            case INT:
                if (value instanceof LocalDate date) {
                    return NODES.numberNode(date.toEpochDay());
                }
                return value instanceof Integer i ? NODES.numberNode(i) : NODES.textNode(value.toString());
            case LONG:
                return NODES.numberNode(longValue(value, schema.getLogicalType()));
            case FLOAT:
                return floatingNode(((Float) value).doubleValue());
            case DOUBLE:
                return floatingNode((Double) value);
            case BOOLEAN:
                return NODES.booleanNode((Boolean) value);
            case NULL:
                return NODES.nullNode();
            default:
                throw new IllegalArgumentException("Unsupported Avro type " + schema.getType());
        }
    }

    private static long longValue(Object value, LogicalType logicalType) {
        if (value instanceof Instant instant) {
            if (logicalType instanceof LogicalTypes.TimestampMicros) {
                return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L),
                        instant.getNano() / 1_000L);
            }
            return instant.toEpochMilli();
        }
        return ((Number) value).longValue();
    }

    /** JSON has no NaN or infinity; they travel as the strings Java prints for them, and are read back. */
    private static JsonNode floatingNode(double value) {
        return Double.isFinite(value) ? NODES.numberNode(value) : NODES.textNode(Double.toString(value));
    }

    private static Object read(JsonNode json, Schema schema, String path) {
        switch (schema.getType()) {
            case NULL:
                if (json == null || json.isNull()) {
                    return null;
                }
                throw mismatch(path, "null", json);
            case UNION:
                return readUnion(json, schema, path);
            case RECORD:
                return readRecord(json, schema, path);
            case ENUM: {
                String symbol = requireText(json, schema, path);
                if (!schema.hasEnumSymbol(symbol)) {
                    throw new AvroJsonException(path, "not one of the symbols " + schema.getEnumSymbols());
                }
                return new GenericData.EnumSymbol(schema, symbol);
            }
            case STRING:
                return requireText(json, schema, path);
            case ARRAY: {
                if (json == null || !json.isArray()) {
                    throw mismatch(path, "array", json);
                }
                List<Object> elements = new ArrayList<>(json.size());
                for (int i = 0; i < json.size(); i++) {
                    elements.add(read(json.get(i), schema.getElementType(), path + "[" + i + "]"));
                }
                return new GenericData.Array<>(schema, elements);
            }
            case MAP: {
                if (json == null || !json.isObject()) {
                    throw mismatch(path, "object (map)", json);
                }
                Map<String, Object> map = new LinkedHashMap<>();
                json.fields().forEachRemaining(entry -> map.put(entry.getKey(),
                        read(entry.getValue(), schema.getValueType(), path + "." + entry.getKey())));
                return map;
            }
            case BYTES:
                return ByteBuffer.wrap(base64(json, schema, path));
            case FIXED: {
                byte[] bytes = base64(json, schema, path);
                if (bytes.length != schema.getFixedSize()) {
                    throw new AvroJsonException(path, "expected " + schema.getFixedSize() + " bytes, got "
                            + bytes.length);
                }
                return new GenericData.Fixed(schema, bytes);
            }
            case INT:
                if (json != null && json.isNumber() && json.canConvertToExactIntegral() && json.canConvertToInt()) {
                    return json.asInt();
                }
                throw mismatch(path, "int", json);
            case LONG:
                return readLong(json, schema, path);
            case FLOAT:
                return (float) readDouble(json, path, "float");
            case DOUBLE:
                return readDouble(json, path, "double");
            case BOOLEAN:
                if (json != null && json.isBoolean()) {
                    return json.booleanValue();
                }
                throw mismatch(path, "boolean", json);
            default:
                throw new AvroJsonException(path, "unsupported Avro type " + schema.getType());
        }
    }

    private static GenericRecord readRecord(JsonNode json, Schema schema, String path) {
        if (json == null || !json.isObject()) {
            throw mismatch(path, "object (" + schema.getName() + ")", json);
        }
        GenericData.Record record = new GenericData.Record(schema);
        for (Schema.Field field : schema.getFields()) {
            String fieldPath = path + "." + field.name();
            JsonNode value = json.get(field.name());
            if (value == null || value.isMissingNode()) {
                record.put(field.pos(), absent(field, fieldPath));
            } else if (value.isNull() && !acceptsNull(field.schema())) {
                throw new AvroJsonException(fieldPath, "null is not allowed (type " + typeName(field.schema()) + ")");
            } else {
                record.put(field.pos(), read(value, field.schema(), fieldPath));
            }
        }
        return record;
    }

    private static Object absent(Schema.Field field, String path) {
        if (field.hasDefaultValue()) {
            // Through JSON, so defaults get the same Java types as values read from JSON (String, not Utf8).
            return read(toJson(GenericData.get().getDefaultValue(field), field.schema()), field.schema(), path);
        }
        if (acceptsNull(field.schema())) {
            return null;
        }
        throw new AvroJsonException(path, "missing required field (type " + typeName(field.schema()) + ")");
    }

    private static Object readUnion(JsonNode json, Schema schema, String path) {
        if (json == null || json.isNull()) {
            if (acceptsNull(schema)) {
                return null;
            }
            throw mismatch(path, typeName(schema), json);
        }
        List<String> problems = new ArrayList<>();
        for (Schema branch : schema.getTypes()) {
            if (branch.getType() == Schema.Type.NULL) {
                continue;
            }
            try {
                return read(json, branch, path);
            } catch (AvroJsonException e) {
                problems.add(e.problem());
            }
        }
        throw new AvroJsonException(path, "matches no branch of " + typeName(schema) + ": " + problems);
    }

    private static long readLong(JsonNode json, Schema schema, String path) {
        if (json != null && json.isNumber() && json.canConvertToExactIntegral() && json.canConvertToLong()) {
            return json.asLong();
        }
        if (json != null && json.isTextual() && schema.getLogicalType() instanceof LogicalTypes.TimestampMillis) {
            try {
                return Instant.parse(json.textValue()).toEpochMilli();
            } catch (DateTimeParseException e) {
                throw new AvroJsonException(path, "string is neither epoch milliseconds nor an ISO-8601 instant");
            }
        }
        throw mismatch(path, schema.getLogicalType() == null ? "long"
                : "long (" + schema.getLogicalType().getName() + ", epoch number)", json);
    }

    private static double readDouble(JsonNode json, String path, String type) {
        if (json != null && json.isNumber()) {
            return json.asDouble();
        }
        if (json != null && json.isTextual()) {
            switch (json.textValue()) {
                case "NaN":
                    return Double.NaN;
                case "Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    break;
            }
        }
        throw mismatch(path, type, json);
    }

    private static String requireText(JsonNode json, Schema schema, String path) {
        if (json != null && json.isTextual()) {
            return json.textValue();
        }
        throw mismatch(path, typeName(schema), json);
    }

    private static byte[] base64(JsonNode json, Schema schema, String path) {
        String text = requireText(json, schema, path);
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new AvroJsonException(path, "expected Base64 for " + typeName(schema));
        }
    }

    private static boolean acceptsNull(Schema schema) {
        return schema.getType() == Schema.Type.NULL
                || schema.getType() == Schema.Type.UNION
                && schema.getTypes().stream().anyMatch(s -> s.getType() == Schema.Type.NULL);
    }

    private static String typeName(Schema schema) {
        return switch (schema.getType()) {
            case UNION -> schema.getTypes().stream().map(AvroJson::typeName).toList().toString();
            case RECORD, ENUM, FIXED -> schema.getType().getName() + " " + schema.getName();
            default -> schema.getLogicalType() == null ? schema.getType().getName()
                    : schema.getType().getName() + "/" + schema.getLogicalType().getName();
        };
    }

    private static AvroJsonException mismatch(String path, String expected, JsonNode actual) {
        // The value itself is left out on purpose: it may be personal data, and these messages get logged.
        String got = actual == null || actual.isMissingNode() ? "nothing"
                : actual.isNumber() ? "number" : actual.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        return new AvroJsonException(path, "expected " + expected + ", got " + got);
    }
}
