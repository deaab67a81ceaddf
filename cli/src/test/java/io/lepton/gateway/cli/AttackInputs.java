package io.lepton.gateway.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The privacy-unit attacks of issue #13 as raw customer-service input lines (the {@code dry-run} JSON envelope), one
 * subject each, all "processed within seconds" of {@link #NOW}: shared by the dry-run tests and meant to be mirrored
 * by topology tests (pipe each envelope's value through the raw topic instead of the dry-run path).
 *
 * <p>The event is an eu-gdpr customer-service event (region DE): ε 0.5 per event, budget 4 per day, so at most
 * {@link #MAX_RELEASES_PER_PERIOD} releases of {@code satisfaction} per subject and day.
 */
final class AttackInputs {

    /** The gateway's clock in these tests. */
    static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    /** eu-gdpr: budget 4 / ε 0.5 per event. */
    static final int MAX_RELEASES_PER_PERIOD = 8;
    static final String SUBJECT = "cust-42";

    private AttackInputs() {}

    /** One customer-service envelope of {@code customerId}, dated {@code at}, with {@code eventId}. */
    static JsonLines.Envelope event(String eventId, String customerId, Instant at, int satisfaction) {
        ObjectNode value = JsonLines.MAPPER.createObjectNode();
        value.put("eventId", eventId);
        value.put("occurredAt", at.toEpochMilli());
        value.put("region", "DE");
        value.put("customerId", customerId);
        value.put("conversationId", "conv-" + eventId);
        value.put("channel", "CHAT");
        value.put("message", "Where is my parcel?");
        value.put("customerName", "Eva Muster");
        value.put("customerEmail", "eva@example.de");
        value.put("customerPhone", "+49 151 23456789");
        value.put("customerAge", 41);
        value.put("gender", "F");
        value.put("intent", "DELIVERY");
        value.put("satisfaction", satisfaction);
        value.put("escalated", false);
        value.put("resolved", true);
        value.put("agentId", "agent-1");
        return new JsonLines.Envelope("raw.customer-service", customerId, value);
    }

    /** 20 events dated within one day (seconds before {@link #NOW}): the honest baseline. */
    static List<JsonLines.Envelope> sameDay() {
        List<JsonLines.Envelope> events = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            events.add(event("same-" + i, SUBJECT, NOW.minusSeconds(20 - i), 1 + i % 5));
        }
        return events;
    }

    /** The same 20 events, each dated on a different day (today, yesterday, ...): minting 20 budget periods. */
    static List<JsonLines.Envelope> backdated() {
        List<JsonLines.Envelope> events = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            events.add(event("back-" + i, SUBJECT, NOW.minus(Duration.ofDays(i)), 1 + i % 5));
        }
        return events;
    }

    /** One event dated in 2100, then 19 of today: pinning the ledger to a future period. */
    static List<JsonLines.Envelope> futureFirst() {
        List<JsonLines.Envelope> events = new ArrayList<>();
        events.add(event("future-0", SUBJECT, Instant.parse("2100-01-01T00:00:00Z"), 3));
        for (int i = 1; i < 20; i++) {
            events.add(event("future-" + i, SUBJECT, NOW.minusSeconds(20 - i), 1 + i % 5));
        }
        return events;
    }

    /** The spellings of one id that a producer may send: stray spaces, tabs, Unicode spaces. */
    static final List<String> SPELLINGS = List.of("cust-42", "cust-42 ", " cust-42", "\tcust-42\n",
            "\u2003cust-42\u2003");

    /** "cust-42" written 5 ways, 10 events each: 50 events of one subject. */
    static List<JsonLines.Envelope> fiveSpellings() {
        List<JsonLines.Envelope> events = new ArrayList<>();
        for (int round = 0; round < 10; round++) {
            for (int s = 0; s < SPELLINGS.size(); s++) {
                events.add(event("spell-" + round + "-" + s, SPELLINGS.get(s), NOW.minusSeconds(60 - round), 4));
            }
        }
        return events;
    }

    /** {@code count} events of {@link #SUBJECT} with distinct ids, dated just before {@link #NOW}. */
    static List<JsonLines.Envelope> distinct(String prefix, int count) {
        List<JsonLines.Envelope> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(event(prefix + i, SUBJECT, NOW.minusSeconds(count - i), 1 + i % 5));
        }
        return events;
    }
}
