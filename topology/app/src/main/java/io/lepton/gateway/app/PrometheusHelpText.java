package io.lepton.gateway.app;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.inject.Singleton;

/**
 * Keeps every meter description free of double quotes, so {@code /q/metrics} parses with Prometheus' classic text
 * parser.
 *
 * <p>Why: the Prometheus client writes a {@code "} in a HELP line as {@code \"}, an escape the text format allows
 * only in label values; {@code promtool check metrics} (and scrapers using the same parser) then reject the whole
 * scrape. Some third-party meters (Kafka client metrics) quote words in their descriptions; a single quote reads the
 * same. Quarkus applies every {@link MeterFilter} bean to its registries.
 */
@Singleton
public class PrometheusHelpText implements MeterFilter {

    @Override
    public Meter.Id map(Meter.Id id) {
        String description = id.getDescription();
        if (description == null || description.indexOf('"') < 0) {
            return id;
        }
        return new Meter.Id(id.getName(), io.micrometer.core.instrument.Tags.of(id.getTagsAsIterable()),
                id.getBaseUnit(), description.replace('"', '\''), id.getType());
    }
}
