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
 * The binary form of a {@link MonitorState}: a version byte, then big-endian fields. A test carries its form and
 * threshold, so a restored e-process keeps testing the hypothesis it started with even if the policy changed meanwhile
 * (switching hypotheses mid-way would void its guarantee; the new threshold applies from the next period or window).
 */
final class MonitorStateCodec {

    private static final byte VERSION = 1;
    private static final ComparisonTest.Form[] FORMS = ComparisonTest.Form.values();

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
            for (Map.Entry<Long, Map<String, ComparisonTest>> window : state.windowTests.entrySet()) {
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
        if (bytes == null || bytes.length == 0 || bytes[0] != VERSION) {
            throw new IllegalArgumentException("not a pooled fairness monitor state (version " + VERSION + ")");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 1, bytes.length - 1))) {
            state.period = in.readLong();
            state.closedThrough = in.readLong();
            state.lateVotes = in.readLong();
            state.panes.clear();
            for (int p = in.readInt(); p > 0; p--) {
                Map<String, long[]> groups = state.panes.computeIfAbsent(in.readLong(), k -> new LinkedHashMap<>());
                for (int g = in.readInt(); g > 0; g--) {
                    groups.put(in.readUTF(), new long[] {in.readLong(), in.readLong(), in.readLong(), in.readLong()});
                }
            }
            readTests(in, state.sequentialTests);
            readNames(in, state.sequentialAlerted);
            readNames(in, state.breachedLastWindow);
            state.windowTests.clear();
            for (int w = in.readInt(); w > 0; w--) {
                readTests(in, state.windowTests.computeIfAbsent(in.readLong(), k -> new LinkedHashMap<>()));
            }
            if (in.available() != 0) {
                throw new IllegalArgumentException("trailing bytes after a pooled fairness monitor state");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated pooled fairness monitor state", e);
        }
    }

    private static void writeTests(DataOutputStream out, Map<String, ComparisonTest> tests) throws IOException {
        out.writeInt(tests.size());
        for (Map.Entry<String, ComparisonTest> entry : tests.entrySet()) {
            ComparisonTest test = entry.getValue();
            out.writeUTF(entry.getKey());
            out.writeByte(test.form().ordinal());
            out.writeDouble(test.threshold());
            for (BettingEProcess process : new BettingEProcess[] {test.below(), test.above()}) {
                out.writeDouble(process.logWealth());
                out.writeDouble(process.mean());
                out.writeDouble(process.variance());
                out.writeLong(process.observations());
            }
            out.writeLong(test.randomState());
            for (long pending : test.pending()) {
                out.writeLong(pending);
            }
        }
    }

    private static void readTests(DataInputStream in, Map<String, ComparisonTest> tests) throws IOException {
        tests.clear();
        for (int t = in.readInt(); t > 0; t--) {
            String slot = in.readUTF();
            int form = in.readByte();
            if (form < 0 || form >= FORMS.length) {
                throw new IllegalArgumentException("unknown comparison form in a pooled fairness monitor state");
            }
            double threshold = in.readDouble();
            BettingEProcess below = readProcess(in);
            BettingEProcess above = readProcess(in);
            tests.put(slot, new ComparisonTest(FORMS[form], threshold, below, above, new SplitMix64(in.readLong()),
                    in.readLong(), in.readLong(), in.readLong(), in.readLong()));
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
