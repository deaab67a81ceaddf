package io.lepton.gateway.streams;

import io.lepton.gateway.engine.GatewayEngine;
import java.util.Map;

/**
 * Registers the value schema of every Avro output topic of every lane at start-up: derived sanitized schemas, audit
 * records and roll-ups (one registry subject per record type, as the audit topic carries both), fairness alerts and
 * DP aggregate releases.
 *
 * <p>Two reasons. A policy change that would break downstream readers (an incompatible schema under the subject's
 * compatibility rule) stops the gateway before it writes anything, instead of failing on the first record of that
 * kind. And no subject is ever registered on the hot path, where two stream threads writing the first record of a
 * topic at once would race (a registry may answer the second with 409).
 */
public final class OutputSchemas {

    private OutputSchemas() {}

    /** Returns the number of subjects registered (or found already registered). */
    public static int registerAll(GatewayEngine engine, Lanes lanes, RecordCodec codec) {
        int count = 0;
        for (JurisdictionLane lane : lanes.all()) {
            for (Map.Entry<String, org.apache.avro.Schema> output : lane.valueSchemas(engine).entrySet()) {
                codec.registerValueSchema(output.getKey(), output.getValue());
                count++;
            }
            for (Map.Entry<String, org.apache.avro.Schema> subject : AuditRollups.auditSubjects(lane.topics())
                    .entrySet()) {
                codec.registerSubject(subject.getKey(), subject.getValue());
                count++;
            }
        }
        return count;
    }
}
