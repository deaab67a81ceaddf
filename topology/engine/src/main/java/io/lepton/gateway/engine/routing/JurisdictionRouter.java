package io.lepton.gateway.engine.routing;

import io.lepton.gateway.engine.policy.JurisdictionPolicy;
import io.lepton.gateway.engine.policy.PolicySet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Maps an event's {@code region} to the jurisdiction whose law governs it.
 *
 * <p>Most specific wins: a subdivision ({@code US-CA}) claimed by a policy goes there; otherwise its country
 * ({@code US}) decides; a valid country no policy claims falls to the strict {@code default} policy. A missing or
 * malformed region routes nowhere: the caller quarantines it as unrouted, since guessing a jurisdiction would
 * guess the residency rules too.
 */
public final class JurisdictionRouter {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final Map<String, JurisdictionPolicy> byRegion = new HashMap<>();
    private final JurisdictionPolicy fallback;

    public JurisdictionRouter(PolicySet policies) {
        for (JurisdictionPolicy policy : policies.all()) {
            if (!policy.isDefault()) {
                policy.regions().forEach(region -> byRegion.put(region, policy));
            }
        }
        this.fallback = policies.fallback();
    }

    /** The governing policy, or empty when the region is missing or not an ISO 3166 code. */
    public Optional<JurisdictionPolicy> route(String region) {
        return Optional.ofNullable(decide(region, false).policy());
    }

    /** A routing decision and the rule that made it, for {@code ./gateway explain}. */
    public record Decision(JurisdictionPolicy policy, String reason) {}

    /** Routes {@code region} and says why; {@code policy} is null when the region cannot be routed. */
    public Decision explain(String region) {
        return decide(region, true);
    }

    /** The one routing rule; the reason is written only when asked for (routing runs on every event). */
    private Decision decide(String region, boolean explain) {
        if (region == null || region.isBlank()) {
            return new Decision(null, explain ? "no region: quarantined as unrouted" : null);
        }
        String normalized = region.trim().toUpperCase(Locale.ROOT).replace('_', '-');
        JurisdictionPolicy exact = byRegion.get(normalized);
        if (exact != null) {
            return new Decision(exact, explain ? normalized + " is listed in " + exact.source() : null);
        }
        int dash = normalized.indexOf('-');
        String country = dash < 0 ? normalized : normalized.substring(0, dash);
        if (!COUNTRIES.contains(country) || (dash >= 0 && !validSubdivisionSuffix(normalized, dash))) {
            return new Decision(null, explain ? "'" + normalized + "' is not an ISO 3166 country or subdivision: "
                    + "quarantined as unrouted" : null);
        }
        JurisdictionPolicy byCountry = byRegion.get(country);
        if (byCountry != null) {
            return new Decision(byCountry, explain ? "subdivision " + normalized + " is not listed; its country "
                    + country + " is listed in " + byCountry.source() : null);
        }
        return new Decision(fallback, explain ? country + " is a valid country no policy claims: the strict default "
                + "policy (" + fallback.source() + ") applies" : null);
    }

    private static boolean validSubdivisionSuffix(String region, int dash) {
        int length = region.length() - dash - 1;
        if (length < 1 || length > 3) {
            return false;
        }
        for (int i = dash + 1; i < region.length(); i++) {
            char c = region.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
    }
}
