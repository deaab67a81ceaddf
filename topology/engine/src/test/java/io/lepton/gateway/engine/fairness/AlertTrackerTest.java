package io.lepton.gateway.engine.fairness;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.lepton.gateway.engine.fairness.AlertTransition.BREACH;
import static io.lepton.gateway.engine.fairness.AlertTransition.CLEARED;
import static io.lepton.gateway.engine.fairness.AlertTransition.NONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlertTrackerTest {

    private static final String KEY = AlertTracker.key("eu-gdpr", "financial-sentiment", "disparate_impact", "gender");
    private static final long W1 = 1_700_000_000_000L;
    private static final long W2 = W1 + 60_000;
    private static final long W3 = W2 + 60_000;

    private final AlertTracker tracker = new AlertTracker();

    @Test
    void keyJoinsTheFourPartsAndRejectsTheSeparator() {
        assertThat(KEY).isEqualTo("eu-gdpr|financial-sentiment|disparate_impact|gender");
        assertThatThrownBy(() -> AlertTracker.key("eu|gdpr", "f", "m", "a"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void oneBreachPerWindowThenClearedByALaterOkWindow() {
        assertThat(tracker.observe(KEY, W1, Verdict.OK)).isEqualTo(NONE);
        assertThat(tracker.observe(KEY, W1, Verdict.BREACH)).isEqualTo(BREACH);
        assertThat(tracker.observe(KEY, W1, Verdict.BREACH)).isEqualTo(NONE);
        assertThat(tracker.observe(KEY, W1, Verdict.OK)).as("no flapping inside the breached window")
                .isEqualTo(NONE);
        assertThat(tracker.observe(KEY, W2, Verdict.BREACH)).as("a new window breaching is a new alert")
                .isEqualTo(BREACH);
        assertThat(tracker.observe(KEY, W3, Verdict.OK)).isEqualTo(CLEARED);
        assertThat(tracker.observe(KEY, W3, Verdict.OK)).isEqualTo(NONE);
    }

    @Test
    void staleWindowsNeitherReAlertNorClear() {
        tracker.observe(KEY, W2, Verdict.BREACH);
        assertThat(tracker.observe(KEY, W1, Verdict.BREACH)).isEqualTo(NONE);
        assertThat(tracker.observe(KEY, W1, Verdict.OK)).isEqualTo(NONE);
        tracker.observe(KEY, W3, Verdict.OK);
        assertThat(tracker.observe(KEY, W2, Verdict.BREACH)).as("W2 already alerted").isEqualTo(NONE);
        assertThat(tracker.observe(KEY, W3, Verdict.BREACH)).as("first breach of W3").isEqualTo(BREACH);
    }

    @Test
    void insufficientDataChangesNothing() {
        tracker.observe(KEY, W1, Verdict.BREACH);
        assertThat(tracker.observe(KEY, W2, Verdict.INSUFFICIENT_DATA)).isEqualTo(NONE);
        assertThat(tracker.state(KEY)).isEqualTo(new AlertState(true, W1));
        assertThat(tracker.observe(KEY, W3, Verdict.OK)).isEqualTo(CLEARED);
    }

    @Test
    void metricResultFormHoldsTheAlertWhileThePointValueIsStillBeyondTheThreshold() {
        tracker.observe(KEY, W1, Verdict.BREACH);
        // early in W2: disparate impact 0.70 is below 0.8 but not yet significant → verdict OK, alert held
        assertThat(tracker.observe(KEY, W2, disparateImpact(0.70, Verdict.OK))).isEqualTo(NONE);
        assertThat(tracker.observe(KEY, W2, disparateImpact(0.70, Verdict.BREACH))).isEqualTo(BREACH);
        assertThat(tracker.observe(KEY, W3, disparateImpact(0.95, Verdict.OK))).isEqualTo(CLEARED);
    }

    @Test
    void keysAreIndependent() {
        String other = AlertTracker.key("us-ccpa", "financial-sentiment", "disparate_impact", "gender");
        assertThat(tracker.observe(KEY, W1, Verdict.BREACH)).isEqualTo(BREACH);
        assertThat(tracker.observe(other, W1, Verdict.BREACH)).isEqualTo(BREACH);
        assertThat(tracker.state("never-seen")).isEqualTo(AlertState.INITIAL);
    }

    @Test
    void pureStepThroughSerializedStateMatchesTheInMemoryTracker() {
        byte[] stored = AlertState.INITIAL.toBytes();
        Verdict[] verdicts = {Verdict.BREACH, Verdict.BREACH, Verdict.OK};
        long[] windows = {W1, W1, W2};
        AlertTransition[] expected = {BREACH, NONE, CLEARED};
        for (int i = 0; i < verdicts.length; i++) {
            AlertTracker.Step step = AlertTracker.step(AlertState.fromBytes(stored), windows[i], verdicts[i]);
            assertThat(step.transition()).isEqualTo(expected[i]);
            stored = step.state().toBytes();
        }
        assertThat(stored).hasSize(10);
        assertThat(AlertState.fromBytes(stored)).isEqualTo(new AlertState(false, W2));
        assertThatThrownBy(() -> AlertState.fromBytes(new byte[] {1, 2, 0, 0, 0, 0, 0, 0, 0, 0}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static MetricResult disparateImpact(double value, Verdict verdict) {
        return new MetricResult("disparate_impact", "gender", "female", "male", value, value - 0.1, value + 0.1,
                0.8, verdict, Map.of("female", 500L, "male", 500L));
    }
}
