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
        // The all-args constructor: every field is set here, so the builder's per-field default checks are waste.
        return new AuditRecord(String.valueOf(raw.get("eventId")), sanitizer.family().name(),
                sanitizer.policy().id(), sanitizer.policy().version(), sanitizer.actionCounts(release), detections,
                epsilonSpent, outcome, exhausted);
    }
}
