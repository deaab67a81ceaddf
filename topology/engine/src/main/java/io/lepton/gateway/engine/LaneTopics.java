package io.lepton.gateway.engine;

import io.lepton.gateway.engine.family.EventFamily;
import io.lepton.gateway.engine.policy.CrossBorderRule;
import io.lepton.gateway.engine.policy.JurisdictionPolicy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Every topic one jurisdiction's data may reach: the one place topic names are made, shared by the topology, topic
 * creation, the command line and tests.
 *
 * <p>Each name carries the jurisdiction id as a dot-separated part, so residency can be enforced and audited per
 * topic (an ACL or a mirror filter on {@code *.cn-pipl.*}). The only exception is what the policy lets cross borders:
 * under {@code crossBorder: aggregates-only} the lane's differentially private aggregates go to the global
 * {@code dp-aggregates.<family>}, the one topic family a mirror may replicate; under {@code none} they stay in the
 * lane's own {@code dp-aggregates.<jurisdiction>.<family>}.
 *
 * @param jurisdiction the jurisdiction id
 * @param crossBorder what the jurisdiction's policy lets leave its zone
 */
public record LaneTopics(String jurisdiction, CrossBorderRule crossBorder) {

    /** Records whose jurisdiction is unknown: undecodable bytes, tombstones, missing or invalid regions. */
    public static final String UNROUTED_QUARANTINE = Kind.QUARANTINE.prefix() + "unrouted";

    private static final String CONTRIBUTIONS_PREFIX = "dp-contributions.";

    /** The kinds of output topic, by the prefix every name of that kind starts with. */
    public enum Kind {
        SANITIZED("sanitized."),
        AUDIT("privacy.audit."),
        QUARANTINE("quarantine."),
        FAIRNESS_ALERTS("fairness.alerts."),
        FAIRNESS_COUNTS("fairness.counts."),
        AGGREGATES("dp-aggregates.");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        public String prefix() {
            return prefix;
        }

        /** The kind of an output topic name; empty for any other topic. */
        public static Optional<Kind> of(String topic) {
            for (Kind kind : values()) {
                if (topic.startsWith(kind.prefix)) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }
    }

    public static LaneTopics of(JurisdictionPolicy policy) {
        return new LaneTopics(policy.id(), policy.crossBorder());
    }

    /** Scrubbed and noised events of {@code family}. */
    public String sanitized(EventFamily family) {
        return Kind.SANITIZED.prefix + jurisdiction + "." + family.name();
    }

    /** The compliance trail: audit records of this jurisdiction's events, never a field value. */
    public String audit() {
        return Kind.AUDIT.prefix + jurisdiction;
    }

    /** Raw records of this jurisdiction that could not be processed safely. */
    public String quarantine() {
        return Kind.QUARANTINE.prefix + jurisdiction;
    }

    /** Fairness alerts of this jurisdiction's decisions; they stay in its zone. */
    public String fairnessAlerts() {
        return Kind.FAIRNESS_ALERTS.prefix + jurisdiction;
    }

    /**
     * Vote counts of this jurisdiction's fairness monitor on their way from every partition's map side to the merge
     * that pools them (keyed by family and attribute). Counts of groups, no person; still in-zone, since even
     * aggregates of a {@code crossBorder: none} jurisdiction stay there.
     */
    public String fairnessCounts() {
        return Kind.FAIRNESS_COUNTS.prefix + jurisdiction;
    }

    /**
     * Differentially private aggregates of {@code family}: the global topic when the policy allows aggregates to
     * cross borders, the lane's own otherwise.
     */
    public String aggregates(EventFamily family) {
        return crossBorder == CrossBorderRule.AGGREGATES_ONLY
                ? crossBorderAggregates(family)
                : Kind.AGGREGATES.prefix + jurisdiction + "." + family.name();
    }

    /**
     * The hop that brings {@code family}'s aggregate contributions (keyed subject token, group key, clamped values;
     * no other field) of this jurisdiction to the one task that aggregates them. Internal to the lane: it lives in
     * the raw topics' cluster and is deliberately not a {@code dp-aggregates.*} name, so no mirror filter matches it.
     */
    public String contributions(EventFamily family) {
        return CONTRIBUTIONS_PREFIX + jurisdiction + "." + family.name();
    }

    /** Every topic of this lane, in a stable order. */
    public List<String> all(Collection<EventFamily> families) {
        List<String> topics = new ArrayList<>();
        for (EventFamily family : families) {
            topics.add(sanitized(family));
        }
        topics.add(audit());
        topics.add(quarantine());
        topics.add(fairnessAlerts());
        topics.add(fairnessCounts());
        for (EventFamily family : families) {
            topics.add(aggregates(family));
        }
        return topics;
    }

    /** Whether this lane may write {@code topic}: one of its own, or a cross-border topic its policy allows. */
    public boolean mayWrite(String topic, Collection<EventFamily> families) {
        return all(families).contains(topic);
    }

    /** The global topic for {@code family}'s aggregates of every {@code aggregates-only} jurisdiction. */
    public static String crossBorderAggregates(EventFamily family) {
        return Kind.AGGREGATES.prefix + family.name();
    }
}
