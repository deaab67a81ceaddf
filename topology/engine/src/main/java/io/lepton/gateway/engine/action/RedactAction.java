package io.lepton.gateway.engine.action;

import org.apache.avro.Schema;

/**
 * Replaces a value by a typed placeholder such as {@code [EMAIL]}: readers still see that a value was there and what
 * kind it was, which keeps sanitized text readable for analysts and models.
 */
public final class RedactAction implements FieldAction {

    private final String placeholder;

    public RedactAction(String placeholder) {
        this.placeholder = placeholder;
    }

    /** The conventional placeholder for a PII class: {@code [CLASS]}. */
    public static RedactAction forClass(String piiClass) {
        return new RedactAction("[" + piiClass + "]");
    }

    @Override
    public Schema outputType(Schema input) {
        return Schema.create(Schema.Type.STRING);
    }

    @Override
    public Object apply(Object value) {
        return placeholder;
    }

    @Override
    public String name() {
        return "redact";
    }
}
