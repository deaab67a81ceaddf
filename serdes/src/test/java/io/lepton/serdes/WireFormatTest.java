package io.lepton.serdes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class WireFormatTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 255, 256, 65_536, Integer.MAX_VALUE, -1, Integer.MIN_VALUE})
    void headerRoundTripsEverySchemaId(int id) {
        byte[] framed = WireFormat.frame(id, new byte[] {42});
        assertThat(framed).hasSize(6);
        assertThat(framed[0]).isZero();
        assertThat(framed[5]).isEqualTo((byte) 42);
        assertThat(WireFormat.schemaId(framed)).isEqualTo(id);
    }

    @Test
    void schemaIdIsBigEndian() {
        assertThat(WireFormat.schemaId(new byte[] {0, 0x01, 0x02, 0x03, 0x04})).isEqualTo(0x01020304);
    }

    @Test
    void wrongMagicByteIsPermanent() {
        assertThatThrownBy(() -> WireFormat.schemaId(new byte[] {1, 0, 0, 0, 1, 2}))
                .isInstanceOfSatisfying(InvalidMagicByteException.class, e -> {
                    assertThat(e.magicByte()).isEqualTo((byte) 1);
                    assertThat(e.isPermanent()).isTrue();
                });
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 4})
    void payloadShorterThanHeaderIsMalformed(int length) {
        assertThatThrownBy(() -> WireFormat.schemaId(new byte[length]))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessageContaining(length + " bytes");
    }

    @Test
    void nullPayloadIsMalformed() {
        assertThatThrownBy(() -> WireFormat.schemaId(null)).isInstanceOf(MalformedPayloadException.class);
    }
}
