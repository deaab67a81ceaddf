package io.lepton.gateway.engine;

import io.lepton.gateway.engine.family.EventFamilies;
import io.lepton.gateway.engine.family.EventFamily;
import io.lepton.gateway.engine.family.FieldTags;
import java.util.Set;
import java.util.TreeSet;

/**
 * The PII classes a policy may name: every {@code pii} class tagged in the loaded schemas plus every type the
 * free-text detectors report. Derived, not listed, so a new tagged field needs no code change.
 */
public final class PiiCatalog {

    /** Types reported by the free-text detectors. */
    static final Set<String> FREE_TEXT_TYPES = Set.of("EMAIL", "PHONE", "PAYMENT_CARD", "IBAN", "IP_ADDRESS",
            "US_SSN", "CN_RESIDENT_ID", "IN_AADHAAR", "BR_CPF", "BR_CNPJ", "UK_NINO", "SG_NRIC", "CRYPTO_WALLET",
            "CREDENTIAL_URL", "DATE_OF_BIRTH", "PERSON_NAME");

    private PiiCatalog() {}

    public static Set<String> knownClasses(EventFamilies families) {
        Set<String> classes = new TreeSet<>(FREE_TEXT_TYPES);
        for (EventFamily family : families.all()) {
            for (var field : family.rawSchema().getFields()) {
                FieldTags tags = family.tags(field.name());
                if (tags.isPii()) {
                    classes.add(tags.piiClass());
                }
            }
        }
        return classes;
    }
}
