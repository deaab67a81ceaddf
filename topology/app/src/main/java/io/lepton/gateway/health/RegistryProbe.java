package io.lepton.gateway.health;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * Whether the schema registry answers, asked with one cheap {@code GET /config} per URL and a short timeout.
 *
 * <p>Why not the registry client: its retries and backoff are meant to ride out an outage on the hot path, which
 * would make a probe hang for seconds; a probe must answer within the orchestrator's timeout. Any HTTP answer
 * below 500 (even 401) counts as reachable: credentials are checked at start-up, not by health.
 */
public final class RegistryProbe {

    private final List<URI> urls;
    private final Duration timeout;
    private final HttpClient http;

    public RegistryProbe(List<URI> urls, Duration timeout) {
        this.urls = List.copyOf(urls);
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** True when any configured registry URL answers. */
    public boolean reachable() {
        for (URI url : urls) {
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url + "/config"))
                        .timeout(timeout).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() < 500) {
                    return true;
                }
            } catch (IOException e) {
                // try the next URL
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}
