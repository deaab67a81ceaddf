package io.lepton.gateway.engine.fairness;

import java.util.HashMap;
import java.util.Map;

/**
 * De-duplicates fairness alerts: windowed aggregates are re-evaluated on every update and hopping windows overlap,
 * so the same breach is seen many times, but operators should get one BREACH per key and window and one CLEARED
 * when the condition ends.
 *
 * <p>Rules, per key (jurisdiction|family|metric|attribute), with {@link AlertState} (active, window of the last
 * published alert):
 * <ul>
 *   <li>BREACH in window W publishes BREACH when W is newer than the last published window, or is that window and
 *       the key was cleared in it; otherwise nothing (a duplicate, or a stale older window).</li>
 *   <li>OK in window W publishes CLEARED when the key is active and W is newer than its breach window; an OK
 *       re-evaluation of the breached window itself does not clear it (no flapping within a window).</li>
 *   <li>INSUFFICIENT_DATA publishes nothing and changes nothing: lack of data is not evidence either way.</li>
 * </ul>
 * The verdict form suits final (closed-window) verdicts. For verdicts re-evaluated while a window fills, use the
 * {@link MetricResult} form: it adds hysteresis, so an OK whose point value is still beyond the threshold (not yet
 * significant, e.g. early in the next window) holds the alert instead of clearing it; it clears once the point
 * value is back on the fair side.
 *
 * <p>{@link #step} is the pure transition for state kept in a store; an instance keeps the states in memory (one
 * entry per key, so bounded by jurisdictions × families × metrics × attributes); instances are not thread-safe.
 */
public final class AlertTracker {

    private static final char SEPARATOR = '|';

    private final Map<String, AlertState> states = new HashMap<>();

    /** The transition to publish and the state to store after it. */
    public record Step(AlertTransition transition, AlertState state) {
    }

    /** The alert key {@code jurisdiction|family|metric|attribute}; components must not contain '|'. */
    public static String key(String jurisdiction, String family, String metric, String attribute) {
        StringBuilder key = new StringBuilder();
        for (String part : new String[] {jurisdiction, family, metric, attribute}) {
            if (part.indexOf(SEPARATOR) >= 0) {
                throw new IllegalArgumentException("alert key parts must not contain '|': " + part);
            }
            if (!key.isEmpty()) {
                key.append(SEPARATOR);
            }
            key.append(part);
        }
        return key.toString();
    }

    /** The pure transition from {@code previous} (use {@link AlertState#INITIAL} for a new key). */
    public static Step step(AlertState previous, long windowStart, Verdict verdict) {
        return switch (verdict) {
            case BREACH -> windowStart > previous.windowStart()
                    || (windowStart == previous.windowStart() && !previous.active())
                    ? new Step(AlertTransition.BREACH, new AlertState(true, windowStart))
                    : new Step(AlertTransition.NONE, previous);
            case OK -> previous.active() && windowStart > previous.windowStart()
                    ? new Step(AlertTransition.CLEARED, new AlertState(false, windowStart))
                    : new Step(AlertTransition.NONE, previous);
            case INSUFFICIENT_DATA -> new Step(AlertTransition.NONE, previous);
        };
    }

    /** As {@link #step(AlertState, long, Verdict)}, with hysteresis: an OK still beyond the threshold holds. */
    public static Step step(AlertState previous, long windowStart, MetricResult result) {
        if (result.verdict() == Verdict.OK && result.pointBeyondThreshold()) {
            return new Step(AlertTransition.NONE, previous);
        }
        return step(previous, windowStart, result.verdict());
    }

    /** Applies {@link #step(AlertState, long, Verdict)} to the in-memory state of {@code key}. */
    public AlertTransition observe(String key, long windowStart, Verdict verdict) {
        return apply(key, step(state(key), windowStart, verdict));
    }

    /** Applies {@link #step(AlertState, long, MetricResult)} to the in-memory state of {@code key}. */
    public AlertTransition observe(String key, long windowStart, MetricResult result) {
        return apply(key, step(state(key), windowStart, result));
    }

    /** The current state of {@code key}, {@link AlertState#INITIAL} if it never published. */
    public AlertState state(String key) {
        return states.getOrDefault(key, AlertState.INITIAL);
    }

    private AlertTransition apply(String key, Step step) {
        states.put(key, step.state());
        return step.transition();
    }
}
