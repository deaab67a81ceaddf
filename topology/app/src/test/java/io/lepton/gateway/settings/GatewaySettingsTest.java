package io.lepton.gateway.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lepton.gateway.engine.family.EventFamilies;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class GatewaySettingsTest {

    @Test
    void defaultsAreProductionsExactlyOnceSettings() {
        Properties props = GatewaySettings.fromEnvironment(Map.of()).streams().toProperties();
        assertThat(props).containsEntry("processing.guarantee", "exactly_once_v2")
                .containsEntry("num.stream.threads", 2).containsEntry("commit.interval.ms", 100)
                .containsEntry("producer.linger.ms", 100).containsEntry("producer.compression.type", "none")
                .containsEntry("max.task.idle.ms", -1L).containsEntry("num.standby.replicas", 1)
                .containsEntry("state.dir", "/tmp/kafka-streams").containsEntry("replication.factor", -1)
                .doesNotContainKey("main.consumer.group.instance.id").doesNotContainKey("topic.min.insync.replicas");
    }

    @Test
    void failoverDefaultsMoveADeadInstancesTasksWithinSeconds() {
        Properties props = GatewaySettings.fromEnvironment(Map.of()).streams().toProperties();
        assertThat(props).containsEntry("consumer.session.timeout.ms", 6000)
                .containsEntry("consumer.heartbeat.interval.ms", 2000)
                .containsEntry("producer.transaction.timeout.ms", 5000)
                .containsEntry("max.warmup.replicas", 2).containsEntry("probing.rebalance.interval.ms", 60_000L);
        assertThat(GatewaySettings.fromEnvironment(Map.of("KAFKA_STREAMS_SESSION_TIMEOUT_MS", "45000",
                "KAFKA_STREAMS_HEARTBEAT_INTERVAL_MS", "1000")).streams().toProperties())
                .containsEntry("consumer.session.timeout.ms", 45000)
                .containsEntry("consumer.heartbeat.interval.ms", 1000);
        assertThat(GatewaySettings.fromEnvironment(Map.of("KAFKA_STREAMS_SESSION_TIMEOUT_MS", "45000")).streams()
                .toProperties()).as("unset: a third of the session")
                .containsEntry("consumer.heartbeat.interval.ms", 15000);
    }

    @Test
    void theTransactionTimeoutIsAnExactlyOnceSetting() {
        assertThat(GatewaySettings.fromEnvironment(Map.of("KAFKA_STREAMS_PROCESSING_GUARANTEE", "at_least_once",
                "KAFKA_STREAMS_COMMIT_INTERVAL_MS", "30000")).streams().toProperties())
                .doesNotContainKey("producer.transaction.timeout.ms");
        assertThatThrownBy(() -> GatewaySettings.fromEnvironment(Map.of("KAFKA_STREAMS_COMMIT_INTERVAL_MS", "30000")))
                .hasMessageContaining("KAFKA_PRODUCER_TRANSACTION_TIMEOUT_MS: 5000 ms is not longer than the commit"
                        + " interval of 30000 ms");
    }

    @Test
    void compressionIsAChoiceAmongTheCodecsKafkaKnows() {
        assertThat(GatewaySettings.fromEnvironment(Map.of("KAFKA_PRODUCER_COMPRESSION_TYPE", "zstd")).streams()
                .toProperties()).containsEntry("producer.compression.type", "zstd");
        assertThatThrownBy(() -> GatewaySettings.fromEnvironment(Map.of("KAFKA_PRODUCER_COMPRESSION_TYPE", "brotli")))
                .hasMessageContaining("KAFKA_PRODUCER_COMPRESSION_TYPE");
    }

    @Test
    void oneReplicationSettingCoversCreatedAndInternalTopics() {
        GatewaySettings settings = GatewaySettings.fromEnvironment(Map.of("LEPTON_REPLICATION_FACTOR", "3",
                "LEPTON_MIN_INSYNC_REPLICAS", "2", "KAFKA_STREAMS_GROUP_INSTANCE_ID", "gateway-0",
                "KAFKA_STREAMS_STATE_DIR", "/var/lib/lepton/state"));
        assertThat(settings.topics().replicationFactor()).contains((short) 3);
        assertThat(settings.topics().topicConfig()).containsEntry("min.insync.replicas", "2");
        assertThat(settings.streams().toProperties()).containsEntry("replication.factor", 3)
                .containsEntry("topic.min.insync.replicas", 2)
                .containsEntry("main.consumer.group.instance.id", "gateway-0")
                .containsEntry("state.dir", "/var/lib/lepton/state");
    }

    @Test
    void internalTopicsKeepRecordsForADayUnlessToldOtherwise() {
        assertThat(GatewaySettings.fromEnvironment(Map.of()).topics().internalTopicConfig())
                .containsEntry("retention.ms", "86400000").containsEntry("segment.ms", "3600000")
                .containsEntry("cleanup.policy", "delete");
        assertThat(GatewaySettings.fromEnvironment(Map.of("LEPTON_INTERNAL_TOPIC_RETENTION_HOURS", "2",
                "LEPTON_MIN_INSYNC_REPLICAS", "2")).topics().internalTopicConfig())
                .containsEntry("retention.ms", "7200000").containsEntry("min.insync.replicas", "2");
        assertThatThrownBy(() -> GatewaySettings.fromEnvironment(Map.of("LEPTON_INTERNAL_TOPIC_RETENTION_HOURS", "0")))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("LEPTON_INTERNAL_TOPIC_RETENTION_HOURS");
    }

    @Test
    void atLeastOnceLingersBrieflyAndSecuritySettingsPassThroughToStreamsAndAdmin() {
        GatewaySettings settings = GatewaySettings.fromEnvironment(Map.of(
                "KAFKA_STREAMS_PROCESSING_GUARANTEE", "at_least_once",
                "KAFKA_STREAMS_SECURITY_PROTOCOL", "SSL", "KAFKA_STREAMS_SSL_TRUSTSTORE_LOCATION", "/tls/ts.p12",
                "KAFKA_STREAMS_THREADS", "4"));
        assertThat(settings.streams().toProperties()).containsEntry("producer.linger.ms", 5)
                .containsEntry("security.protocol", "SSL").containsEntry("ssl.truststore.location", "/tls/ts.p12")
                .doesNotContainKey("threads");
        assertThat(settings.streams().adminProperties()).containsEntry("security.protocol", "SSL")
                .containsEntry("bootstrap.servers", "localhost:9092");
    }

    @Test
    void registryTrustStoreAndCredentialsReachTheClient() {
        RegistrySettings registry = GatewaySettings.fromEnvironment(Map.of(
                "SCHEMA_REGISTRY_URL", "https://registry:8081", "SCHEMA_REGISTRY_BEARER_TOKEN", "t0ken",
                "SCHEMA_REGISTRY_TRUSTSTORE_LOCATION", "/tls/ts.p12", "SCHEMA_REGISTRY_TRUSTSTORE_PASSWORD", "pw"))
                .registry();
        assertThat(registry.clientProperties()).containsEntry("schema.registry.url", "https://registry:8081")
                .containsEntry("bearer.auth.token", "t0ken")
                .containsEntry("schema.registry.ssl.truststore.location", "/tls/ts.p12")
                .containsEntry("schema.registry.ssl.truststore.password", "pw")
                .containsEntry("schema.registry.ssl.truststore.type", "PKCS12");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            KAFKA_STREAMS_THREADS              | two      | invalid setting KAFKA_STREAMS_THREADS: 'two' is not a whole number >= 1
            KAFKA_STREAMS_THREADS              | 0        | '0' is not a whole number >= 1
            KAFKA_STREAMS_PROCESSING_GUARANTEE | exactly  | Fix: set one of exactly_once_v2, at_least_once
            LEPTON_CREATE_TOPICS               | yes      | 'yes' is not true or false
            LEPTON_REPLICATION_FACTOR          | 0        | 0 replicas. Fix: set -1 for the broker default, or 1 or more
            LEPTON_MIN_INSYNC_REPLICAS         | 0        | LEPTON_MIN_INSYNC_REPLICAS: '0' is not a whole number >= 1
            KAFKA_STREAMS_COMMIT_INTERVAL_MS   | -5       | KAFKA_STREAMS_COMMIT_INTERVAL_MS: '-5' is not a whole number >= 1
            KAFKA_PRODUCER_TRANSACTION_TIMEOUT_MS | 100   | 100 ms is not longer than the commit interval of 100 ms
            KAFKA_STREAMS_HEARTBEAT_INTERVAL_MS   | 6000  | 6000 ms is not shorter than the session timeout of 6000 ms
            KAFKA_STREAMS_PROBING_REBALANCE_INTERVAL_MS | 30000 | '30000' is not a whole number >= 60000
            KAFKA_STREAMS_MAX_WARMUP_REPLICAS  | 0        | '0' is not a whole number >= 1
            """)
    void anUnusableValueNamesTheVariableAndTheFix(String variable, String value, String message) {
        assertThatThrownBy(() -> GatewaySettings.fromEnvironment(Map.of(variable, value)))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining(message);
    }

    @Test
    void basicAuthAndBearerTokenTogetherAreRefused() {
        assertThatThrownBy(() -> GatewaySettings.fromEnvironment(Map.of("SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO", "u:p",
                "SCHEMA_REGISTRY_BEARER_TOKEN", "t"))).hasMessageContaining("set only one of the two")
                .hasMessageNotContaining("u:p");
    }

    @Test
    void theEmbeddedRunnersGetProductionSettingsOnOneBroker() {
        GatewaySettings settings = GatewaySettings.singleBroker("app", "at_least_once", "127.0.0.1:9092",
                Path.of("/tmp/x"));
        assertThat(settings.streams().toProperties()).containsEntry("num.stream.threads", 1)
                .containsEntry("num.standby.replicas", 0).containsEntry("replication.factor", 1)
                .containsEntry("producer.compression.type", "none").containsEntry("max.task.idle.ms", -1L);
        assertThat(settings.policyDir()).isEqualTo(Optional.empty());
    }

    @Test
    void quarkusGetsItsKafkaStreamsPropertiesFromTheSameSource() {
        GatewaySettingsConfigSource source = new GatewaySettingsConfigSource(Map.of("KAFKA_STREAMS_STATE_DIR",
                "/var/lib/lepton/state", "KAFKA_BOOTSTRAP_SERVERS", "b:9092"), EventFamilies.discover());
        assertThat(source.getProperties()).containsEntry("quarkus.kafka-streams.bootstrap-servers", "b:9092")
                .containsEntry("quarkus.kafka-streams.application-id", "lepton-gateway")
                .containsEntry("kafka-streams.state.dir", "/var/lib/lepton/state")
                .containsEntry("kafka-streams.producer.compression.type", "none")
                .containsEntry("quarkus.kafka-streams.topics",
                        "raw.customer-service,raw.financial-sentiment,raw.recommendation")
                .doesNotContainKey("kafka-streams.bootstrap.servers");
        assertThat(source.getOrdinal()).isBetween(251, 299);
    }
}
