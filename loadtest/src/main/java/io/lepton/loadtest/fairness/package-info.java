/**
 * Seeded simulation of the pooled fairness monitor: synthetic decision streams with repeating subjects, split over
 * partitions, counted and merged by the engine's own classes, to measure false alarms and detection times.
 */
package io.lepton.loadtest.fairness;
