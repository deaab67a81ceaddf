package io.lepton.gateway.engine.fairness;

/** What the {@link AlertTracker} tells the topology to publish on {@code fairness.alerts} for one verdict. */
public enum AlertTransition {
    /** Publish nothing: a duplicate, a stale window, insufficient data, or no change. */
    NONE,
    /** Publish a BREACH alert: the first significant breach of this key in this window. */
    BREACH,
    /** Publish a CLEARED alert: a later window of a breached key is OK again. */
    CLEARED
}
