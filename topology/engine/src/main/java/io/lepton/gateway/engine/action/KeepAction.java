package io.lepton.gateway.engine.action;

import org.apache.avro.Schema;

/** Passes a value through unchanged: for data the policy deliberately releases. */
public final class KeepAction implements FieldAction {

    @Override
    public Schema outputType(Schema input) {
        return input;
    }

    @Override
    public Object apply(Object value) {
        return value;
    }

    @Override
    public String applyToText(String match) {
        return match;
    }

    @Override
    public String name() {
        return "keep";
    }
}
