package io.lepton.gateway.app;

/**
 * The same environment as {@link EmbeddedEnvironmentResource}, but a distinct resource type, so Quarkus boots a
 * separate app on a separate broker and registry for a test that stops and restarts the registry: the other tests'
 * app must not see a registry that lost its schemas.
 */
public class OwnEnvironmentResource extends EmbeddedEnvironmentResource {
}
