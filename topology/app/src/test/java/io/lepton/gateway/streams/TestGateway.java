package io.lepton.gateway.streams;

import io.lepton.gateway.engine.GatewayEngine;
import io.lepton.gateway.engine.PiiCatalog;
import io.lepton.gateway.engine.crypto.HmacKeyRing;
import io.lepton.gateway.engine.family.EventFamilies;
import io.lepton.gateway.engine.policy.PolicySet;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;

/** The built-in engine with random keys, as the topology tests run it. */
final class TestGateway {

    static final EventFamilies FAMILIES = EventFamilies.discover();
    static final PolicySet POLICIES = PolicySet.builtIn(PiiCatalog.knownClasses(FAMILIES));

    private TestGateway() {}

    static HmacKeyRing randomKeys() {
        SecureRandom random = new SecureRandom();
        Map<String, byte[]> keys = new HashMap<>();
        POLICIES.all().forEach(p -> {
            byte[] key = new byte[32];
            random.nextBytes(key);
            keys.put(p.pseudonymKeyId(), key);
        });
        return HmacKeyRing.of(keys);
    }

    static GatewayEngine engine() {
        return GatewayEngine.create(POLICIES, FAMILIES, randomKeys());
    }
}
