package io.lepton.gateway.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lepton.gateway.streams.GatewayTopics;
import io.lepton.gateway.streams.Lanes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * The inventory of every topic on the embedded broker after a replay: role (input, output, internal to a lane or
 * to Kafka Streams, or undeclared) and whether anything was written to it.
 *
 * <p>A replay's output files show only the topics the lanes declare; residency is about the others too (state
 * changelogs, repartition topics, anything a miswired sink would auto-create), so the inventory lists them all.
 * "Written" is read from the end offsets: a partition nobody wrote to has end offset 0 even under exactly-once
 * (transaction markers are written only to partitions that took part in a transaction).
 */
final class BrokerTopics {

    /** File name of the inventory in the replay's output directory. */
    static final String FILE = "broker-topics.jsonl";

    /** What a topic is to the gateway. */
    enum Role {
        INPUT, OUTPUT, INTERNAL, UNDECLARED;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One topic: its name, role and whether any record (or transaction marker) was written to it. */
    record Entry(String topic, Role role, boolean written) {

        String toJson() {
            ObjectNode node = JsonLines.MAPPER.createObjectNode();
            node.put("topic", topic);
            node.put("role", role.label());
            node.put("written", written);
            return node.toString();
        }
    }

    private BrokerTopics() {}

    static List<Entry> inventory(EmbeddedGateway gateway) {
        Set<String> inputs = Set.copyOf(GatewayTopics.inputs(gateway.engine()));
        Set<String> outputs = Set.copyOf(GatewayTopics.outputs(gateway.engine()));
        Set<String> laneInternal = Set.copyOf(Lanes.of(gateway.engine()).internalTopics());
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, gateway.bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            Set<String> names = new TreeSet<>(admin.listTopics().names().get(30, TimeUnit.SECONDS));
            Map<String, TopicDescription> descriptions = admin.describeTopics(names).allTopicNames()
                    .get(30, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            descriptions.values().forEach(d -> d.partitions()
                    .forEach(p -> latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
            Map<String, Long> ends = new HashMap<>();
            admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS)
                    .forEach((tp, info) -> ends.merge(tp.topic(), info.offset(), Long::sum));
            List<Entry> entries = new ArrayList<>();
            for (String name : names) {
                Role role = inputs.contains(name) ? Role.INPUT
                        : outputs.contains(name) ? Role.OUTPUT
                        : laneInternal.contains(name) || name.startsWith(EmbeddedGateway.APPLICATION_ID + "-")
                                ? Role.INTERNAL
                        : Role.UNDECLARED;
                entries.add(new Entry(name, role, ends.getOrDefault(name, 0L) > 0));
            }
            return entries;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot list the broker's topics: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
