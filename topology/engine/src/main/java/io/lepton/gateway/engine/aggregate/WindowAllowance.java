package io.lepton.gateway.engine.aggregate;

import java.util.Arrays;

/**
 * The windows of one aggregate a subject has joined in the current budget period, so that no subject joins more
 * than {@code maxWindowsPerPeriod}: this is what turns a per-window guarantee into one per person per period
 * (ε_period = maxWindowsPerPeriod · ε_window by basic composition), whatever the number of events.
 *
 * <p>State: the period start and the sorted indices of the admitted windows within it, a few bytes per window;
 * a window is admitted on a subject's first contribution to it while fewer than the maximum are admitted, and every
 * later contribution to an admitted window is admitted too. Periods are epoch-aligned; a window of a period older
 * than the stored one is refused (its allowance is gone), a newer period starts afresh. Periods are taken from the
 * window's event time, like the per-event ledger's; DP v2's gateway-controlled periods apply here once merged.
 *
 * @param periodStart start of the period the admitted windows belong to
 * @param windows indices (window start − period start) / window length of the admitted windows, ascending
 */
record WindowAllowance(long periodStart, int[] windows) {

    private static final byte VERSION = 1;

    /** The decision and the state to store. */
    record Decision(boolean admitted, WindowAllowance next) {
    }

    static Decision admit(WindowAllowance current, long windowStart, long windowMillis, long periodMillis,
            int maxWindows) {
        long period = Math.floorDiv(windowStart, periodMillis) * periodMillis;
        if (current != null && current.periodStart() > period) {
            return new Decision(false, current);
        }
        WindowAllowance state = current == null || current.periodStart() < period
                ? new WindowAllowance(period, new int[0]) : current;
        int index = (int) ((windowStart - period) / windowMillis);
        int position = Arrays.binarySearch(state.windows(), index);
        if (position >= 0) {
            return new Decision(true, state);
        }
        if (state.windows().length >= maxWindows) {
            return new Decision(false, state);
        }
        int insert = -position - 1;
        int[] next = new int[state.windows().length + 1];
        System.arraycopy(state.windows(), 0, next, 0, insert);
        next[insert] = index;
        System.arraycopy(state.windows(), insert, next, insert + 1, state.windows().length - insert);
        return new Decision(true, new WindowAllowance(period, next));
    }

    byte[] toBytes() {
        ByteCodec.Writer out = new ByteCodec.Writer();
        out.varint(VERSION);
        out.zigzag(periodStart);
        out.varint(windows.length);
        int previous = 0;
        for (int window : windows) {
            out.varint(window - previous); // ascending: store gaps
            previous = window;
        }
        return out.toBytes();
    }

    static WindowAllowance fromBytes(byte[] bytes) {
        ByteCodec.Reader in = new ByteCodec.Reader(bytes);
        if (in.varint() != VERSION) {
            throw new IllegalArgumentException("unknown window-allowance state version");
        }
        long period = in.zigzag();
        int[] windows = new int[(int) in.varint()];
        int previous = 0;
        for (int i = 0; i < windows.length; i++) {
            previous += (int) in.varint();
            windows[i] = previous;
        }
        in.requireEnd();
        return new WindowAllowance(period, windows);
    }
}
