package io.lepton.gateway.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.lepton.embedded.EmbeddedKafka;
import io.lepton.gateway.engine.GatewayEngine;
import io.lepton.gateway.settings.TopicSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

/**
 * Topic creation at start-up on a real broker of its own (not the suite's shared one, whose internal topics other ITs
 * read while this test changes their retention): every input, output and internal topic exists afterwards with the
 * configured partitions and {@code min.insync.replicas}; the lanes' internal topics, which carry keyed subject tokens,
 * get the bounded retention, including one that an earlier version created with the broker's default.
 */
class GatewayTopicsIT {

    private static final int PARTITIONS = 2;
    private static final Duration RETENTION = Duration.ofHours(6);

    @Test
    void createsEveryTopicAndBoundsTheInternalOnesRetention() throws Exception {
        GatewayEngine engine = TestGateway.engine();
        Lanes lanes = Lanes.of(engine);
        String preExisting = lanes.internalTopics().get(0);
        String output = lanes.outputTopics().get(0);
        TopicSettings settings = new TopicSettings(true, PARTITIONS, Optional.empty(), Optional.of(1), RETENTION);
        try (EmbeddedKafka kafka = EmbeddedKafka.start();
                Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                        kafka.bootstrapServers()))) {
            kafka.createTopics(1, List.of(preExisting));
            assertThat(retentionMs(admin, preExisting)).as("broker default before").isEqualTo(7L * 24 * 3_600_000);

            GatewayTopics.createMissing(admin, engine, settings);

            assertThat(admin.listTopics().names().get(60, TimeUnit.SECONDS))
                    .containsAll(GatewayTopics.all(engine));
            for (String internal : lanes.internalTopics()) {
                Config config = settled(admin, internal);
                assertThat(Long.parseLong(config.get("retention.ms").value())).as(internal)
                        .isEqualTo(RETENTION.toMillis());
                assertThat(Long.parseLong(config.get("segment.ms").value())).as(internal)
                        .isEqualTo(Duration.ofHours(1).toMillis());
                assertThat(config.get("cleanup.policy").value()).as(internal).isEqualTo("delete");
            }
            assertThat(retentionMs(admin, output)).as("outputs keep the broker default").isEqualTo(7L * 24 * 3_600_000);
            assertThat(config(admin, output).get("min.insync.replicas").value()).isEqualTo("1");
            assertThat(admin.describeTopics(List.of(output)).allTopicNames().get(60, TimeUnit.SECONDS)
                    .get(output).partitions()).hasSize(PARTITIONS);

            // A second start finds everything and changes nothing.
            GatewayTopics.createMissing(admin, engine, settings);
            assertThat(Long.parseLong(settled(admin, preExisting).get("retention.ms").value()))
                    .isEqualTo(RETENTION.toMillis());
        }
    }

    /**
     * The topic's configuration once an alteration has reached the broker (KRaft applies it through the metadata log,
     * so a describe right after may still show the old value); the last one seen after 30 s otherwise.
     */
    private static Config settled(Admin admin, String topic) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        Config config = config(admin, topic);
        while (Long.parseLong(config.get("retention.ms").value()) != RETENTION.toMillis()
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
            config = config(admin, topic);
        }
        return config;
    }

    private static long retentionMs(Admin admin, String topic) throws Exception {
        return Long.parseLong(config(admin, topic).get("retention.ms").value());
    }

    private static Config config(Admin admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource)).all().get(60, TimeUnit.SECONDS).get(resource);
    }
}
