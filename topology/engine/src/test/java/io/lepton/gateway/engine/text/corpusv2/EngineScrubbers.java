package io.lepton.gateway.engine.text.corpusv2;

import io.lepton.gateway.engine.PiiCatalog;
import io.lepton.gateway.engine.family.EventFamilies;
import io.lepton.gateway.engine.policy.JurisdictionPolicy;
import io.lepton.gateway.engine.policy.PolicySet;
import io.lepton.gateway.engine.routing.JurisdictionRouter;
import io.lepton.gateway.engine.text.FreeTextScanner;
import io.lepton.gateway.engine.text.FreeTextScrubber;
import io.lepton.gateway.engine.text.TextLimits;
import io.lepton.gateway.engine.text.TextPiiType;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The production scrubber for a record's region, configured the way {@code sanitize.ScrubbingTreatment.create} does
 * for the built-in policy the region routes to: that policy's {@code freeText.detectors}, and the scanner's default
 * phone regions plus the policy's two-letter regions. ScrubbingTreatment does not expose its scrubber (and the corpus
 * needs its own replacer to see what was removed), so this mirrors those two settings; keep them in step.
 */
public final class EngineScrubbers {

    private final PolicySet policies = PolicySet.builtIn(PiiCatalog.knownClasses(EventFamilies.discover()));
    private final JurisdictionRouter router = new JurisdictionRouter(policies);
    private final Map<String, FreeTextScrubber> byPolicy = new HashMap<>();

    /** The scrubber of the policy that {@code region} routes to. */
    public FreeTextScrubber forRegion(String region) {
        JurisdictionPolicy policy = router.route(region).orElse(policies.fallback());
        return byPolicy.computeIfAbsent(policy.id(), id -> build(policy));
    }

    /** The policy id that {@code region} routes to, for the report. */
    public String policyId(String region) {
        return router.route(region).orElse(policies.fallback()).id();
    }

    private static FreeTextScrubber build(JurisdictionPolicy policy) {
        Set<String> names = policy.freeText().detectors();
        Set<TextPiiType> types = EnumSet.allOf(TextPiiType.class);
        if (!names.contains("ALL")) {
            types.clear();
            names.forEach(name -> types.add(TextPiiType.valueOf(name)));
        }
        Set<String> phoneRegions = new TreeSet<>(FreeTextScanner.DEFAULT_PHONE_REGIONS);
        for (String region : policy.regions()) {
            if (region.length() == 2) {
                phoneRegions.add(region.toUpperCase(Locale.ROOT));
            }
        }
        FreeTextScanner scanner = FreeTextScanner.builder().enable(types).phoneRegions(phoneRegions).build();
        return new FreeTextScrubber(scanner, TextLimits.DEFAULT);
    }
}
