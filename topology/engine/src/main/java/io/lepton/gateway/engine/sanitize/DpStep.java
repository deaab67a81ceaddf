package io.lepton.gateway.engine.sanitize;

import io.lepton.gateway.engine.QuarantineReason;
import io.lepton.gateway.engine.dp.FieldNoiser;
import io.lepton.gateway.engine.dp.RandomBits;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * Writes one {@code dp}-tagged numeric field: the noised value on {@link DpRelease#RELEASE}, null on
 * {@link DpRelease#WITHHOLD} or when the policy disables DP ({@code noiser == null}). Never the raw value.
 *
 * <p>The noise is drawn from the event's {@link EventNoise} stream for this field and its clamped value, so the same
 * event released again gets the same noise. Integer fields get the noised value rounded (post-processing); when
 * output clamping is off, values beyond the Avro type's range saturate at its limits, also post-processing.
 */
record DpStep(String field, int rawPosition, int outPosition, Schema.Type type, FieldNoiser noiser) {

    /** The random bits for one (field, clamped value) of the event being sanitized; null selects the fallback. */
    @FunctionalInterface
    interface EventNoise {
        RandomBits bits(String field, double clampedValue);
    }

    void apply(GenericRecord raw, GenericData.Record out, DpRelease release, EventNoise noise) {
        Object value = raw.get(rawPosition);
        if (value == null || noiser == null || release == DpRelease.WITHHOLD) {
            out.put(outPosition, null);
            return;
        }
        Number number = (Number) value;
        if (Double.isNaN(number.doubleValue())) {
            throw new SanitizationException(QuarantineReason.INVALID_DP_VALUE, "a dp field is NaN, which has no place in its bounds");
        }
        RandomBits bits = noise.bits(field, clampedValue(raw));
        out.put(outPosition, switch (type) {
            case INT -> (int) Math.max(Integer.MIN_VALUE,
                    Math.min(Integer.MAX_VALUE, noiser.noise(number.longValue(), bits)));
            case LONG -> noiser.noise(number.longValue(), bits);
            case FLOAT -> (float) noiser.noise(number.doubleValue(), bits);
            case DOUBLE -> noiser.noise(number.doubleValue(), bits);
            default -> throw new IllegalStateException("dp step planned for non-numeric type " + type);
        });
    }

    /**
     * The value the release depends on (clamped into the bounds, as the noiser reads it), or NaN when the field is
     * null or DP is off: part of the event's identity for noise and for duplicate detection.
     */
    double clampedValue(GenericRecord raw) {
        Object value = raw.get(rawPosition);
        if (value == null || noiser == null) {
            return Double.NaN;
        }
        Number number = (Number) value;
        return type == Schema.Type.INT || type == Schema.Type.LONG
                ? noiser.clamp(number.longValue()) : noiser.clamp(number.doubleValue());
    }
}
