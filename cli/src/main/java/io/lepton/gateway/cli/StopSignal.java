package io.lepton.gateway.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Turns Ctrl-C into an orderly stop for a long-running command. SIGINT is caught directly, so the command cleans up
 * on its own thread and still exits 0 (a plain shutdown hook would leave the JVM exiting with 130 and racing the
 * clean-up). A shutdown hook covers SIGTERM and other JVM exits: it requests the stop and waits for the clean-up to
 * finish, so no child process or temporary directory outlives the JVM.
 */
final class StopSignal implements AutoCloseable {

    private static final long HOOK_WAIT_SECONDS = 60;

    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch cleanedUp = new CountDownLatch(1);
    private final Thread hook;
    private SignalHandler previousInterruptHandler;

    private StopSignal() {
        this.hook = new Thread(() -> {
            stopRequested.countDown();
            try {
                cleanedUp.await(HOOK_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "lepton-demo-shutdown");
    }

    static StopSignal install() {
        StopSignal signal = new StopSignal();
        Runtime.getRuntime().addShutdownHook(signal.hook);
        try {
            signal.previousInterruptHandler = Signal.handle(new Signal("INT"), s -> signal.stopRequested.countDown());
        } catch (IllegalArgumentException e) {
            // No SIGINT on this platform (or the JVM runs with -Xrs): the shutdown hook still stops us cleanly.
        }
        return signal;
    }

    /** Waits up to {@code millis}; true if a stop was requested. */
    boolean awaitStop(long millis) throws InterruptedException {
        return stopRequested.await(millis, TimeUnit.MILLISECONDS);
    }

    boolean stopRequested() {
        return stopRequested.getCount() == 0;
    }

    /** Call once clean-up is done: releases a waiting shutdown hook and restores the previous handlers. */
    @Override
    public void close() {
        cleanedUp.countDown();
        if (previousInterruptHandler != null) {
            Signal.handle(new Signal("INT"), previousInterruptHandler);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down (SIGTERM): the hook is running and has just been released.
        }
    }
}
