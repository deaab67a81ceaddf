package io.lepton.gateway.engine.sanitize;

import io.lepton.gateway.engine.QuarantineReason;
import io.lepton.gateway.engine.dp.FieldNoiser;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * Writes one {@code dp}-tagged numeric field: the noised value on {@link DpRelease#RELEASE}, null on
 * {@link DpRelease#WITHHOLD} or when the policy disables DP ({@code noiser == null}). Never the raw value.
 *
 * <p>Integer fields get the noised value rounded (post-processing); when output clamping is off, values beyond the
 * Avro type's range saturate at its limits, also post-processing.
 */
record DpStep(int rawPosition, int outPosition, Schema.Type type, FieldNoiser noiser) {

    void apply(GenericRecord raw, GenericData.Record out, DpRelease release) {
        Object value = raw.get(rawPosition);
        if (value == null || noiser == null || release == DpRelease.WITHHOLD) {
            out.put(outPosition, null);
            return;
        }
        Number number = (Number) value;
        if (Double.isNaN(number.doubleValue())) {
            throw new SanitizationException(QuarantineReason.INVALID_DP_VALUE, "a dp field is NaN, which has no place in its bounds");
        }
        out.put(outPosition, switch (type) {
            case INT -> (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, noiser.noise(number.longValue())));
            case LONG -> noiser.noise(number.longValue());
            case FLOAT -> (float) noiser.noise(number.doubleValue());
            case DOUBLE -> noiser.noise(number.doubleValue());
            default -> throw new IllegalStateException("dp step planned for non-numeric type " + type);
        });
    }
}
