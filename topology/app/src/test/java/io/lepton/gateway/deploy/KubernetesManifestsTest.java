package io.lepton.gateway.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import io.lepton.gateway.settings.SettingVariable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Parses every manifest under {@code k8s/} and checks that what they reference exists and that every environment
 * variable they set is one the application reads.
 *
 * <p>The variables the application reads come from the sources, not from a list kept by hand: every
 * {@link SettingVariable} (the one typed settings source), the Kafka security prefixes it passes through,
 * {@code ${VAR}} references in application.properties and the key variables ({@code ENV_*} constants, such as the
 * {@code LEPTON_HMAC_KEY_} prefix).
 */
class KubernetesManifestsTest {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final Path K8S = ROOT.resolve("k8s");

    /** Created by the operator from files and secrets that never enter the repository (see base/kustomization). */
    private static final Set<String> CREATED_BY_OPERATOR = Set.of("lepton-policies", "lepton-hmac-keys",
            "lepton-noise-keys", "lepton-ledger-keys", "kafka-tls");
    /** Read by the image's launcher (run-java.sh of the base image in Dockerfile.jvm), not by the application. */
    private static final Set<String> READ_BY_IMAGE = Set.of("JAVA_OPTS_APPEND");
    private static final Set<String> PROBE_PATHS = Set.of("/q/health/ready", "/q/health/live", "/q/health/started");

    @Test
    void everyEnvironmentVariableTheManifestsSetIsReadByTheApplication() {
        Set<String> read = envVariablesRead();
        List<String> set = new ArrayList<>();
        for (Map<String, Object> container : containers()) {
            for (Map<String, Object> env : list(container.get("env"))) {
                set.add((String) env.get("name"));
            }
        }
        set.addAll(generatedConfigMaps().values().stream().flatMap(m -> m.keySet().stream()).toList());
        assertThat(set).isNotEmpty();
        for (String name : set) {
            boolean known = read.contains(name) || read.stream().anyMatch(r -> r.endsWith("*")
                    && name.startsWith(r.substring(0, r.length() - 1))) || READ_BY_IMAGE.contains(name)
;
            assertThat(known).as("env %s set by a manifest is not read by the application", name).isTrue();
        }
    }

    @Test
    void configMapsAndSecretsReferencedExist() {
        Set<String> configMaps = new TreeSet<>(CREATED_BY_OPERATOR);
        configMaps.addAll(generatedConfigMaps().keySet());
        manifests().stream().filter(m -> "ConfigMap".equals(m.get("kind")) || "Secret".equals(m.get("kind")))
                .forEach(m -> configMaps.add((String) map(m.get("metadata")).get("name")));
        for (Map<String, Object> spec : podSpecs()) {
            for (Map<String, Object> volume : list(spec.get("volumes"))) {
                if (volume.containsKey("configMap")) {
                    assertThat(configMaps).contains((String) map(volume.get("configMap")).get("name"));
                }
                if (volume.containsKey("secret")) {
                    assertThat(configMaps).contains((String) map(volume.get("secret")).get("secretName"));
                }
            }
            for (Map<String, Object> container : list(spec.get("containers"))) {
                for (Map<String, Object> from : list(container.get("envFrom"))) {
                    assertThat(configMaps).contains((String) map(from.get("configMapRef")).get("name"));
                }
                for (Map<String, Object> env : list(container.get("env"))) {
                    Map<String, Object> valueFrom = map(env.get("valueFrom"));
                    if (valueFrom.containsKey("secretKeyRef")) {
                        assertThat(configMaps).contains((String) map(valueFrom.get("secretKeyRef")).get("name"));
                    }
                }
            }
        }
    }

