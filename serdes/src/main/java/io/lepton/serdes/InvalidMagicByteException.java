package io.lepton.serdes;

/** The payload does not start with the Confluent wire-format magic byte {@code 0}: not written by a registry-aware serializer. */
public final class InvalidMagicByteException extends SerdeException {

    private static final long serialVersionUID = 1L;

    private final byte magicByte;

    public InvalidMagicByteException(byte magicByte) {
        super("Unknown magic byte " + magicByte + " (expected " + WireFormat.MAGIC_BYTE
                + "): not Confluent wire format", true);
        this.magicByte = magicByte;
    }

    public byte magicByte() {
        return magicByte;
    }
}
