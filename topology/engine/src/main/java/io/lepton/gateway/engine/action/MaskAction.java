package io.lepton.gateway.engine.action;

import org.apache.avro.Schema;

/**
 * Masks all letters and digits but the last {@code keepLast}, keeping separators so the shape stays recognizable
 * ({@code +49 151 2345678} with keepLast 2 becomes {@code +** *** *****78}).
 */
public final class MaskAction implements FieldAction {

    private final int keepLast;
    private final char maskChar;

    public MaskAction(int keepLast, char maskChar) {
        if (keepLast < 0) {
            throw new IllegalArgumentException("keepLast must be >= 0");
        }
        this.keepLast = keepLast;
        this.maskChar = maskChar;
    }

    @Override
    public Schema outputType(Schema input) {
        return Schema.create(Schema.Type.STRING);
    }

    @Override
    public Object apply(Object value) {
        return mask(String.valueOf(value));
    }

    @Override
    public String applyToText(String match) {
        return mask(match);
    }

    private String mask(String value) {
        char[] chars = value.toCharArray();
        int kept = 0;
        for (int i = chars.length - 1; i >= 0; i--) {
            if (Character.isLetterOrDigit(chars[i])) {
                if (kept < keepLast) {
                    kept++;
                } else {
                    chars[i] = maskChar;
                }
            }
        }
        return new String(chars);
    }

    @Override
    public String name() {
        return "mask";
    }
}
