package io.lepton.gateway.engine;

import io.lepton.gateway.engine.crypto.HmacKeyRing;
import io.lepton.gateway.engine.family.EventFamilies;
import io.lepton.gateway.engine.policy.PolicySet;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;

/** Built-in families and policies with freshly generated keys: what most engine tests run against. */
public final class TestEngines {

    public static final EventFamilies FAMILIES = EventFamilies.discover();
    public static final PolicySet POLICIES = PolicySet.builtIn(PiiCatalog.knownClasses(FAMILIES));

    private TestEngines() {}

    /** A key ring holding a random key for every built-in policy's key id. */
    public static HmacKeyRing keys() {
        SecureRandom random = new SecureRandom();
        Map<String, byte[]> keys = new HashMap<>();
        POLICIES.all().forEach(policy -> {
            byte[] key = new byte[32];
            random.nextBytes(key);
            keys.put(policy.pseudonymKeyId(), key);
        });
        return HmacKeyRing.of(keys);
    }

    public static GatewayEngine engine() {
        return GatewayEngine.create(POLICIES, FAMILIES, keys());
    }
}
