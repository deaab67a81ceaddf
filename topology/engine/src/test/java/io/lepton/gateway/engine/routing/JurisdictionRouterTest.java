package io.lepton.gateway.engine.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.lepton.gateway.engine.TestEngines;
import io.lepton.gateway.engine.policy.JurisdictionPolicy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class JurisdictionRouterTest {

    private final JurisdictionRouter router = new JurisdictionRouter(TestEngines.POLICIES);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "DE, eu-gdpr", "de, eu-gdpr", "' FR ', eu-gdpr", "NO, eu-gdpr", "IS, eu-gdpr", "DE-BY, eu-gdpr",
        "US-CA, us-ccpa", "us-ca, us-ccpa", "US_CA, us-ccpa", "US-NY, default", "US, default",
        "CN, cn-pipl", "CN-11, cn-pipl", "HK, default", "TW, default", "BR, br-lgpd", "BR-SP, br-lgpd",
        "IN, in-dpdp", "SG, sg-pdpa", "GB, default", "JP, default", "CH, default"
    })
    void routesRegionsToTheirJurisdiction(String region, String jurisdiction) {
        assertThat(router.route(region)).map(JurisdictionPolicy::id).contains(jurisdiction);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"XX", "EU", "DEU", "Germany", "US-", "US-CALIF", "US-C@", "??", "1", "-CA", "ZZ-01"})
    void leavesMissingOrInvalidRegionsUnrouted(String region) {
        assertThat(router.route(region)).isEmpty();
    }
}
