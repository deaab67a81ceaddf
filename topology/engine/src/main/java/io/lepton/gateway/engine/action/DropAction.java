package io.lepton.gateway.engine.action;

import org.apache.avro.Schema;

/** Removes the field from the sanitized schema (data minimisation); in free text, deletes the match. */
public final class DropAction implements FieldAction {

    @Override
    public Schema outputType(Schema input) {
        return null;
    }

    @Override
    public Object apply(Object value) {
        throw new IllegalStateException("a dropped field has no value");
    }

    @Override
    public String applyToText(String match) {
        return "";
    }

    @Override
    public String name() {
        return "drop";
    }
}
