package io.lepton.gateway.cli;

import io.lepton.gateway.engine.GatewayEngine;
import io.lepton.gateway.engine.PiiCatalog;
import io.lepton.gateway.engine.crypto.GatewayKeys;
import io.lepton.gateway.engine.crypto.HmacKeyRing;
import io.lepton.gateway.engine.crypto.JurisdictionKeys;
import io.lepton.gateway.engine.dp.BudgetTime;
import io.lepton.gateway.engine.dp.SecureRandomBits;
import io.lepton.gateway.engine.family.EventFamilies;
import io.lepton.gateway.engine.policy.JurisdictionPolicy;
import io.lepton.gateway.engine.policy.PolicySet;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Option;

/**
 * The options every engine-running command shares ({@code --policy DIR}, {@code --event-time}), and how keys are
 * found: pseudonym, noise and ledger keys from the environment as in production; a jurisdiction whose key is not set
 * gets an ephemeral random key with a warning, since these commands are for trying things out (pseudonyms and noise
 * then differ between runs). {@code ./gateway run} never does this: there a missing key stops start-up.
 */
final class EngineOptions {

    @Option(names = "--policy", paramLabel = "DIR", description = "Policy directory (default: the built-in policies).")
    Path policyDir;

    @Option(names = "--event-time", description = "Charge budgets by each event's occurredAt as given, without the "
            + "policy's window around the clock: for replaying trusted historic input only (a producer could then "
            + "choose its budget periods).")
    boolean eventTime;

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
        return GatewayEngine.create(policies, families, keys(policies, System.getenv(), err),
                eventTime ? BudgetTime.eventTime() : BudgetTime.window(Clock.systemUTC()), new SecureRandomBits());
    }

    /** The environment's keys, completed with ephemeral ones (and a note on {@code err} naming what to set). */
    static GatewayKeys keys(PolicySet policies, Map<String, String> env, PrintWriter err) {
        List<String> jurisdictions = policies.all().stream().map(JurisdictionPolicy::id).toList();
        TreeSet<String> ephemeralNoise = new TreeSet<>();
        TreeSet<String> ephemeralLedger = new TreeSet<>();
        JurisdictionKeys noise = JurisdictionKeys.fromEnvironment(JurisdictionKeys.Kind.NOISE, env)
                .withEphemeral(jurisdictions, ephemeralNoise);
        JurisdictionKeys ledger = JurisdictionKeys.fromEnvironment(JurisdictionKeys.Kind.LEDGER, env)
                .withEphemeral(jurisdictions, ephemeralLedger);
        if (!ephemeralNoise.isEmpty()) {
            err.println("warning: no noise key set for " + String.join(", ", ephemeralNoise)
                    + "; using ephemeral keys, so DP noise differs between runs. Set "
                    + JurisdictionKeys.Kind.NOISE.envPrefix() + "<JURISDICTION> or "
                    + JurisdictionKeys.Kind.NOISE.envDir() + " for reproducible noise.");
        }
        if (!ephemeralLedger.isEmpty()) {
            err.println("note: no ledger key set for " + String.join(", ", ephemeralLedger)
                    + "; using ephemeral keys (the run's ledger is in memory anyway).");
        }
        err.flush();
        return new GatewayKeys(pseudonymKeys(policies, env, err), noise, ledger);
    }

    private static HmacKeyRing pseudonymKeys(PolicySet policies, Map<String, String> env, PrintWriter err) {
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
        err.println("note: no HMAC key set for " + String.join(", ", new TreeSet<>(ephemeral.keySet()))
                + "; using ephemeral keys (pseudonyms change between runs). Set "
                + HmacKeyRing.ENV_PREFIX + "<ID> or " + HmacKeyRing.ENV_DIR + " for stable pseudonyms.");
        err.flush();
        Map<String, String> merged = new HashMap<>(env);
        ephemeral.forEach((id, key) -> merged.put(HmacKeyRing.environmentVariableFor(id),
                java.util.Base64.getEncoder().encodeToString(key)));
        return HmacKeyRing.fromEnvironment(merged);
    }
}
