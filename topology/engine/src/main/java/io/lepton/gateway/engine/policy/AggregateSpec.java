package io.lepton.gateway.engine.policy;

import io.lepton.gateway.engine.dp.Mechanism;
import java.time.Duration;
import java.util.List;

/**
 * One declared aggregate of a family: what is grouped, over which tumbling window, how much one subject may
 * contribute, and the privacy parameters of one window's release (all its metrics and its key selection together).
 *
 * @param name id of the aggregate, unique in its family (part of the release record and of state-store keys)
 * @param family the event family it reads
 * @param groupBy the fields whose values form the group key (empty: one group per window)
 * @param windowSize tumbling window length, aligned to the epoch
 * @param grace how long after a window's end (in stream time) events are still accepted before it is released
 * @param maxGroupsPerSubject L0: groups one subject may contribute to per window
 * @param maxContributionsPerGroup L∞: events one subject may contribute to one group per window
 * @param mechanism Laplace (pure ε for the noise) or Gaussian (ρ-zCDP for the noise)
 * @param epsilon Laplace: ε of one window's release, split evenly over its noisy components; 0 for Gaussian
 * @param rho Gaussian: ρ (zCDP) of one window's release, split evenly over its noisy components; 0 for Laplace
 * @param delta the key-selection δ: the probability bound that a subject's presence alone makes a group appear
 * @param metrics what is released per group
 * @param source file and line of the declaration, for errors found when the aggregate is bound to its schema
 */
public record AggregateSpec(
        String name,
        String family,
        List<String> groupBy,
        Duration windowSize,
        Duration grace,
        int maxGroupsPerSubject,
        int maxContributionsPerGroup,
        Mechanism mechanism,
        double epsilon,
        double rho,
        double delta,
        List<MetricSpec> metrics,
        SourceLocation source) {

    public AggregateSpec {
        groupBy = List.copyOf(groupBy);
        metrics = List.copyOf(metrics);
    }

    /** Where a declaration sits in its policy file. */
    public record SourceLocation(String file, int line, String path) {

        /** A policy error about this declaration (used when binding it to a schema finds a problem). */
        public PolicyException error(String problem, String fix) {
            return new PolicyException(file, line, path, problem, fix);
        }
    }
}
