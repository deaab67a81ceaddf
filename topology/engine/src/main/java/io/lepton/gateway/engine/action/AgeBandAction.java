package io.lepton.gateway.engine.action;

import org.apache.avro.Schema;

/**
 * Generalizes an age to a band such as {@code 30-39}; ages of 90 and over are top-coded to {@code 90+} because the
 * very old are few enough to be identifiable by age alone.
 */
public final class AgeBandAction implements FieldAction {

    static final int TOP_CODE = 90;

    private final int width;

    public AgeBandAction(int width) {
        if (width < 1) {
            throw new IllegalArgumentException("band width must be >= 1");
        }
        this.width = width;
    }

    @Override
    public Schema outputType(Schema input) {
        FieldAction.requireType("generalize (age band)", input, Schema.Type.INT, Schema.Type.LONG);
        return Schema.create(Schema.Type.STRING);
    }

    @Override
    public Object apply(Object value) {
        return band(((Number) value).longValue(), width);
    }

    /** The band label of {@code age}, shared with the fairness monitor's age-band attribute. */
    public static String band(long age, int width) {
        if (age < 0) {
            return "unknown";
        }
        if (age >= TOP_CODE) {
            return TOP_CODE + "+";
        }
        long low = age / width * width;
        long high = Math.min(low + width - 1, TOP_CODE - 1);
        return low == high ? Long.toString(low) : low + "-" + high;
    }

    @Override
    public boolean appliesToText() {
        return false;
    }

    @Override
    public String name() {
        return "generalize";
    }
}
