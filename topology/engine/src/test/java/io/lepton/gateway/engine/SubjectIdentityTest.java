package io.lepton.gateway.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.lepton.gateway.engine.dp.InMemoryPrivacyLedger;
import io.lepton.gateway.engine.dp.PrivacyLedger;
import io.lepton.gateway.engine.dp.SecureRandomBits;
import io.lepton.gateway.engine.family.EventFamily;
import io.lepton.gateway.engine.policy.JurisdictionPolicy;
import io.lepton.gateway.engine.policy.PolicySet;
import io.lepton.gateway.engine.policy.SubjectIdentity;
import io.lepton.schemas.CustomerServiceEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Subject ids are normalised before pseudonymising and budgeting: stripped and NFC always, case folded when the
 * policy opts in. Oracles are Unicode's own published examples (U+0065 U+0301 composes to U+00E9; "ß" upper-cases
 * to "SS").
 */
class SubjectIdentityTest {

    private static final EventFamily CUSTOMER_SERVICE = TestEngines.FAMILIES.byName("customer-service").orElseThrow();

    @Test
    void canonicalFormStripsAndComposes() {
        assertThat(SubjectIdentity.canonical(" \tcafe\u0301-7\u2003")).isEqualTo("caf\u00e9-7");
        assertThat(SubjectIdentity.CASE_SENSITIVE.normalize("Cust-42")).isEqualTo("Cust-42");
        assertThat(new SubjectIdentity(true).normalize("STRASSE-1")).isEqualTo(new SubjectIdentity(true)
                .normalize("stra\u00dfe-1"));
    }

    @Test
    void decomposedAndComposedSpellingsShareOneBudget() {
        GatewayEngine engine = TestEngines.engine();
        PrivacyLedger ledger = new InMemoryPrivacyLedger();
        int released = 0;
        for (int i = 0; i < 20; i++) {
            released += releases(engine, ledger, i % 2 == 0 ? "caf\u00e9-7" : "cafe\u0301-7", "nfc-" + i);
        }
        assertThat(released).isEqualTo(8);
    }

    @Test
    void caseVariantsAreOneSubjectOnlyWhenThePolicyFoldsCase() {
        PrivacyLedger sensitive = new InMemoryPrivacyLedger();
        GatewayEngine caseSensitive = TestEngines.engine();
        int releasedSensitive = 0;
        for (int i = 0; i < 20; i++) {
            releasedSensitive += releases(caseSensitive, sensitive, i % 2 == 0 ? "CUST-42" : "cust-42", "cs-" + i);
        }
        assertThat(releasedSensitive).as("two subjects, 8 each").isEqualTo(16);

        List<JurisdictionPolicy> folding = TestEngines.POLICIES.all().stream().map(p -> p.id().equals("eu-gdpr")
                ? new JurisdictionPolicy(p.id(), p.name(), p.version(), p.regions(), p.residencyZone(),
                        p.crossBorder(), p.pseudonymKeyId(), new SubjectIdentity(true), p.actions(),
                        p.defaultAction(), p.freeText(), p.dp(), p.fairness(), p.source(), p.aggregates())
                : p).toList();
        GatewayEngine caseFolding = TestEngines.create(PolicySet.of(folding), TestEngines.FAMILIES,
                TestEngines.gatewayKeys(), SecureRandomBits.seeded(1));
        PrivacyLedger folded = new InMemoryPrivacyLedger();
        int releasedFolded = 0;
        for (int i = 0; i < 20; i++) {
            releasedFolded += releases(caseFolding, folded, i % 2 == 0 ? "CUST-42" : "cust-42", "cf-" + i);
        }
        assertThat(releasedFolded).isEqualTo(8);
    }

    private static int releases(GatewayEngine engine, PrivacyLedger ledger, String customerId, String eventId) {
        CustomerServiceEvent event = SampleEvents.customerServiceBuilder("DE");
        event.setCustomerId(customerId);
        event.setEventId(eventId);
        Outcome outcome = engine.process(CUSTOMER_SERVICE, SampleEvents.generic(event), ledger);
        return outcome instanceof Outcome.Released released && released.event().value().get("satisfaction") != null
                ? 1 : 0;
    }
}
