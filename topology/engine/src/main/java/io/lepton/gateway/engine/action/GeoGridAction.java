package io.lepton.gateway.engine.action;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.apache.avro.Schema;

/**
 * Snaps a latitude or longitude down to a grid of {@code decimals} decimal places (1 decimal ≈ 11 km, 2 ≈ 1.1 km), so
 * a location says "which town" rather than "which house".
 */
public final class GeoGridAction implements FieldAction {

    private final int decimals;

    public GeoGridAction(int decimals) {
        this.decimals = decimals;
    }

    @Override
    public Schema outputType(Schema input) {
        FieldAction.requireType("generalize (coordinate grid)", input, Schema.Type.DOUBLE, Schema.Type.FLOAT);
        return input;
    }

    @Override
    public Object apply(Object value) {
        double snapped = BigDecimal.valueOf(((Number) value).doubleValue())
                .setScale(decimals, RoundingMode.FLOOR).doubleValue();
        return value instanceof Float ? (Object) (float) snapped : (Object) snapped;
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
