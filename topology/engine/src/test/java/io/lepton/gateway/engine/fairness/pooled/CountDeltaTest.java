package io.lepton.gateway.engine.fairness.pooled;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CountDeltaTest {

    @Test
    void roundTripsIncludingLargeCountsAndNonAsciiGroups() {
        CountDelta delta = new CountDelta(List.of(
                new CountDelta.Row("F", 1_764_000_000_000L, 3, 2, 1, 1),
                new CountDelta.Row("80+", 0, Long.MAX_VALUE, 0, 0, 0),
                new CountDelta.Row("Ø", 900_000, 1, 1, 0, 0),
                new CountDelta.Row("SMALL", 900_000, 3, 0, 0, 0, 3L << 20, 5L << 19)));
        assertThat(CountDelta.fromBytes(delta.toBytes())).isEqualTo(delta);
    }

    @Test
    void aRowOfSmallCountsTakesFewBytes() {
        byte[] bytes = new CountDelta(List.of(new CountDelta.Row("F", 1_764_000_000_000L, 12, 7, 3, 2))).toBytes();
        // version + row count + (1 + 1) group + 6 pane + 4 counts + 2 zero exposure sums
        assertThat(bytes).hasSize(16);
    }

    @Test
    void aVersionOneDeltaWithoutExposureSumsIsStillRead() {
        // version 1, one row: group "F" (length 1), pane 5, votes 3, selected 2, labelled positive 1, true positive 1
        byte[] versionOne = {1, 1, 1, 'F', 5, 3, 2, 1, 1};
        assertThat(CountDelta.fromBytes(versionOne).rows()).containsExactly(new CountDelta.Row("F", 5, 3, 2, 1, 1));
    }

    @Test
    void truncatedOrForeignBytesAreRejected() {
        byte[] bytes = new CountDelta(List.of(new CountDelta.Row("F", 5, 1, 1, 0, 0))).toBytes();
        assertThatThrownBy(() -> CountDelta.fromBytes(Arrays.copyOf(bytes, bytes.length - 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CountDelta.fromBytes(new byte[] {9})).isInstanceOf(IllegalArgumentException.class);
    }
}
