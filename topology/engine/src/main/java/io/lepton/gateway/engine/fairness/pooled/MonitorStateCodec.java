package io.lepton.gateway.engine.fairness.pooled;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The binary form of a {@link MonitorState}: a version byte, then big-endian fields. Earlier versions are still read,
 * so a store written by a previous release restores instead of failing the stream thread: version 1 (four counters
 * per group, rate tests only: the state before exposure was tested) and version 2 (exposure tests with pending sums
 * carried between batches, which are dropped on reading: see {@link ExposureComparisonTest} for why nothing is
 * carried any more). A test carries its kind and
 * threshold, so a restored e-process keeps testing the hypothesis it started with even if the policy changed meanwhile
 * (switching hypotheses mid-way would void its guarantee; the new threshold applies from the next period or window).
 */
final class MonitorStateCodec {

    private static final byte VERSION = 3;
    private static final byte EXPOSURE_WITH_PENDING = 2;
    private static final byte DECISIONS_ONLY = 1;
    /** Pending exposure sums a version-2 test carried: group and reference impressions, exposure and relevance. */
    private static final int EXPOSURE_PENDING_SUMS = 6;
    private static final int DECISION_COUNTERS = 4;
    private static final ComparisonTest.Form[] FORMS = ComparisonTest.Form.values();
    /** The kind byte of an exposure test; rate tests write their form's ordinal. */
    private static final int EXPOSURE = 0x40;

    private MonitorStateCodec() {}

    static byte[] encode(MonitorState state) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeLong(state.period);
            out.writeLong(state.closedThrough);
            out.writeLong(state.lateVotes);
            out.writeInt(state.panes.size());
            for (Map.Entry<Long, Map<String, long[]>> pane : state.panes.entrySet()) {
                out.writeLong(pane.getKey());
                out.writeInt(pane.getValue().size());
                for (Map.Entry<String, long[]> group : pane.getValue().entrySet()) {
                    out.writeUTF(group.getKey());
                    for (long count : group.getValue()) {
                        out.writeLong(count);
                    }
                }
            }
            writeTests(out, state.sequentialTests);
            writeNames(out, state.sequentialAlerted);
            writeNames(out, state.breachedLastWindow);
            out.writeInt(state.windowTests.size());
            for (Map.Entry<Long, Map<String, SlotTest>> window : state.windowTests.entrySet()) {
                out.writeLong(window.getKey());
                writeTests(out, window.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Replaces {@code state}'s content with the decoded one. */
    static void decode(byte[] bytes, MonitorState state) {
        if (bytes == null || bytes.length == 0
                || (bytes[0] != VERSION && bytes[0] != EXPOSURE_WITH_PENDING && bytes[0] != DECISIONS_ONLY)) {
            throw new IllegalArgumentException("not a pooled fairness monitor state (version " + VERSION + ")");
        }
        byte version = bytes[0];
        int stored = version == DECISIONS_ONLY ? DECISION_COUNTERS : CountDelta.COUNTERS;
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 1, bytes.length - 1))) {
            state.period = in.readLong();
            state.closedThrough = in.readLong();
            state.lateVotes = in.readLong();
            state.panes.clear();
            for (int p = in.readInt(); p > 0; p--) {
                Map<String, long[]> groups = state.panes.computeIfAbsent(in.readLong(), k -> new LinkedHashMap<>());
                for (int g = in.readInt(); g > 0; g--) {
                    String group = in.readUTF();
                    long[] counts = new long[CountDelta.COUNTERS];
                    for (int i = 0; i < stored; i++) {
                        counts[i] = in.readLong();
                    }
                    groups.put(group, counts);
                }
            }
            readTests(in, state.sequentialTests, version);
            readNames(in, state.sequentialAlerted);
            readNames(in, state.breachedLastWindow);
            state.windowTests.clear();
            for (int w = in.readInt(); w > 0; w--) {
                readTests(in, state.windowTests.computeIfAbsent(in.readLong(), k -> new LinkedHashMap<>()), version);
            }
            if (in.available() != 0) {
                throw new IllegalArgumentException("trailing bytes after a pooled fairness monitor state");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated pooled fairness monitor state", e);
        }
    }

    private static void writeTests(DataOutputStream out, Map<String, SlotTest> tests) throws IOException {
        out.writeInt(tests.size());
        for (Map.Entry<String, SlotTest> entry : tests.entrySet()) {
            out.writeUTF(entry.getKey());
            if (entry.getValue() instanceof ExposureComparisonTest test) {
                out.writeByte(EXPOSURE);
                out.writeDouble(test.threshold());
                writeProcesses(out, test.below(), test.above());
            } else {
                ComparisonTest test = (ComparisonTest) entry.getValue();
                out.writeByte(test.form().ordinal());
                out.writeDouble(test.threshold());
                writeProcesses(out, test.below(), test.above());
                out.writeLong(test.randomState());
                writeLongs(out, test.pending());
            }
        }
    }

    private static void writeProcesses(DataOutputStream out, BettingEProcess... processes) throws IOException {
        for (BettingEProcess process : processes) {
            out.writeDouble(process.logWealth());
            out.writeDouble(process.mean());
            out.writeDouble(process.variance());
            out.writeLong(process.observations());
        }
    }

    private static void writeLongs(DataOutputStream out, long[] values) throws IOException {
        for (long value : values) {
            out.writeLong(value);
        }
    }

    private static void readTests(DataInputStream in, Map<String, SlotTest> tests, byte version) throws IOException {
        tests.clear();
        for (int t = in.readInt(); t > 0; t--) {
            String slot = in.readUTF();
            int kind = in.readByte();
            if (kind != EXPOSURE && (kind < 0 || kind >= FORMS.length)) {
                throw new IllegalArgumentException("unknown comparison kind in a pooled fairness monitor state");
            }
            double threshold = in.readDouble();
            BettingEProcess below = readProcess(in);
            BettingEProcess above = readProcess(in);
            if (kind == EXPOSURE) {
                if (version == EXPOSURE_WITH_PENDING) {
                    in.skipNBytes((long) EXPOSURE_PENDING_SUMS * Long.BYTES);
                }
                tests.put(slot, new ExposureComparisonTest(threshold, below, above));
            } else {
                tests.put(slot, new ComparisonTest(FORMS[kind], threshold, below, above,
                        new SplitMix64(in.readLong()), in.readLong(), in.readLong(), in.readLong(), in.readLong()));
            }
        }
    }

    private static BettingEProcess readProcess(DataInputStream in) throws IOException {
        return new BettingEProcess(in.readDouble(), in.readDouble(), in.readDouble(), in.readLong());
    }

    private static void writeNames(DataOutputStream out, Set<String> names) throws IOException {
        out.writeInt(names.size());
        for (String name : names) {
            out.writeUTF(name);
        }
    }

    private static void readNames(DataInputStream in, Set<String> names) throws IOException {
        names.clear();
        for (int n = in.readInt(); n > 0; n--) {
            names.add(in.readUTF());
        }
    }
}
