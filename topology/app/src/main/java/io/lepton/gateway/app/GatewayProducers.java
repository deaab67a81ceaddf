package io.lepton.gateway.app;

import io.lepton.gateway.engine.GatewayEngine;
import io.lepton.gateway.engine.PiiCatalog;
import io.lepton.gateway.engine.crypto.GatewayKeys;
import io.lepton.gateway.engine.dp.LedgerPartitioning;
import io.lepton.gateway.engine.crypto.HmacKeyRing;
import io.lepton.gateway.engine.crypto.JurisdictionKeys;
import io.lepton.gateway.engine.family.EventFamilies;
import io.lepton.gateway.engine.policy.PolicySet;
import io.lepton.gateway.settings.GatewaySettings;
import io.lepton.gateway.settings.SettingVariable;
import io.lepton.gateway.streams.GatewayTopics;
import io.lepton.gateway.streams.GatewayTopology;
import io.lepton.gateway.streams.Lanes;
import io.lepton.gateway.streams.OutputSchemas;
import io.lepton.gateway.streams.RecordCodec;
import io.lepton.serdes.registry.RegistryClientConfig;
import io.lepton.serdes.registry.RestSchemaRegistryClient;
import io.lepton.serdes.registry.SchemaRegistryClient;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.Topology;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Assembles the gateway at start-up: settings, policies, keys, registry client, engine and topology. Everything that
 * can be wrong with the configuration fails here, before Kafka Streams starts.
 */
@ApplicationScoped
public class GatewayProducers {

    private static final Logger LOGGER = Logger.getLogger(GatewayProducers.class);

    /**
     * The settings from the environment; a variable may also be given as a configuration property of the same name
     * (a system property, or a Quarkus test resource, which cannot set environment variables).
     */
    @Produces
    @Singleton
    GatewaySettings settings(Config config) {
        Map<String, String> env = new HashMap<>(System.getenv());
        for (SettingVariable variable : SettingVariable.values()) {
            config.getOptionalValue(variable.name(), String.class).ifPresent(value -> env.put(variable.name(), value));
        }
        return GatewaySettings.fromEnvironment(env);
    }

    @Produces
    @Singleton
    GatewayEngine engine(GatewaySettings settings) {
        EventFamilies families = EventFamilies.discover();
        PolicySet policies = settings.policyDir()
                .map(dir -> PolicySet.fromDirectory(dir, PiiCatalog.knownClasses(families)))
                .orElseGet(() -> PolicySet.builtIn(PiiCatalog.knownClasses(families)));
        Map<String, String> env = new HashMap<>(System.getenv());
        settings.hmacKeyDir().ifPresent(dir -> env.put(HmacKeyRing.ENV_DIR, dir.toString()));
        settings.noiseKeyDir().ifPresent(dir -> env.put(JurisdictionKeys.Kind.NOISE.envDir(), dir.toString()));
        settings.ledgerKeyDir().ifPresent(dir -> env.put(JurisdictionKeys.Kind.LEDGER.envDir(), dir.toString()));
        // Pseudonym keys (LEPTON_HMAC_KEY_*), noise keys (LEPTON_NOISE_KEY_<J>) and ledger keys (LEPTON_LEDGER_KEY_<J>):
        // a jurisdiction missing any of them stops start-up with the variable to set.
        GatewayEngine engine = GatewayEngine.create(policies, families, GatewayKeys.fromEnvironment(env));
        LOGGER.infof("policies loaded: source=%s jurisdictions=%d families=%d",
                settings.policyDir().map(Object::toString).orElse("built-in"), policies.all().size(),
                families.all().size());
        return engine;
    }

    /**
     * The running policy versions: {@code lepton_policy_info} gauges, and one log line per jurisdiction whose version
     * differs from the one this instance last ran (remembered in its state directory).
     */
    @Produces
    @Singleton
    RunningPolicies runningPolicies(GatewayEngine engine, GatewaySettings settings, MeterRegistry meters) {
        RunningPolicies running = RunningPolicies.of(engine.policies());
        running.registerGauges(meters);
        for (RunningPolicies.Entry entry : running.entries()) {
            LOGGER.infof("policy in force: jurisdiction=%s version=%s label=%s", entry.jurisdiction(),
                    entry.version(), entry.label());
        }
        PolicyVersionHistory.update(Path.of(settings.streams().stateDir()), running).forEach(LOGGER::info);
        return running;
    }

    @Produces
    @Singleton
    SchemaRegistryClient registry(GatewaySettings settings) {
        return new RestSchemaRegistryClient(RegistryClientConfig.fromProperties(settings.registry().clientProperties()));
    }

    /** {@code policies} is asked for so that versions are exported and logged before Kafka Streams starts. */
    @Produces
    @Singleton
    Topology topology(GatewayEngine engine, SchemaRegistryClient registry, GatewaySettings settings,
            MeterRegistry meters, RunningPolicies policies) {
        // One admin client for everything checked or created before Streams starts.
        try (Admin admin = Admin.create(settings.streams().adminProperties())) {
            if (settings.topics().create()) {
                GatewayTopics.createMissing(admin, engine, settings.topics());
            }
            // Before anything runs: a changed subject partition count would move subjects away from their spend.
            LedgerPartitioning.check(GatewayTopics.ledgerPartitions(admin, settings.streams().applicationId(), engine),
                    settings.topics().partitions());
        }
        RecordCodec codec = new RecordCodec(registry, engine.families().all());
        int registered = OutputSchemas.registerAll(engine, Lanes.of(engine), codec);
        LOGGER.infof("output schemas registered: registry subjects=%d", registered);
        return GatewayTopology.build(engine, codec, meters, settings.topics().partitions());
    }
}
