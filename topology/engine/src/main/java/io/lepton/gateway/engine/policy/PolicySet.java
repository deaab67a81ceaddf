package io.lepton.gateway.engine.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The complete, cross-checked set of jurisdiction policies the gateway runs with.
 *
 * <p>Checks that need every file at once live here: exactly one {@code default} policy, and no region claimed by two
 * policies (a region in two places would make routing, and so residency, ambiguous).
 */
public final class PolicySet {

    /** The built-in jurisdictions, shipped under {@code policies/} on the class path. */
    public static final List<String> BUILT_IN_IDS =
            List.of("eu-gdpr", "us-ccpa", "cn-pipl", "br-lgpd", "in-dpdp", "sg-pdpa", JurisdictionPolicy.DEFAULT_ID);

    private final Map<String, JurisdictionPolicy> byId;

    private PolicySet(Map<String, JurisdictionPolicy> byId) {
        this.byId = byId;
    }

    /** Validates a set of parsed policies as a whole. */
    public static PolicySet of(List<JurisdictionPolicy> policies) {
        Map<String, JurisdictionPolicy> byId = new LinkedHashMap<>();
        Map<String, JurisdictionPolicy> regionOwner = new HashMap<>();
        for (JurisdictionPolicy policy : policies) {
            JurisdictionPolicy previous = byId.putIfAbsent(policy.id(), policy);
            if (previous != null) {
                throw new PolicyException(policy.source(), 0, "jurisdiction",
                        "jurisdiction '" + policy.id() + "' is also defined in " + previous.source(),
                        "keep one file per jurisdiction");
            }
            for (String region : policy.regions()) {
                JurisdictionPolicy owner = regionOwner.putIfAbsent(region, policy);
                if (owner != null) {
                    throw new PolicyException(policy.source(), 0, "regions",
                            "region " + region + " is also claimed by " + owner.source(),
                            "remove " + region + " from one of the two policies: a region has one jurisdiction");
                }
            }
        }
        JurisdictionPolicy fallback = byId.get(JurisdictionPolicy.DEFAULT_ID);
        if (fallback == null) {
            throw new PolicyException("(policy directory)", 0, "jurisdiction",
                    "no 'default' policy", "add default.yaml: it covers every region no other policy claims");
        }
        if (!fallback.regions().equals(Set.of("*"))) {
            throw new PolicyException(fallback.source(), 0, "regions",
                    "the default policy must claim exactly ['*']", "write regions: ['*']");
        }
        return new PolicySet(byId);
    }

    /** Loads the policies shipped with the gateway. */
    public static PolicySet builtIn(Set<String> knownPiiClasses) {
        PolicyParser parser = new PolicyParser(knownPiiClasses);
        List<JurisdictionPolicy> policies = new ArrayList<>();
        for (String id : BUILT_IN_IDS) {
            String resource = "policies/" + id + ".yaml";
            try (InputStream in = PolicySet.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("built-in policy missing from the class path: " + resource);
                }
                policies.add(parser.parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return of(policies);
    }

    /** Loads every {@code *.yaml} / {@code *.yml} file of {@code directory} (e.g. a mounted ConfigMap). */
    public static PolicySet fromDirectory(Path directory, Set<String> knownPiiClasses) {
        if (!Files.isDirectory(directory)) {
            throw new PolicyException(directory.toString(), 0, "(directory)", "not a readable directory",
                    "point POLICY_DIR / --policy at the directory holding the <jurisdiction>.yaml files");
        }
        PolicyParser parser = new PolicyParser(knownPiiClasses);
        List<JurisdictionPolicy> policies = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(PolicySet::isPolicyFile).sorted(Comparator.naturalOrder()).toList()) {
                policies.add(parser.parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new PolicyException(directory.toString(), 0, "(directory)", "cannot read: " + e.getMessage(),
                    "check the directory's permissions");
        }
        return of(policies);
    }

    private static boolean isPolicyFile(Path file) {
        String name = file.getFileName().toString();
        // Kubernetes ConfigMap mounts add '..data' links and hidden entries: skip anything hidden.
        return !name.startsWith(".") && (name.endsWith(".yaml") || name.endsWith(".yml")) && Files.isRegularFile(file);
    }

    public Optional<JurisdictionPolicy> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public JurisdictionPolicy fallback() {
        return byId.get(JurisdictionPolicy.DEFAULT_ID);
    }

    /** All policies in file order. */
    public List<JurisdictionPolicy> all() {
        return List.copyOf(byId.values());
    }
}
