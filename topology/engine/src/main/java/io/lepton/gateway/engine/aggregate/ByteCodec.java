package io.lepton.gateway.engine.aggregate;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The small binary forms of aggregate state: LEB128 varints (zig-zag for signed values), length-prefixed UTF-8
 * strings and big-endian fixed longs for keyed ranks (uniform 64-bit values, which varints would not shrink).
 */
final class ByteCodec {

    private ByteCodec() {
    }

    static final class Writer {

        private final ByteArrayOutputStream out = new ByteArrayOutputStream(64);

        void varint(long value) {
            long rest = value;
            while ((rest & ~0x7FL) != 0) {
                out.write((int) ((rest & 0x7F) | 0x80));
                rest >>>= 7;
            }
            out.write((int) rest);
        }

        void zigzag(long value) {
            varint((value << 1) ^ (value >> 63));
        }

        void fixedLong(long value) {
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) (value >>> shift));
            }
        }

        void rawByte(int value) {
            out.write(value);
        }

        void string(String value) {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            varint(bytes.length);
            out.writeBytes(bytes);
        }

        byte[] toBytes() {
            return out.toByteArray();
        }
    }

    static final class Reader {

        private final byte[] bytes;
        private int position;

        Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        long varint() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte b = next();
                value |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("corrupt aggregate state: varint too long");
        }

        int rawByte() {
            return next() & 0xFF;
        }

        long zigzag() {
            long raw = varint();
            return (raw >>> 1) ^ -(raw & 1);
        }

        long fixedLong() {
            long value = 0;
            for (int i = 0; i < Long.BYTES; i++) {
                value = (value << 8) | (next() & 0xFF);
            }
            return value;
        }

        String string() {
            int length = (int) varint();
            if (length < 0 || length > bytes.length - position) {
                throw new IllegalArgumentException("corrupt aggregate state: bad string length");
            }
            String value = new String(bytes, position, length, StandardCharsets.UTF_8);
            position += length;
            return value;
        }

        boolean atEnd() {
            return position == bytes.length;
        }

        void requireEnd() {
            if (!atEnd()) {
                throw new IllegalArgumentException("corrupt aggregate state: trailing bytes");
            }
        }

        private byte next() {
            if (position >= bytes.length) {
                throw new IllegalArgumentException("corrupt aggregate state: truncated");
            }
            return bytes[position++];
        }
    }
}
