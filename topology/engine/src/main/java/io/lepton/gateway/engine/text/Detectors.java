package io.lepton.gateway.engine.text;

import java.util.List;

/**
 * The registry of built-in detectors, in the order the scanner consults them for a word (the first to claim a word
 * wins, so the cheap, specific shapes come before the names).
 */
final class Detectors {
    private Detectors() {
    }

    static List<Detector> builtIn(List<String> phoneRegions) {
        DateOfBirthDetector dates = new DateOfBirthDetector();
        return List.of(
            new Ipv6Detector(),
            new DigitRunDetector(new PhoneRules(phoneRegions), dates),
            new AlphanumericIdDetector(),
            dates,
            new LatinNameDetector(),
            new HanNameDetector(),
            new EmailDetector(),
            new CredentialUrlDetector());
    }
}