    @Test
    void portsProbesAndVolumesLineUp() {
        Map<String, Object> statefulSet = only("StatefulSet");
        Map<String, Object> spec = map(statefulSet.get("spec"));
        Map<String, Object> pod = map(map(spec.get("template")).get("spec"));
        Set<String> volumes = new TreeSet<>();
        list(pod.get("volumes")).forEach(v -> volumes.add((String) v.get("name")));
        list(spec.get("volumeClaimTemplates")).forEach(v -> volumes.add((String) map(v.get("metadata")).get("name")));
        Map<String, Object> container = list(pod.get("containers")).get(0);
        Set<String> ports = new TreeSet<>();
        list(container.get("ports")).forEach(p -> ports.add((String) p.get("name")));

        for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
            Map<String, Object> get = map(map(container.get(probe)).get("httpGet"));
            assertThat(ports).as(probe).contains((String) get.get("port"));
            assertThat(PROBE_PATHS).as(probe).contains((String) get.get("path"));
        }
        list(container.get("volumeMounts")).forEach(m -> assertThat(volumes).contains((String) m.get("name")));
        assertThat(volumes).as("state lives on a claim per pod").contains("state");
        assertThat(list(pod.get("volumes"))).extracting(v -> v.get("name")).doesNotContain("state");
        assertThat(container.get("env").toString()).contains("KAFKA_STREAMS_STATE_DIR")
                .contains("metadata.name");

