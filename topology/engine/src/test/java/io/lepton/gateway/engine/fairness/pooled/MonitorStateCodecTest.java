package io.lepton.gateway.engine.fairness.pooled;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class MonitorStateCodecTest {

    /**
     * A state as the previous release stored it, written field by field from that release's layout (version byte 1,
     * four counters per group, rate tests only): it must restore, with the two exposure counters zero, and encode again
     * as the current version.
     */
    @Test
    void aVersionOneStateRestoresWithZeroExposureCounters() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(1);
            out.writeLong(7); // period
            out.writeLong(1_000); // closed through
            out.writeLong(3); // late votes
            out.writeInt(1); // one pane
            out.writeLong(60_000);
            out.writeInt(1); // one group
            out.writeUTF("F");
            for (long count : new long[] {120, 40, 30, 12}) {
                out.writeLong(count);
            }
            out.writeInt(1); // one sequential test
            out.writeUTF("disparate_impact|F");
            out.writeByte(0); // form RATIO
            out.writeDouble(0.8);
            for (int process = 0; process < 2; process++) {
                out.writeDouble(1.25); // ln wealth
                out.writeDouble(-0.1); // mean
                out.writeDouble(0.04); // variance
                out.writeLong(9); // observations
            }
            out.writeLong(42); // random state
            for (long pending : new long[] {5, 2, 0, 0}) {
                out.writeLong(pending);
            }
            out.writeInt(1); // sequential alerted
            out.writeUTF("disparate_impact|F");
            out.writeInt(0); // breached last window
            out.writeInt(0); // window tests
        }

        MonitorState state = new MonitorState();
        MonitorStateCodec.decode(bytes.toByteArray(), state);

        assertThat(state.period).isEqualTo(7);
        assertThat(state.closedThrough).isEqualTo(1_000);
        assertThat(state.lateVotes).isEqualTo(3);
        assertThat(state.panes.get(60_000L).get("F")).containsExactly(120, 40, 30, 12, 0, 0);
        ComparisonTest test = (ComparisonTest) state.sequentialTests.get("disparate_impact|F");
        assertThat(test.form()).isEqualTo(ComparisonTest.Form.RATIO);
        assertThat(test.threshold()).isEqualTo(0.8);
        assertThat(test.below().logWealth()).isEqualTo(1.25);
        assertThat(test.above().observations()).isEqualTo(9);
        assertThat(test.randomState()).isEqualTo(42);
        assertThat(test.pending()).containsExactly(5, 2, 0, 0);
        assertThat(state.sequentialAlerted).containsExactly("disparate_impact|F");

        byte[] current = MonitorStateCodec.encode(state);
        assertThat(current[0]).isEqualTo((byte) 3);
        MonitorState again = new MonitorState();
        MonitorStateCodec.decode(current, again);
        assertThat(again.panes.get(60_000L).get("F")).containsExactly(120, 40, 30, 12, 0, 0);
        assertThat(MonitorStateCodec.encode(again)).isEqualTo(current);
    }

    /**
     * A version-2 state (exposure tests carried pending sums between batches), written field by field from that
     * release's layout: the test restores with its wealth, the pending sums are dropped, and it encodes as the current
     * version.
     */
    @Test
    void aVersionTwoExposureTestRestoresWithoutItsPendingSums() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(2);
            out.writeLong(7); // period
            out.writeLong(1_000); // closed through
            out.writeLong(0); // late votes
            out.writeInt(0); // no panes
            out.writeInt(1); // one sequential test
            out.writeUTF("exposure_ratio|SMALL");
            out.writeByte(0x40); // exposure test
            out.writeDouble(0.8);
            for (int process = 0; process < 2; process++) {
                out.writeDouble(2.5); // ln wealth
                out.writeDouble(0.05); // mean
                out.writeDouble(0.01); // variance
                out.writeLong(30); // observations
            }
            for (long pending : new long[] {3, 900, 700, 0, 0, 0}) {
                out.writeLong(pending);
            }
            out.writeInt(0); // sequential alerted
            out.writeInt(0); // breached last window
            out.writeInt(0); // window tests
        }

        MonitorState state = new MonitorState();
        MonitorStateCodec.decode(bytes.toByteArray(), state);

        ExposureComparisonTest test = (ExposureComparisonTest) state.sequentialTests.get("exposure_ratio|SMALL");
        assertThat(test.threshold()).isEqualTo(0.8);
        assertThat(test.below().logWealth()).isEqualTo(2.5);
        assertThat(test.above().observations()).isEqualTo(30);
        byte[] current = MonitorStateCodec.encode(state);
        assertThat(current[0]).isEqualTo((byte) 3);
        assertThat(current.length).as("no pending sums any more").isEqualTo(bytes.size() - 6 * Long.BYTES);
        MonitorState again = new MonitorState();
        MonitorStateCodec.decode(current, again);
        assertThat(MonitorStateCodec.encode(again)).isEqualTo(current);
    }
}
