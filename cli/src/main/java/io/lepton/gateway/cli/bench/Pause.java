package io.lepton.gateway.cli.bench;

/** Sleeping that turns an interrupt into a stop of the bench, with the interrupt flag kept. */
final class Pause {

    private Pause() {
    }

    static void millis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("bench interrupted", e);
        }
    }
}
