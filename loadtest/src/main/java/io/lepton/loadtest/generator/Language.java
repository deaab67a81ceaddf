package io.lepton.loadtest.generator;

/** Languages of the generated free text; Hindi is written in Latin script (as much Indian chat is). */
public enum Language {
    ENGLISH, GERMAN, PORTUGUESE, CHINESE, HINDI_LATIN
}
