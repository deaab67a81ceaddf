package io.lepton.gateway.streams;

import io.lepton.gateway.engine.GatewayEngine;
import io.lepton.gateway.engine.PiiCatalog;
import io.lepton.gateway.engine.crypto.GatewayKeys;
import io.lepton.gateway.engine.crypto.HmacKeyRing;
import io.lepton.gateway.engine.crypto.JurisdictionKeys;
import io.lepton.gateway.engine.dp.BudgetTime;
import io.lepton.gateway.engine.dp.RandomBits;
import io.lepton.gateway.engine.dp.SecureRandomBits;
import io.lepton.gateway.engine.family.EventFamilies;
import io.lepton.gateway.engine.policy.JurisdictionPolicy;
import io.lepton.gateway.engine.policy.SubjectIdentity;
import io.lepton.gateway.engine.policy.PolicySet;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;

/** The built-in engine with random keys, as the topology tests run it. */
final class TestGateway {

    static final EventFamilies FAMILIES = EventFamilies.discover();
    static final PolicySet POLICIES = PolicySet.builtIn(PiiCatalog.knownClasses(FAMILIES));

    private TestGateway() {}

    static HmacKeyRing randomKeys() {
        SecureRandom random = new SecureRandom();
        Map<String, byte[]> keys = new HashMap<>();
        POLICIES.all().forEach(p -> {
            byte[] key = new byte[32];
            random.nextBytes(key);
            keys.put(p.pseudonymKeyId(), key);
        });
        return HmacKeyRing.of(keys);
    }

    /** Random pseudonym keys plus random noise and ledger keys for every built-in jurisdiction. */
    static GatewayKeys gatewayKeys() {
        SecureRandom random = new SecureRandom();
        Map<String, byte[]> noise = new HashMap<>();
        Map<String, byte[]> ledger = new HashMap<>();
        POLICIES.all().forEach(p -> {
            byte[] noiseKey = new byte[32];
            byte[] ledgerKey = new byte[32];
            random.nextBytes(noiseKey);
            random.nextBytes(ledgerKey);
            noise.put(p.id(), noiseKey);
            ledger.put(p.id(), ledgerKey);
        });
        return new GatewayKeys(randomKeys(), JurisdictionKeys.of(JurisdictionKeys.Kind.NOISE, noise),
                JurisdictionKeys.of(JurisdictionKeys.Kind.LEDGER, ledger));
    }

    /** The engine of {@code policies} under {@code keys}, charging budgets by pure event time. */
    static GatewayEngine engine(PolicySet policies, GatewayKeys keys) {
        return GatewayEngine.create(policies, FAMILIES, keys, BudgetTime.eventTime(), new SecureRandomBits());
    }

    /** The built-in policies with {@code jurisdiction}'s pseudonym key id changed to {@code keyId}: a key rotation. */
    static PolicySet withPseudonymKeyId(String jurisdiction, String keyId) {
        return PolicySet.of(POLICIES.all().stream().map(p -> p.id().equals(jurisdiction)
                ? new JurisdictionPolicy(p.id(), p.name(), p.version(), p.regions(), p.residencyZone(),
                        p.crossBorder(), keyId, p.subjectIdentity(), p.actions(), p.defaultAction(), p.freeText(),
                        p.dp(), p.fairness(), p.source(), p.aggregates())
                : p).toList());
    }

    /** {@code policy} with case-folded subject identity (ids differing only in case are one subject). */
    static JurisdictionPolicy caseFolding(JurisdictionPolicy p) {
        return new JurisdictionPolicy(p.id(), p.name(), p.version(), p.regions(), p.residencyZone(), p.crossBorder(),
                p.pseudonymKeyId(), new SubjectIdentity(true), p.actions(), p.defaultAction(), p.freeText(), p.dp(),
                p.fairness(), p.source(), p.aggregates());
    }

    /** {@code keys} plus a random pseudonym key {@code keyId}; noise and ledger keys unchanged. */
    static GatewayKeys withPseudonymKey(GatewayKeys keys, String keyId) {
        Map<String, byte[]> pseudonyms = new HashMap<>();
        for (String id : keys.pseudonyms().ids()) {
            pseudonyms.put(id, keys.pseudonyms().key(id).orElseThrow().getEncoded());
        }
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        pseudonyms.put(keyId, fresh);
        return new GatewayKeys(HmacKeyRing.of(pseudonyms), keys.noise(), keys.ledger());
    }

    static GatewayEngine engine() {
        return engine(new SecureRandomBits());
    }

    /**
     * The engine with random keys, charging budgets by pure event time: topology tests replay fixed historic
     * timestamps, which the production window around the wall clock would quarantine.
     */
    static GatewayEngine engine(RandomBits fallbackBits) {
        return GatewayEngine.create(POLICIES, FAMILIES, gatewayKeys(), BudgetTime.eventTime(), fallbackBits);
    }

    /**
     * Kafka Streams properties of a TopologyTestDriver run of the gateway topology: exactly-once as in production, and
     * the test's own state directory (the default one under /tmp is shared with every other checkout's run of it).
     */
    static Properties driverProperties(String applicationId, Path stateDir) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        return props;
    }

    /**
     * Kafka Streams properties of a gateway instance on the ITs' real broker: exactly-once, one stream thread, 100 ms
     * commits, replication 1, reading from the start, and the broker's minimum session (6 s, heartbeat 1 s), so a
     * second instance waits seconds, not 45, for a first one's lingering membership.
     */
    static Properties brokerProperties(String applicationId, String bootstrapServers, Path stateDir) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 6000);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 1000);
        return props;
    }
}
