package io.lepton.gateway.engine;

import io.lepton.gateway.engine.family.EventFamily;
import io.lepton.gateway.engine.policy.JurisdictionPolicy;
import io.lepton.gateway.engine.sanitize.DpRelease;
import io.lepton.gateway.engine.sanitize.RecordSanitizer;
import io.lepton.schemas.AuditRecord;
import io.lepton.schemas.BudgetOutcome;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;

/**
 * Builds the audit record of an event that has no sanitized record (suppressed or quarantined) from what the engine
 * knows about it: counts and codes only, never a field value or the subject's pseudonym, so that the audit trail is
 * not personal data.
 */
final class AuditRecords {

    private AuditRecords() {}

    /** A suppressed event: what would have applied, what was found, nothing charged. */
    static AuditRecord suppressed(RecordSanitizer sanitizer, GenericRecord raw, Map<String, Integer> detections) {
        // The all-args constructor: every field is set here, so the builder's per-field default checks are waste.
        return new AuditRecord(eventId(raw), sanitizer.family().name(), sanitizer.policy().id(),
                sanitizer.policy().contentHash(), BudgetOutcome.SUPPRESSED, null,
                sanitizer.actionCounts(DpRelease.WITHHOLD), detections, 0.0, true);
    }

    /** An event quarantined in {@code policy}'s jurisdiction for {@code reason}. */
    static AuditRecord quarantined(JurisdictionPolicy policy, EventFamily family, GenericRecord raw,
            QuarantineReason reason) {
        return new AuditRecord(eventId(raw), family.name(), policy.id(), policy.contentHash(),
                BudgetOutcome.QUARANTINED, reason.headerValue(), Map.of(), Map.of(), 0.0, false);
    }

    private static String eventId(GenericRecord raw) {
        Object id = raw.getSchema().getField("eventId") == null ? null : raw.get("eventId");
        return id == null ? "" : id.toString();
    }
}
