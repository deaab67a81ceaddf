package io.lepton.gateway.streams;

import io.lepton.gateway.engine.policy.JurisdictionPolicy;
import java.util.List;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The typed way into one jurisdiction's lane for one family: the router hands a routed event to the inlet of its
 * jurisdiction and never names a node itself. The child names are the ones the lane registered under the router's
 * nodes, so they cannot drift from the topology (and {@link LaneResidency} checks the edges at build time).
 *
 * @param policy the lane's jurisdiction
 * @param children the lane's nodes that take this family's routed events (its sanitizer, and its fairness monitor
 *     when the policy enables one)
 */
record LaneInlet(JurisdictionPolicy policy, List<String> children) {

    LaneInlet {
        children = List.copyOf(children);
    }

    void forward(ProcessorContext<byte[], RoutedEvent> context, Record<byte[], RoutedEvent> record) {
        for (String child : children) {
            context.forward(record, child);
        }
    }
}