        Map<String, Object> service = manifests().stream().filter(m -> "Service".equals(m.get("kind")))
                .filter(m -> map(m.get("metadata")).get("name").equals(spec.get("serviceName"))).findFirst()
                .orElseThrow(() -> new AssertionError("no Service named " + spec.get("serviceName")));
        assertThat(map(service.get("spec")).get("clusterIP")).as("headless").isEqualTo("None");
        Set<String> servicePorts = new TreeSet<>();
        for (Map<String, Object> port : list(map(service.get("spec")).get("ports"))) {
            assertThat(ports).contains((String) port.get("targetPort"));
            servicePorts.add((String) port.get("name"));
        }
        Map<String, Object> podLabels = map(map(map(spec.get("template")).get("metadata")).get("labels"));
        assertThat(podLabels).containsAllEntriesOf(map(map(service.get("spec")).get("selector")));
        assertThat(podLabels).containsAllEntriesOf(map(map(map(only("PodDisruptionBudget").get("spec"))
                .get("selector")).get("matchLabels")));
        Map<String, Object> monitor = map(only("ServiceMonitor").get("spec"));
        assertThat(map(service.get("metadata")).get("labels"))
                .isEqualTo(map(map(monitor.get("selector")).get("matchLabels")));
        for (Map<String, Object> endpoint : list(monitor.get("endpoints"))) {
            assertThat(servicePorts).contains((String) endpoint.get("port"));
            assertThat(endpoint.get("path")).isEqualTo("/q/metrics");
        }
    }

    @Test
    void everyZoneHasAnOverlayBuiltOnTheBaseWithItsOwnNamespace() throws IOException {
        for (String zone : List.of("eu", "us", "cn", "br", "in", "sg", "default")) {
            Path overlay = K8S.resolve("overlays").resolve(zone).resolve("kustomization.yaml");
            Map<String, Object> kustomization = map(load(overlay).get(0));
            assertThat(kustomization.get("resources")).as(zone).isEqualTo(List.of("../../base"));
            assertThat(kustomization.get("namespace")).isEqualTo("lepton-" + zone);
        }
        Map<String, Object> base = map(load(K8S.resolve("base/kustomization.yaml")).get(0));
        for (Object resource : (List<?>) base.get("resources")) {
            assertThat(K8S.resolve("base").resolve((String) resource)).exists();
        }
    }

    @Test
    void theMirrorCopiesOnlyTheGlobalAggregatesNeverAJurisdictionsOwn() {
        Map<String, Object> mirror = map(list(map(only("KafkaMirrorMaker2").get("spec")).get("mirrors")).get(0));
        Pattern include = Pattern.compile((String) mirror.get("topicsPattern"));
        Pattern exclude = Pattern.compile((String) mirror.get("topicsExcludePattern"));
        // Topic names as PRODUCT.md writes them: dp-aggregates.<family> and dp-aggregates.<jurisdiction>.<family>.
        for (String global : List.of("dp-aggregates.customer-service", "dp-aggregates.recommendation",
                "dp-aggregates.financial-sentiment")) {
            assertThat(include.matcher(global).matches() && !exclude.matcher(global).matches()).as(global).isTrue();
        }
        for (String local : List.of("dp-aggregates.cn-pipl.customer-service", "dp-aggregates.eu-gdpr.recommendation",
                "sanitized.eu-gdpr.customer-service", "privacy.audit.eu-gdpr", "quarantine.unrouted",
                "raw.customer-service", "fairness.alerts.eu-gdpr", "xdp-aggregates.customer-service")) {
            assertThat(include.matcher(local).matches() && !exclude.matcher(local).matches()).as(local).isFalse();
            assertThat(exclude.matcher(local).matches() || !include.matcher(local).matches()).isTrue();
        }
        assertThat(exclude.matcher("dp-aggregates.cn-pipl.customer-service").matches())
                .as("the exclude pattern alone also keeps a jurisdiction's aggregates home").isTrue();
    }

    // ---- the list of variables the application reads, derived from the sources ----

    static Set<String> envVariablesRead() {
        Set<String> names = new TreeSet<>();
        for (SettingVariable variable : SettingVariable.values()) {
            names.add(variable.name());
        }
        for (String security : List.of("SECURITY_", "SASL_", "SSL_")) {
            names.add(SettingVariable.KAFKA_SECURITY_PREFIX + security + "*");
        }
        Path properties = ROOT.resolve("topology/app/src/main/resources/application.properties");
        Matcher reference = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)").matcher(read(properties));
        while (reference.find()) {
            names.add(reference.group(1));
        }
        Pattern getenv = Pattern.compile("System\\.getenv\\(\"([A-Z][A-Z0-9_]*)\"\\)");
        Pattern constant = Pattern.compile("\\bENV_[A-Z_]*\\s*=\\s*\"([A-Z][A-Z0-9_]*)\"");
        for (String module : List.of("topology/app", "topology/engine", "serdes", "cli")) {
            for (Path source : javaSources(ROOT.resolve(module).resolve("src/main/java"))) {
                String text = read(source);
                Matcher m = getenv.matcher(text);
                while (m.find()) {
                    names.add(m.group(1));
                }
                m = constant.matcher(text);
                while (m.find()) {
                    names.add(m.group(1).endsWith("_") ? m.group(1) + "*" : m.group(1));
                }
            }
        }
        return names;
    }

    private static List<Path> javaSources(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- manifests ----

    private static List<Map<String, Object>> manifests() {
        List<Map<String, Object>> all = new ArrayList<>();
        try (Stream<Path> files = Files.walk(K8S)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                if (file.getFileName().toString().equals("kustomization.yaml")
                        || file.getFileName().toString().equals("prometheus-rules.yaml")
                        || file.toString().contains("prometheus-rules-tests")) {
                    continue;
                }
                for (Object document : load(file)) {
                    Map<String, Object> manifest = map(document);
                    assertThat(manifest).as(file.toString()).containsKeys("apiVersion", "kind", "metadata");
                    all.add(manifest);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }

    /** ConfigMaps generated by the base kustomization, by name, with their keys. */
    private static Map<String, Map<String, String>> generatedConfigMaps() {
        Map<String, Map<String, String>> generated = new java.util.TreeMap<>();
        Map<String, Object> base = map(load(K8S.resolve("base/kustomization.yaml")).get(0));
        for (Map<String, Object> generator : list(base.get("configMapGenerator"))) {
            Map<String, String> data = new java.util.TreeMap<>();
            for (Object literal : (List<?>) generator.get("literals")) {
                String text = (String) literal;
                data.put(text.substring(0, text.indexOf('=')), text.substring(text.indexOf('=') + 1));
            }
            generated.put((String) generator.get("name"), data);
        }
        return generated;
    }

    private static Map<String, Object> only(String kind) {
        List<Map<String, Object>> found = manifests().stream().filter(m -> kind.equals(m.get("kind"))).toList();
        assertThat(found).as(kind).hasSize(1);
        return found.get(0);
    }

    private static List<Map<String, Object>> podSpecs() {
        return manifests().stream().filter(m -> "StatefulSet".equals(m.get("kind")))
                .map(m -> map(map(map(m.get("spec")).get("template")).get("spec"))).toList();
    }

    private static List<Map<String, Object>> containers() {
        return podSpecs().stream().flatMap(spec -> list(spec.get("containers")).stream()).toList();
    }

    private static List<Object> load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            List<Object> documents = new ArrayList<>();
            new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(in).forEach(d -> {
                if (d != null) {
                    documents.add(d);
                }
            });
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }
}
