package io.lepton.gateway.engine.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every registered detector declares types, a validator and an oracle test that exists; every type has a detector. */
class DetectorRegistryTest {
    @Test
    void everyDetectorDeclaresAnExistingOracleTest() throws ClassNotFoundException {
        List<Detector> detectors = Detectors.builtIn(List.of("US"));
        Set<TextPiiType> covered = EnumSet.noneOf(TextPiiType.class);
        for (Detector d : detectors) {
            assertThat(d.types()).as(d.getClass().getSimpleName()).isNotEmpty();
            assertThat(d.triggers()).as(d.getClass().getSimpleName()).isNotEmpty();
            assertThat(d.validator()).as(d.getClass().getSimpleName()).isNotBlank();
            assertThat(Class.forName(getClass().getPackageName() + "." + d.oracleTest())).isNotNull();
            covered.addAll(d.types());
        }
        assertThat(covered).containsExactlyInAnyOrder(TextPiiType.values());
    }

    @Test
    void disabledTypesAreNotSearchedFor() {
        FreeTextScanner emailOnly = FreeTextScanner.builder().enable(Set.of(TextPiiType.EMAIL)).build();
        assertThat(emailOnly.scan("Dear Maria, mail a@example.com or call +1 415 555 2671"))
            .extracting(Detection::type).containsExactly(TextPiiType.EMAIL);
    }
}
