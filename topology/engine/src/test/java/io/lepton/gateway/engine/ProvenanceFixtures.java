package io.lepton.gateway.engine;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads a released event's provenance headers as text, in the order they are written. */
public final class ProvenanceFixtures {

    private ProvenanceFixtures() {}

    public static Map<String, String> headers(Outcome.Released released) {
        Map<String, String> headers = new LinkedHashMap<>();
        released.provenance().writeTo((name, value) -> headers.put(name, new String(value, StandardCharsets.UTF_8)));
        return headers;
    }
}
