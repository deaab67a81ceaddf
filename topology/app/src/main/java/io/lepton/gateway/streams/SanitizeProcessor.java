package io.lepton.gateway.streams;

import io.lepton.gateway.engine.GatewayEngine;
import io.lepton.gateway.engine.Outcome;
import io.lepton.gateway.engine.family.EventFamily;
import io.lepton.gateway.engine.policy.JurisdictionPolicy;
import io.lepton.schemas.AuditRecord;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Budgets and sanitizes the events of one family routed to one jurisdiction, and writes them only to that
 * jurisdiction's topics: the sanitized event with its provenance headers; or, for an event without a sanitized
 * record, its audit record (and, if quarantined, the raw event to quarantine). Every event is also counted in the
 * lane's {@link AuditRollups audit roll-ups}, so the audit topic accounts for all of them with one write per event
 * at most.
 *
 * <p>One instance exists per (jurisdiction, family), a node of that jurisdiction's {@link JurisdictionLane}, and its
 * only children are the lane's sinks: residency is a property of the topology's shape, not of a lookup that could go
 * wrong at run time. It only sees events whose
 * subject its task owns (see {@link GatewayTopology}), read there or brought by the subject hop, so its
 * jurisdiction's ledger store, keyed by the subject pseudonym, holds every charge of those subjects.
 */
final class SanitizeProcessor implements Processor<byte[], RoutedEvent, Object, Object> {

    /** Names of this node's sinks. */
    record Sinks(String sanitized, String audit, String quarantine) {}

    private final GatewayEngine engine;
    private final JurisdictionPolicy policy;
    private final EventFamily family;
    private final Sinks sinks;
    private final BudgetMetrics metrics;
    private final RecordMetrics records;
    private final AuditRollups rollups;
    private ProcessorContext<Object, Object> context;
    private LedgerStore ledger;

    SanitizeProcessor(GatewayEngine engine, JurisdictionPolicy policy, EventFamily family, Sinks sinks,
            BudgetMetrics metrics, RecordMetrics records) {
        this.engine = engine;
        this.policy = policy;
        this.family = family;
        this.sinks = sinks;
        this.metrics = metrics;
        this.records = records;
        this.rollups = new AuditRollups(engine.sanitizer(policy.id(), family.name()), sinks.audit());
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        this.context = context;
        this.ledger = new LedgerStore(policy.id(), context.getStateStore(LedgerStore.name(policy.id())));
        rollups.init(context);
    }

    @Override
    public void process(Record<byte[], RoutedEvent> record) {
        Outcome outcome = engine.sanitize(policy, family, record.value().record(), ledger);
        if (outcome instanceof Outcome.Released released) {
            Headers headers = new RecordHeaders();
            released.provenance().writeTo(headers::add);
            context.forward(new Record<String, GenericRecord>(released.event().key(), released.event().value(),
                    record.timestamp(), headers), sinks.sanitized());
            if (released.budget().exhausted()) {
                metrics.exhausted(policy.id(), "withheld");
            }
            records.outcome(family.name(), policy.id(), "released");
            records.detections(policy.id(), released.event().detections());
        } else if (outcome instanceof Outcome.Suppressed suppressed) {
            audit(suppressed.audit(), record.timestamp());
            metrics.exhausted(policy.id(), "suppressed");
            records.outcome(family.name(), policy.id(), "suppressed");
        } else if (outcome instanceof Outcome.Quarantined quarantined) {
            records.quarantined(family.name(), policy.id(), quarantined.reason());
            Record<byte[], RoutedEvent> out = record.withKey(
                    QuarantineHeaders.takeOriginalKey(record.headers(), record.key()));
            QuarantineHeaders.add(out.headers(), quarantined.reason(), quarantined.detail(),
                    context.recordMetadata().orElse(null));
            context.forward(out, sinks.quarantine());
            audit(quarantined.audit(), record.timestamp());
        }
        rollups.count(outcome);
    }

    private void audit(AuditRecord audit, long timestamp) {
        context.forward(new Record<String, GenericRecord>(audit.getEventId(), audit, timestamp), sinks.audit());
    }
}
