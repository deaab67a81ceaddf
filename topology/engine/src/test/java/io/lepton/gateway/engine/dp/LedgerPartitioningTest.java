package io.lepton.gateway.engine.dp;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class LedgerPartitioningTest {

    @Test
    void aFirstStartOrAnUnchangedCountStarts() {
        assertThatCode(() -> LedgerPartitioning.check(OptionalInt.empty(), 12)).doesNotThrowAnyException();
        assertThatCode(() -> LedgerPartitioning.check(OptionalInt.of(12), 12)).doesNotThrowAnyException();
    }

    @Test
    void aChangedCountIsRefusedNamingBothCountsAndTheFix() {
        assertThatThrownBy(() -> LedgerPartitioning.check(OptionalInt.of(12), 24))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("built for 12").hasMessageContaining("configured for 24")
                .hasMessageContaining("set LEPTON_TOPIC_PARTITIONS back to 12")
                .hasMessageContaining("after the current budget period has ended");
        assertThatThrownBy(() -> LedgerPartitioning.check(OptionalInt.empty(), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
