package io.lepton.gateway.streams;

import io.lepton.gateway.engine.GatewayEngine;
import io.lepton.gateway.engine.Outcome;
import io.lepton.gateway.engine.family.EventFamily;
import io.lepton.gateway.engine.policy.JurisdictionPolicy;
import io.lepton.schemas.AuditRecord;
import java.util.Locale;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Budgets and sanitizes the events of one family routed to one jurisdiction, and writes them only to that
 * jurisdiction's topics: the sanitized event, its audit record, or the raw event to quarantine.
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
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        this.context = context;
        this.ledger = new LedgerStore(policy.id(), context.getStateStore(LedgerStore.name(policy.id())));
    }

    @Override
    public void process(Record<byte[], RoutedEvent> record) {
        Outcome outcome = engine.sanitize(policy, family, record.value().record(), ledger);
        if (outcome instanceof Outcome.Released released) {
            context.forward(new Record<String, GenericRecord>(released.event().key(), released.event().value(),
                    record.timestamp()), sinks.sanitized());
            audit(released.audit(), record.timestamp());
            records.outcome(family.name(), policy.id(), "released");
            records.detections(policy.id(), released.event().detections());
        } else if (outcome instanceof Outcome.Suppressed suppressed) {
            audit(suppressed.audit(), record.timestamp());
            records.outcome(family.name(), policy.id(), "suppressed");
        } else if (outcome instanceof Outcome.Quarantined quarantined) {
            records.quarantined(family.name(), policy.id(), quarantined.reason());
            Record<byte[], RoutedEvent> out = record.withKey(
                    QuarantineHeaders.takeOriginalKey(record.headers(), record.key()));
            QuarantineHeaders.add(out.headers(), quarantined.reason(), quarantined.detail(),
                    context.recordMetadata().orElse(null));
            context.forward(out, sinks.quarantine());
        }
    }

    private void audit(AuditRecord audit, long timestamp) {
        if (audit.getBudgetExhausted()) {
            metrics.exhausted(policy.id(), audit.getBudgetOutcome().name().toLowerCase(Locale.ROOT));
        }
        context.forward(new Record<String, GenericRecord>(audit.getEventId(), audit, timestamp), sinks.audit());
    }
}
