package io.lepton.gateway.engine;

import io.lepton.gateway.engine.crypto.GatewayKeys;
import io.lepton.gateway.engine.crypto.HmacKeyRing;
import io.lepton.gateway.engine.crypto.JurisdictionKeys;
import io.lepton.gateway.engine.dp.BudgetTime;
import io.lepton.gateway.engine.dp.RandomBits;
import io.lepton.gateway.engine.dp.SecureRandomBits;
import io.lepton.gateway.engine.family.EventFamilies;
import io.lepton.gateway.engine.family.EventFamily;
import io.lepton.gateway.engine.policy.JurisdictionPolicy;
import io.lepton.gateway.engine.policy.PolicySet;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Built-in families and policies with freshly generated keys: what most engine tests run against. */
public final class TestEngines {

    public static final EventFamilies FAMILIES = EventFamilies.discover();
    public static final PolicySet POLICIES = PolicySet.builtIn(PiiCatalog.knownClasses(FAMILIES));
    /** The gateway clock of engine tests: the time of {@link SampleEvents#AT}, so sample events are in range. */
    public static final Clock CLOCK = Clock.fixed(SampleEvents.AT, ZoneOffset.UTC);

    private TestEngines() {}

    /** Every (built-in policy id, family name) pair: the cases of the property tests that must hold for all. */
    public static Stream<Arguments> policiesAndFamilies() {
        List<Arguments> cases = new ArrayList<>();
        for (JurisdictionPolicy policy : POLICIES.all()) {
            for (EventFamily family : FAMILIES.all()) {
                cases.add(Arguments.of(policy.id(), family.name()));
            }
        }
        return cases.stream();
    }

    /** A region the policy routes: its first declared one, or JP (which no built-in policy claims) for the default. */
    public static String regionOf(JurisdictionPolicy policy) {
        return policy.isDefault() ? "JP" : policy.regions().iterator().next();
    }

    /** A key ring holding a random key for every built-in policy's key id. */
    public static HmacKeyRing keys() {
        Map<String, byte[]> keys = new HashMap<>();
        POLICIES.all().forEach(policy -> keys.put(policy.pseudonymKeyId(), randomKey()));
        return HmacKeyRing.of(keys);
    }

    /** Random pseudonym keys plus a random noise and ledger key for every built-in jurisdiction. */
    public static GatewayKeys gatewayKeys() {
        return gatewayKeys(keys());
    }

    /** {@code pseudonyms} plus a random noise and ledger key for every built-in jurisdiction. */
    public static GatewayKeys gatewayKeys(HmacKeyRing pseudonyms) {
        Map<String, byte[]> noise = new HashMap<>();
        Map<String, byte[]> ledger = new HashMap<>();
        for (JurisdictionPolicy policy : POLICIES.all()) {
            noise.put(policy.id(), randomKey());
            ledger.put(policy.id(), randomKey());
        }
        return new GatewayKeys(pseudonyms, JurisdictionKeys.of(JurisdictionKeys.Kind.NOISE, noise),
                JurisdictionKeys.of(JurisdictionKeys.Kind.LEDGER, ledger));
    }

    public static GatewayEngine engine() {
        return create(POLICIES, FAMILIES, gatewayKeys(), SecureRandomBits.seeded(1));
    }

    /** An engine over the built-in policies with {@code keys}. */
    public static GatewayEngine engineWithKeys(GatewayKeys keys) {
        return create(POLICIES, FAMILIES, keys, SecureRandomBits.seeded(1));
    }

    /** An engine over {@code policies} whose budget window is around {@link #CLOCK}. */
    public static GatewayEngine create(PolicySet policies, EventFamilies families, GatewayKeys keys,
            RandomBits fallbackBits) {
        return GatewayEngine.create(policies, families, keys, BudgetTime.window(CLOCK), fallbackBits);
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
