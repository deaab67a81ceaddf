package io.lepton.serdes.avro;

import io.lepton.serdes.MalformedPayloadException;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.Decoder;
import org.apache.avro.util.Utf8;

/**
 * A {@link Decoder} over an in-memory {@link BinaryDecoder} that refuses any length or item count larger than the
 * bytes left in the payload, before anything is allocated.
 *
 * <p>Why: Avro allocates a string, bytes or collection of the size the payload claims before reading it, so a few
 * corrupt bytes claiming a 1 GB string make the gateway allocate 1 GB (seconds of work, or an
 * {@link OutOfMemoryError} that escapes the deserializer and kills the stream thread instead of quarantining the
 * record). In a payload that is fully in memory every byte of a string or bytes value, every map entry (its key is
 * at least one byte) and every array item is present, so a claim beyond the remaining bytes is malformed. The one
 * legal exception, arrays of items that encode to zero bytes ({@code null}, empty records), is refused too; no
 * event schema has them. Strings must also be well-formed UTF-8 ({@link WellFormedUtf8}).
 */
final class LengthCheckedDecoder extends Decoder {

    private final BinaryDecoder in;

    /** @param in a decoder over a byte array, whose {@link BinaryDecoder#inputStream()} knows the bytes left */
    LengthCheckedDecoder(BinaryDecoder in) {
        this.in = in;
    }

    @Override
    public Utf8 readString(Utf8 old) throws IOException {
        int length = checkedLength("string");
        Utf8 result = old != null ? old : new Utf8();
        result.setByteLength(length);
        in.readFixed(result.getBytes(), 0, length);
        if (!WellFormedUtf8.check(result.getBytes(), 0, length)) {
            throw new MalformedPayloadException("A string is not well-formed UTF-8");
        }
        return result;
    }

    @Override
    public String readString() throws IOException {
        return readString(null).toString();
    }

    @Override
    public ByteBuffer readBytes(ByteBuffer old) throws IOException {
        int length = checkedLength("bytes");
        ByteBuffer result = old != null && length <= old.capacity() ? old.clear() : ByteBuffer.allocate(length);
        in.readFixed(result.array(), result.position(), length);
        result.limit(length);
        return result;
    }

    @Override
    public long readArrayStart() throws IOException {
        return checkedCount(in.readArrayStart(), "array");
    }

    @Override
    public long arrayNext() throws IOException {
        return checkedCount(in.arrayNext(), "array");
    }

    @Override
    public long readMapStart() throws IOException {
        return checkedCount(in.readMapStart(), "map");
    }

    @Override
    public long mapNext() throws IOException {
        return checkedCount(in.mapNext(), "map");
    }

    private int checkedLength(String what) throws IOException {
        long length = in.readLong();
        if (length < 0) {
            throw new IOException("Negative " + what + " length " + length);
        }
        return (int) checkedCount(length, what);
    }

    private long checkedCount(long claimed, String what) throws IOException {
        int remaining = in.inputStream().available();
        if (claimed > remaining) {
            throw new EOFException(what + " claims " + claimed + " but only " + remaining + " bytes remain");
        }
        return claimed;
    }

    @Override
    public void readNull() throws IOException {
        in.readNull();
    }

    @Override
    public boolean readBoolean() throws IOException {
        return in.readBoolean();
    }

    @Override
    public int readInt() throws IOException {
        return in.readInt();
    }

    @Override
    public long readLong() throws IOException {
        return in.readLong();
    }

    @Override
    public float readFloat() throws IOException {
        return in.readFloat();
    }

    @Override
    public double readDouble() throws IOException {
        return in.readDouble();
    }

    @Override
    public void skipString() throws IOException {
        in.skipString();
    }

    @Override
    public void skipBytes() throws IOException {
        in.skipBytes();
    }

    @Override
    public void readFixed(byte[] bytes, int start, int length) throws IOException {
        in.readFixed(bytes, start, length);
    }

    @Override
    public void skipFixed(int length) throws IOException {
        in.skipFixed(length);
    }

    @Override
    public int readEnum() throws IOException {
        return in.readEnum();
    }

    @Override
    public long skipArray() throws IOException {
        return in.skipArray();
    }

    @Override
    public long skipMap() throws IOException {
        return in.skipMap();
    }

    @Override
    public int readIndex() throws IOException {
        return in.readIndex();
    }
}
