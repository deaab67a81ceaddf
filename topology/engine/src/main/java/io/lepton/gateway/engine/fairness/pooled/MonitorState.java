package io.lepton.gateway.engine.fairness.pooled;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * Everything a {@link PooledFairnessMonitor} remembers between deltas, kept apart from its logic so that
 * {@link MonitorStateCodec} can store and restore it whole. Bounded by groups × (open panes + open windows), never by
 * events.
 */
final class MonitorState {

    /** Pooled counters per pane start and group, in the layout of {@link CountDelta.Row#counters()}. */
    final NavigableMap<Long, Map<String, long[]>> panes = new TreeMap<>();
    /** Per open window start, its test per slot (metric|group). */
    final NavigableMap<Long, Map<String, SlotTest>> windowTests = new TreeMap<>();
    /** The current budget period's test per slot. */
    final Map<String, SlotTest> sequentialTests = new LinkedHashMap<>();
    /** Slots whose sequential BREACH was raised in the current period. */
    final Set<String> sequentialAlerted = new HashSet<>();
    /** Slots whose last closed window breached (a fair window clears them). */
    final Set<String> breachedLastWindow = new HashSet<>();
    long period = Long.MIN_VALUE;
    long closedThrough = Long.MIN_VALUE;
    long lateVotes;
}
