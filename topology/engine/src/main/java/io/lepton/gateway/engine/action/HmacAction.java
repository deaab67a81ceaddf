package io.lepton.gateway.engine.action;

import io.lepton.gateway.engine.crypto.Pseudonymizer;
import org.apache.avro.Schema;

/** Replaces a value by its keyed pseudonym (see {@link Pseudonymizer}); the sanitized field becomes a string. */
public final class HmacAction implements FieldAction {

    private final Pseudonymizer pseudonymizer;

    public HmacAction(Pseudonymizer pseudonymizer) {
        this.pseudonymizer = pseudonymizer;
    }

    @Override
    public Schema outputType(Schema input) {
        return Schema.create(Schema.Type.STRING);
    }

    @Override
    public Object apply(Object value) {
        return pseudonymizer.pseudonym(String.valueOf(value));
    }

    @Override
    public String name() {
        return "hmac";
    }
}
