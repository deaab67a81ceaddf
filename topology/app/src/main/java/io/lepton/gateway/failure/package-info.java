/**
 * What the gateway does when something throws, so that a failure never releases data and never stops the
 * application for a cause a retry would fix.
 *
 * <p>Three layers, from the record outwards: {@link io.lepton.gateway.failure.FailClosedProcessor} wraps a node,
 * holds back everything it forwards until it returns, and on an exception sends the raw record to the node's
 * quarantine sink instead ({@code processing-error}); {@link io.lepton.gateway.failure.QuarantineAwareProcessingExceptionHandler}
 * (Kafka Streams' KIP-1033 hook) counts what escapes an unwrapped node and skips it, or fails the thread for a
 * transient cause; {@link io.lepton.gateway.failure.BoundedThreadReplacementHandler} replaces a failed stream thread
 * for transient causes within a budget and shuts the client down for configuration errors. All three classify
 * with {@link io.lepton.gateway.failure.FailureCause} and count into {@link io.lepton.gateway.failure.FailureMetrics}.
 */
package io.lepton.gateway.failure;
