package io.lepton.gateway.engine.action;

import java.time.temporal.ChronoUnit;
import org.apache.avro.Schema;

/** Truncates an epoch-millisecond timestamp (UTC) to the hour or the day. */
public final class TimeTruncateAction implements FieldAction {

    private final long unitMillis;

    public TimeTruncateAction(ChronoUnit unit) {
        if (unit != ChronoUnit.HOURS && unit != ChronoUnit.DAYS) {
            throw new IllegalArgumentException("unit must be HOURS or DAYS");
        }
        this.unitMillis = unit.getDuration().toMillis();
    }

    @Override
    public Schema outputType(Schema input) {
        FieldAction.requireType("generalize (time)", input, Schema.Type.LONG);
        return input;
    }

    @Override
    public Object apply(Object value) {
        return Math.floorDiv((Long) value, unitMillis) * unitMillis;
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
