package io.lepton.gateway.cli;

import io.lepton.gateway.engine.GatewayEngine;
import io.lepton.gateway.engine.crypto.GatewayKeys;
import io.lepton.gateway.engine.crypto.HmacKeyRing;
import io.lepton.gateway.engine.crypto.JurisdictionKeys;
import io.lepton.gateway.engine.family.EventFamilies;
import io.lepton.gateway.engine.policy.JurisdictionPolicy;
import io.lepton.gateway.engine.policy.PolicyException;
import io.lepton.gateway.engine.policy.PolicySet;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./gateway policy check [DIR]}: validates a policy directory the way start-up does. */
@Command(name = "policy", mixinStandardHelpOptions = true, description = "Work with jurisdiction policies.",
        subcommands = PolicyCommand.Check.class)
final class PolicyCommand implements Runnable {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Parses every file, cross-checks the set and builds every sanitizer (so an action unfit for a field's type is
     * caught too). Keys are not needed: a placeholder ring is used, since keys are an environment matter.
     */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Validate policies (default: the built-in ones); exit 1 with file, line, field and fix.")
    static final class Check implements Callable<Integer> {

        @Parameters(arity = "0..1", paramLabel = "DIR", description = "Policy directory.")
        Path dir;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            EngineOptions options = new EngineOptions();
            options.policyDir = dir;
            try {
                EventFamilies families = EventFamilies.discover();
                PolicySet policies = options.policies(families);
                Map<String, byte[]> placeholderKeys = new HashMap<>();
                Map<String, byte[]> jurisdictionKeys = new HashMap<>();
                policies.all().forEach(p -> {
                    placeholderKeys.put(p.pseudonymKeyId(), new byte[32]);
                    jurisdictionKeys.put(p.id(), new byte[32]);
                });
                GatewayEngine.create(policies, families, new GatewayKeys(HmacKeyRing.of(placeholderKeys),
                        JurisdictionKeys.of(JurisdictionKeys.Kind.NOISE, jurisdictionKeys),
                        JurisdictionKeys.of(JurisdictionKeys.Kind.LEDGER, jurisdictionKeys)));
                for (JurisdictionPolicy policy : policies.all()) {
                    out.printf("ok  %-8s %-45s version %-14s regions %-4d zone %-8s cross-border %s%n", policy.id(),
                            policy.name(), policy.version(), policy.regions().size(), policy.residencyZone(),
                            policy.crossBorder().yamlName());
                }
                out.println(policies.all().size() + " policies valid (" + (dir == null ? "built-in" : dir) + ")");
                return 0;
            } catch (PolicyException e) {
                err.println("invalid policy: " + e.getMessage());
                return 1;
            }
        }
    }
}
