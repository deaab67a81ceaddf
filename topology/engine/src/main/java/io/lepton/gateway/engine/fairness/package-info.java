/**
 * What the fairness monitor reads from events: {@link io.lepton.gateway.engine.fairness.FairnessObservations} turns
 * a family's schema tags into per-attribute observations (decisions with their groups and labels, ranking
 * impressions), {@link io.lepton.gateway.engine.fairness.AgeBands} groups ages, and
 * {@link io.lepton.gateway.engine.fairness.HoppingWindows} defines the windows and panes counts are kept in. The
 * statistics themselves (pooled counts, tests by betting, the false-alarm budget) are in the {@code pooled}
 * sub-package.
 *
 * <p>Plain Java with no Kafka dependency.
 */
package io.lepton.gateway.engine.fairness;
