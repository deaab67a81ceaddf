package io.lepton.gateway.streams;

import io.lepton.gateway.engine.QuarantineReason;
import static org.assertj.core.api.Assertions.assertThat;

import io.lepton.gateway.engine.fairness.pooled.WindowView;
import io.lepton.gateway.streams.fairness.FairnessMeters;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The alert rules and the dashboard shipped in {@code k8s/} only name gateway metrics that exist: every meter is
 * registered here through the classes the topology uses, scraped in Prometheus format, and each {@code lepton_*}
 * name the operator files reference must be in the scrape. A renamed meter fails this test instead of silently
 * disabling an alert.
 */
class MonitoringRulesTest {

    private static final Path K8S = Path.of("..", "..", "k8s");
    private static final Pattern LEPTON_METRIC = Pattern.compile("lepton_[a-z_]+");

    @Test
    void everyGatewayMetricNamedByAlertRulesAndDashboardIsExposed() throws IOException {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        RecordMetrics records = new RecordMetrics(registry);
        records.outcome("customer-service", "eu-gdpr", "released");
        records.quarantined("customer-service", RecordMetrics.UNROUTED, QuarantineReason.UNDECODABLE);
        records.detections("eu-gdpr", Map.of("EMAIL", 1));
        new BudgetMetrics(registry).exhausted("eu-gdpr", "withheld");
        FairnessMeters fairness = new FairnessMeters(registry);
        fairness.show("eu-gdpr", "financial-sentiment", "gender", new WindowView(0,
                List.of(new WindowView.Group("F", 1000, 0.55, 0.6, Double.NaN),
                        new WindowView.Group("M", 1000, 0.8, 0.9, Double.NaN)),
                List.of(new WindowView.Metric("disparate_impact", "F", 0.69))));
        fairness.alert("eu-gdpr", "financial-sentiment", "disparate_impact", "BREACH", "sequential");
        fairness.lateVotes("eu-gdpr", "financial-sentiment", 3);
        Set<String> exposed = names(registry.scrape());

        Set<String> referenced = new TreeSet<>();
        referenced.addAll(names(Files.readString(K8S.resolve("prometheus-rules.yaml"))));
        referenced.addAll(names(Files.readString(K8S.resolve("grafana-dashboard.json"))));
        assertThat(referenced).as("the operator files watch gateway metrics").contains("lepton_records_total",
                "lepton_quarantined_total", "lepton_dp_budget_exhausted_total", "lepton_fairness_alerts_total",
                "lepton_process_cpu_seconds_total");
        assertThat(exposed).containsAll(referenced);
    }

    private static Set<String> names(String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = LEPTON_METRIC.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group());
        }
        return names;
    }
}
