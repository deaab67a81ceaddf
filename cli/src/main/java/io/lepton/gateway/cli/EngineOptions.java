package io.lepton.gateway.cli;

import io.lepton.gateway.engine.GatewayEngine;
import io.lepton.gateway.engine.PiiCatalog;
import io.lepton.gateway.engine.crypto.HmacKeyRing;
import io.lepton.gateway.engine.family.EventFamilies;
import io.lepton.gateway.engine.policy.JurisdictionPolicy;
import io.lepton.gateway.engine.policy.PolicySet;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Option;

/**
 * The options every engine-running command shares ({@code --policy DIR}), and how keys are found: HMAC keys from the
 * environment as in production; a policy whose key is not set gets an ephemeral random key with a warning, since
 * these commands are for trying things out (pseudonyms then differ between runs). {@code ./gateway run} never does
 * this: there a missing key stops start-up.
 */
final class EngineOptions {

    @Option(names = "--policy", paramLabel = "DIR", description = "Policy directory (default: the built-in policies).")
    Path policyDir;

    PolicySet policies(EventFamilies families) {
        return policyDir == null ? PolicySet.builtIn(PiiCatalog.knownClasses(families))
                : PolicySet.fromDirectory(policyDir, PiiCatalog.knownClasses(families));
    }

    GatewayEngine engine(PrintWriter err) {
        return engine(UnaryOperator.identity(), err);
    }

    /** The engine over the selected policies after {@code adjust} (the demo shortens fairness windows). */
    GatewayEngine engine(UnaryOperator<PolicySet> adjust, PrintWriter err) {
        EventFamilies families = EventFamilies.discover();
        PolicySet policies = adjust.apply(policies(families));
        return GatewayEngine.create(policies, families, keys(policies, System.getenv(), err));
    }

    static HmacKeyRing keys(PolicySet policies, Map<String, String> env, PrintWriter err) {
        HmacKeyRing configured = HmacKeyRing.fromEnvironment(env);
        Map<String, byte[]> ephemeral = new HashMap<>();
        SecureRandom random = new SecureRandom();
        for (JurisdictionPolicy policy : policies.all()) {
            if (configured.key(policy.pseudonymKeyId()).isEmpty()
                    && !ephemeral.containsKey(policy.pseudonymKeyId())) {
                byte[] key = new byte[32];
                random.nextBytes(key);
                ephemeral.put(policy.pseudonymKeyId(), key);
            }
        }
        if (ephemeral.isEmpty()) {
            return configured;
        }
        err.println("note: no HMAC key set for " + String.join(", ", new java.util.TreeSet<>(ephemeral.keySet()))
                + "; using ephemeral keys (pseudonyms change between runs). Set "
                + HmacKeyRing.ENV_PREFIX + "<ID> or " + HmacKeyRing.ENV_DIR + " for stable pseudonyms.");
        err.flush();
        Map<String, String> merged = new HashMap<>(env);
        ephemeral.forEach((id, key) -> merged.put(HmacKeyRing.environmentVariableFor(id),
                java.util.Base64.getEncoder().encodeToString(key)));
        return HmacKeyRing.fromEnvironment(merged);
    }
}
