package io.lepton.gateway.engine;

import io.lepton.gateway.engine.sanitize.DpRelease;
import io.lepton.gateway.engine.sanitize.RecordSanitizer;
import io.lepton.schemas.AuditRecord;
import io.lepton.schemas.BudgetOutcome;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;

/**
 * Builds the audit record of one processed event from what the engine knows about it: counts and codes only, never a
 * field value or the subject's pseudonym, so that the audit trail is not personal data.
 */
final class AuditRecords {

    private AuditRecords() {}

    static AuditRecord of(RecordSanitizer sanitizer, GenericRecord raw, DpRelease release,
            Map<String, Integer> detections, double epsilonSpent, BudgetOutcome outcome, boolean exhausted) {
        return AuditRecord.newBuilder()
                .setEventId(String.valueOf(raw.get("eventId")))
                .setFamily(sanitizer.family().name())
                .setJurisdiction(sanitizer.policy().id())
                .setPolicyVersion(sanitizer.policy().version())
                .setActions(sanitizer.actionCounts(release))
                .setDetections(detections)
                .setEpsilonSpent(epsilonSpent)
                .setBudgetOutcome(outcome)
                .setBudgetExhausted(exhausted)
                .build();
    }
}
