/**
 * JUnit Jupiter integration: {@link io.lepton.embedded.junit.EmbeddedEnvironmentExtension} injects one shared
 * embedded broker and registry into tests.
 */
package io.lepton.embedded.junit;
