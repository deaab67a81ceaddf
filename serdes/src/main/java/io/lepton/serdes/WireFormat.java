package io.lepton.serdes;

/**
 * The Confluent wire format every registry-aware Kafka client speaks: one magic byte {@code 0}, the schema id as a
 * 4-byte big-endian int, then the Avro binary encoding of the value.
 *
 * <p>Why a class of its own: the gateway reads schema ids without decoding (routing, quarantine headers) and
 * foreign producers in any language must interoperate byte for byte, so the format is defined in exactly one place.
 */
public final class WireFormat {

    public static final byte MAGIC_BYTE = 0;
    /** Bytes before the Avro body: magic byte plus schema id. */
    public static final int HEADER_SIZE = 5;

    private WireFormat() {
    }

    /**
     * Validates the header and returns the schema id.
     *
     * @throws MalformedPayloadException if the payload is shorter than the header
     * @throws InvalidMagicByteException if the first byte is not {@link #MAGIC_BYTE}
     */
    public static int schemaId(byte[] payload) {
        if (payload == null || payload.length < HEADER_SIZE) {
            throw new MalformedPayloadException("Payload of " + (payload == null ? 0 : payload.length)
                    + " bytes is shorter than the " + HEADER_SIZE + "-byte wire-format header");
        }
        if (payload[0] != MAGIC_BYTE) {
            throw new InvalidMagicByteException(payload[0]);
        }
        return ((payload[1] & 0xff) << 24) | ((payload[2] & 0xff) << 16) | ((payload[3] & 0xff) << 8)
                | (payload[4] & 0xff);
    }

    /** Writes the magic byte and the schema id into the first {@link #HEADER_SIZE} bytes of {@code target}. */
    public static void writeHeader(byte[] target, int schemaId) {
        target[0] = MAGIC_BYTE;
        target[1] = (byte) (schemaId >>> 24);
        target[2] = (byte) (schemaId >>> 16);
        target[3] = (byte) (schemaId >>> 8);
        target[4] = (byte) schemaId;
    }

    /** Frames an Avro binary body written with schema {@code schemaId}. */
    public static byte[] frame(int schemaId, byte[] avroBinary) {
        byte[] payload = new byte[HEADER_SIZE + avroBinary.length];
        writeHeader(payload, schemaId);
        System.arraycopy(avroBinary, 0, payload, HEADER_SIZE, avroBinary.length);
        return payload;
    }
}
