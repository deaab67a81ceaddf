package io.lepton.serdes.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lepton.schemas.FinancialSentimentEvent;
import io.lepton.serdes.MalformedPayloadException;
import io.lepton.serdes.WireFormat;
import io.lepton.serdes.registry.InMemorySchemaRegistryClient;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;

class LengthCheckedDecoderTest {

    @Test
    void readsValuesThatFitExactlyAfterEarlierFields() throws IOException {
        LengthCheckedDecoder decoder = decoderOver(encoded(out -> {
            out.writeInt(-70_000);
            out.writeString("héllo");
            out.writeBytes(new byte[] {1, 2, 3});
            out.writeMapStart();
            out.setItemCount(1);
            out.startItem();
            out.writeString("k");
            out.writeLong(7);
            out.writeMapEnd();
        }));

        assertThat(decoder.readInt()).isEqualTo(-70_000);
        assertThat(decoder.readString(null).toString()).isEqualTo("héllo");
        assertThat(decoder.readBytes(null)).isEqualTo(ByteBuffer.wrap(new byte[] {1, 2, 3}));
        assertThat(decoder.readMapStart()).isEqualTo(1);
        assertThat(decoder.readString()).isEqualTo("k");
        assertThat(decoder.readLong()).isEqualTo(7);
        assertThat(decoder.mapNext()).isZero();
    }

    @Test
    void refusesALengthOneByteLongerThanWhatRemains() throws IOException {
        // an int, then a string that claims 4 bytes of which 3 follow
        byte[] bytes = encoded(out -> {
            out.writeInt(1);
            out.writeLong(4);
            out.writeFixed(new byte[] {'a', 'b', 'c'});
        });
        LengthCheckedDecoder strings = decoderOver(bytes);
        strings.readInt();
        assertThatThrownBy(() -> strings.readString(null)).isInstanceOf(EOFException.class)
                .hasMessageContaining("string claims 4 but only 3 bytes remain");
        LengthCheckedDecoder bytesValue = decoderOver(bytes);
        bytesValue.readInt();
        assertThatThrownBy(() -> bytesValue.readBytes(null)).isInstanceOf(EOFException.class);
    }

    @Test
    void refusesCollectionsClaimingMoreItemsThanBytesRemainAndNegativeLengths() throws IOException {
        byte[] bigBlock = encoded(out -> out.writeLong(1_000_000));
        assertThatThrownBy(() -> decoderOver(bigBlock).readArrayStart()).isInstanceOf(EOFException.class);
        assertThatThrownBy(() -> decoderOver(bigBlock).readMapStart()).isInstanceOf(EOFException.class);
        assertThatThrownBy(() -> decoderOver(encoded(out -> out.writeLong(-1))).readString())
                .isInstanceOf(IOException.class).hasMessageContaining("Negative string length");
    }

    @Test
    void aCorruptPayloadClaimingAGigabyteStringIsRefusedBeforeAllocation() {
        // Found by DeserializerFuzzPropertyTest: 23 bytes whose first string claims 970,495,631 bytes. Without the
        // check the deserializer allocated ~1 GB (about 5 s), and with a 512 MB heap threw OutOfMemoryError.
        InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
        int schemaId = registry.register("financial-value", FinancialSentimentEvent.getClassSchema());
        byte[] payload = WireFormat.frame(schemaId, HexFormat.of().parseHex("9edac49d07eba631febada5bba3d020658d7"));

        assertThatThrownBy(() -> new AvroDeserializer<GenericRecord>(registry, AvroSerdeConfig.defaults())
                .deserialize("raw.financial", payload))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessageContaining("string claims 970495631 but only 13 bytes remain");
    }

    private interface Writes {
        void to(BinaryEncoder out) throws IOException;
    }

    private static byte[] encoded(Writes writes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder out = EncoderFactory.get().binaryEncoder(bytes, null);
        writes.to(out);
        out.flush();
        return bytes.toByteArray();
    }

    private static LengthCheckedDecoder decoderOver(byte[] bytes) {
        return new LengthCheckedDecoder(DecoderFactory.get().binaryDecoder(bytes, null));
    }
}
