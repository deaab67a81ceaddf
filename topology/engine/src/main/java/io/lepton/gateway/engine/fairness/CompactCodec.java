package io.lepton.gateway.engine.fairness;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Writes and reads the small binary forms of the fairness counters: one format-version byte, then unsigned LEB128
 * varints for counts and big-endian IEEE 754 doubles for sums. Counts are usually far below 2^21, so a group's state
 * takes a handful of bytes per window in the state store.
 */
final class CompactCodec {

    private static final int MAX_VARINT_BYTES = 10;

    private final byte[] buffer;
    private int position;

    private CompactCodec(byte[] buffer) {
        this.buffer = buffer;
    }

    /** A writer with room for the given number of varints and doubles after the version byte. */
    static CompactCodec writer(byte version, int varints, int doubles) {
        CompactCodec codec = new CompactCodec(new byte[1 + varints * MAX_VARINT_BYTES + doubles * Double.BYTES]);
        codec.buffer[codec.position++] = version;
        return codec;
    }

    /** A reader positioned after the version byte, which must equal {@code expectedVersion}. */
    static CompactCodec reader(byte[] bytes, byte expectedVersion, String typeName) {
        if (bytes == null || bytes.length == 0 || bytes[0] != expectedVersion) {
            throw new IllegalArgumentException("not a serialized " + typeName + " (format version "
                    + expectedVersion + " expected)");
        }
        CompactCodec codec = new CompactCodec(bytes);
        codec.position = 1;
        return codec;
    }

    CompactCodec putCount(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("counts are non-negative: " + value);
        }
        long rest = value;
        while ((rest & ~0x7FL) != 0) {
            buffer[position++] = (byte) ((rest & 0x7F) | 0x80);
            rest >>>= 7;
        }
        buffer[position++] = (byte) rest;
        return this;
    }

    CompactCodec putDouble(double value) {
        ByteBuffer.wrap(buffer, position, Double.BYTES).order(ByteOrder.BIG_ENDIAN).putDouble(value);
        position += Double.BYTES;
        return this;
    }

    long count() {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = next();
            if (shift == 63 && (b & 0x7E) != 0) {
                throw new IllegalArgumentException("count out of range");
            }
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                if (value < 0) {
                    throw new IllegalArgumentException("count out of range");
                }
                return value;
            }
        }
        throw new IllegalArgumentException("malformed varint");
    }

    double nextDouble() {
        if (position + Double.BYTES > buffer.length) {
            throw new IllegalArgumentException("truncated input");
        }
        double value = ByteBuffer.wrap(buffer, position, Double.BYTES).order(ByteOrder.BIG_ENDIAN).getDouble();
        position += Double.BYTES;
        return value;
    }

    /** The written bytes, trimmed to length. */
    byte[] toBytes() {
        return Arrays.copyOf(buffer, position);
    }

    /** Fails when bytes remain after the last field: a longer input is not this format. */
    void requireFullyRead() {
        if (position != buffer.length) {
            throw new IllegalArgumentException("trailing bytes after the last field");
        }
    }

    private byte next() {
        if (position >= buffer.length) {
            throw new IllegalArgumentException("truncated input");
        }
        return buffer[position++];
    }
}
