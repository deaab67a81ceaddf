package io.lepton.gateway.app;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * {@code GET /policies}: the running policy versions as JSON, on the HTTP port of health and metrics, e.g.
 * {@code [{"jurisdiction":"eu-gdpr","version":"3f9a0c1d2e4b5f60","label":"2026-11-24.1",
 * "source":"policies/eu-gdpr.yaml"}, ...]}. Registered on Quarkus' Vert.x router: the app has no REST extension, and
 * this one read-only route does not need one.
 */
@ApplicationScoped
public class PolicyRoutes {

    /** The endpoint's path. */
    public static final String PATH = "/policies";

    @Inject
    RunningPolicies policies;

    void install(@Observes Router router) {
        router.get(PATH).handler(context -> context.response()
                .putHeader("content-type", "application/json")
                .end(json(policies).encode()));
    }

    static JsonArray json(RunningPolicies policies) {
        JsonArray array = new JsonArray();
        for (RunningPolicies.Entry entry : policies.entries()) {
            array.add(new JsonObject().put("jurisdiction", entry.jurisdiction()).put("version", entry.version())
                    .put("label", entry.label()).put("source", entry.source()));
        }
        return array;
    }
}
