package io.lepton.gateway.cli.bench;

import io.lepton.gateway.engine.LaneTopics;
import java.util.Map;

/**
 * Records a contender wrote for the input records it processed, by kind: what each event costs the broker. Under
 * exactly-once the transaction markers are not counted (they come per commit and partition, not per record).
 *
 * @param inputs input records processed
 * @param events the events' own outputs: sanitized records (gateway) or re-encoded copies (baseline)
 * @param audit {@code privacy.audit.*} records
 * @param ledger privacy-ledger changelog records ({@code <application id>-dp-ledger-*-changelog})
 * @param changelog every other state store's changelog records (fairness, aggregates)
 * @param repartition subject hop records ({@code <application id>-*-repartition})
 * @param other everything else (quarantine, fairness alerts, DP aggregates)
 */
public record OutputMix(long inputs, long events, long audit, long ledger, long changelog, long repartition,
        long other) {

    /** Name prefix of the ledger stores ({@code dp-ledger-<jurisdiction>}), hence of their changelog topics. */
    private static final String LEDGER_STORE_PREFIX = "-dp-ledger-";

    /** Nothing processed yet: the start of a sum. */
    static final OutputMix NONE = new OutputMix(0, 0, 0, 0, 0, 0, 0);

    /**
     * Classifies records sent by topic.
     *
     * @param sentByTopic records sent, by topic name
     * @param inputs input records they were written for
     */
    static OutputMix of(Map<String, Long> sentByTopic, long inputs) {
        long[] counts = new long[6];
        sentByTopic.forEach((topic, sent) -> counts[kind(topic)] += sent);
        return new OutputMix(inputs, counts[0], counts[1], counts[2], counts[3], counts[4], counts[5]);
    }

    OutputMix plus(OutputMix o) {
        return new OutputMix(inputs + o.inputs, events + o.events, audit + o.audit, ledger + o.ledger,
                changelog + o.changelog, repartition + o.repartition, other + o.other);
    }

    /** {@code count} per input record. */
    double perInput(long count) {
        return inputs == 0 ? 0 : (double) count / inputs;
    }

    /** All records written per input record. */
    double totalPerInput() {
        return perInput(events + audit + ledger + changelog + repartition + other);
    }

    private static int kind(String topic) {
        if (topic.startsWith(LaneTopics.Kind.SANITIZED.prefix())
                || topic.startsWith(BenchTopologies.PASSTHROUGH_PREFIX)) {
            return 0;
        }
        if (topic.startsWith(LaneTopics.Kind.AUDIT.prefix())) {
            return 1;
        }
        if (topic.endsWith("-changelog")) {
            return topic.contains(LEDGER_STORE_PREFIX) ? 2 : 3;
        }
        return topic.endsWith("-repartition") ? 4 : 5;
    }
}
