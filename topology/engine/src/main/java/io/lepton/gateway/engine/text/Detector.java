package io.lepton.gateway.engine.text;

import java.util.Set;

/**
 * One detector of the free-text scanner. Adding a detector is one class implementing this interface plus one line in
 * {@link Detectors#builtIn}: the scanner calls it where its {@linkplain #triggers() trigger} occurs, skips it when none
 * of its {@linkplain #types() types} is enabled, and stops at the first word detector that claims a word.
 *
 * <p>Each detector also says how it validates a candidate and which test checks it against an oracle that shares no
 * code or table with it ({@code DetectorRegistryTest} fails when that test class does not exist), because a detector
 * tested against a copy of its own table passes with its bugs.
 */
interface Detector {
    /** Where in the text the scanner hands control to a detector. */
    enum Trigger {
        /** A run of word characters ({@link CharClasses#isWordChar}); the detector gets the word's bounds. */
        WORD,
        /** An '@'. */
        AT_SIGN,
        /** The ':' of "://". */
        URL_SCHEME,
        /** The first ':' of "::" outside a word (compressed IPv6). */
        DOUBLE_COLON,
        /** A CJK unified ideograph. */
        HAN
    }

    /** The types this detector can report; it is not called when none of them is enabled. */
    Set<TextPiiType> types();

    Set<Trigger> triggers();

    /** The structural check a candidate must pass, in a few words (shown in the README's table). */
    String validator();

    /** Simple name of the test class that checks this detector against an independent oracle. */
    String oracleTest();

    /**
     * Examines the text at a trigger: for {@link Trigger#WORD} {@code [start, end)} is the word, otherwise {@code start}
     * indexes the trigger character and {@code end == start + 1}.
     *
     * @return where scanning resumes if this detector claimed the text there ({@code > start}), otherwise -1
     */
    int detect(CharSequence text, int start, int end, CandidateSink sink);
}
