package io.lepton.gateway.app;

import io.lepton.gateway.engine.GatewayEngine;
import io.lepton.gateway.engine.PiiCatalog;
import io.lepton.gateway.engine.crypto.GatewayKeys;
import io.lepton.gateway.engine.crypto.HmacKeyRing;
import io.lepton.gateway.engine.crypto.JurisdictionKeys;
import io.lepton.gateway.engine.family.EventFamilies;
import io.lepton.gateway.engine.policy.PolicySet;
import io.lepton.gateway.streams.GatewayTopics;
import io.lepton.gateway.streams.GatewayTopology;
import io.lepton.gateway.streams.RecordCodec;
import io.lepton.gateway.streams.SanitizedSchemas;
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
import org.apache.kafka.streams.Topology;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Assembles the gateway at start-up: policies, keys, registry client, engine and topology. Everything that can be
 * wrong with the configuration fails here, before Kafka Streams starts.
 */
@ApplicationScoped
public class GatewayProducers {

    private static final Logger LOGGER = Logger.getLogger(GatewayProducers.class);

    @Produces
    @Singleton
    GatewayEngine engine(GatewayConfig config) {
        EventFamilies families = EventFamilies.builtIn();
        PolicySet policies = config.policyDir()
                .map(dir -> PolicySet.fromDirectory(Path.of(dir), PiiCatalog.knownClasses(families)))
                .orElseGet(() -> PolicySet.builtIn(PiiCatalog.knownClasses(families)));
        Map<String, String> env = new HashMap<>(System.getenv());
        config.hmacKeyDir().ifPresent(dir -> env.put(HmacKeyRing.ENV_DIR, dir));
        config.noiseKeyDir().ifPresent(dir -> env.put(JurisdictionKeys.Kind.NOISE.envDir(), dir));
        config.ledgerKeyDir().ifPresent(dir -> env.put(JurisdictionKeys.Kind.LEDGER.envDir(), dir));
        // Pseudonym keys (LEPTON_HMAC_KEY_*), noise keys (LEPTON_NOISE_KEY_<J>) and ledger keys (LEPTON_LEDGER_KEY_<J>):
        // a jurisdiction missing any of them stops start-up with the variable to set.
        GatewayEngine engine = GatewayEngine.create(policies, families, GatewayKeys.fromEnvironment(env));
        LOGGER.infof("policies loaded: source=%s jurisdictions=%d families=%d",
                config.policyDir().orElse("built-in"), policies.all().size(), families.all().size());
        return engine;
    }

    @Produces
    @Singleton
    SchemaRegistryClient registry(GatewayConfig config) {
        Map<String, Object> props = new HashMap<>();
        props.put(RegistryClientConfig.URL, config.schemaRegistryUrl());
        config.schemaRegistryUserInfo().ifPresent(userInfo -> {
            props.put(RegistryClientConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO");
            props.put(RegistryClientConfig.BASIC_AUTH_USER_INFO, userInfo);
        });
        config.schemaRegistryBearerToken().ifPresent(token -> {
            props.put(RegistryClientConfig.BEARER_AUTH_TOKEN, token);
        });
        return new RestSchemaRegistryClient(RegistryClientConfig.fromProperties(props));
    }

    @Produces
    @Singleton
    Topology topology(GatewayEngine engine, SchemaRegistryClient registry, GatewayConfig config, Config all,
            MeterRegistry meters) {
        if (config.topics().create()) {
            GatewayTopics.createMissing(KafkaAdminConfig.from(all), GatewayTopics.all(engine),
                    config.topics().partitions(), config.topics().replicationFactor());
        }
        RecordCodec codec = new RecordCodec(registry, engine.families().all());
        int registered = SanitizedSchemas.registerAll(engine, codec);
        LOGGER.infof("sanitized schemas registered: subjects=%d", registered);
        return GatewayTopology.build(engine, codec, meters, config.topics().partitions());
    }
}
