package io.lepton.gateway.engine;

import io.lepton.schemas.Action;
import io.lepton.schemas.Channel;
import io.lepton.schemas.CustomerServiceEvent;
import io.lepton.schemas.FinancialSentimentEvent;
import io.lepton.schemas.RecommendationEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * Hand-written raw events with obvious PII, for engine tests. Fixed timestamps, never {@code Instant.now()}.
 *
 * <p>Events are returned as {@link GenericRecord}s decoded from Avro binary, exactly what the topology hands the
 * engine; the generated builders are only a convenient way to write them.
 */
public final class SampleEvents {

    public static final Instant AT = Instant.parse("2026-11-24T10:15:30Z");

    private SampleEvents() {}

    public static CustomerServiceEvent customerServiceBuilder(String region) {
        return CustomerServiceEvent.newBuilder()
                .setEventId("evt-cs-1").setOccurredAt(AT).setRegion(region)
                .setCustomerId("cust-000042").setConversationId("conv-77").setChannel(Channel.CHAT)
                .setMessage("Hi, I am Jane Roe, mail me at jane.roe@example.com or call +49 151 23456789")
                .setCustomerName("Jane Roe").setCustomerEmail("jane.roe@example.com")
                .setCustomerPhone("+49 151 23456789").setCustomerAge(37).setGender("F")
                .setIntent("BILLING").setSatisfaction(4).setEscalated(false).setResolved(true)
                .setAgentId("agent-9")
                .build();
    }

    public static RecommendationEvent recommendationBuilder(String region) {
        return RecommendationEvent.newBuilder()
                .setEventId("evt-rec-1").setOccurredAt(AT).setRegion(region)
                .setUserId("user-123456").setSessionId("sess-abc").setItemId("item-9").setProviderId("prov-1")
                .setProviderGroup("SMALL").setRank(3).setScore(0.72).setAction(Action.CLICK)
                .setUserAge(29).setGender("M").setIpAddress("203.0.113.77")
                .setLatitude(48.137154).setLongitude(11.576124).setDeviceId("device-ffee01")
                .build();
    }

    public static FinancialSentimentEvent financialSentimentBuilder(String region) {
        return FinancialSentimentEvent.newBuilder()
                .setEventId("evt-fin-1").setOccurredAt(AT).setRegion(region)
                .setAccountId("acct-5555").setInstrument("ACME")
                .setText("Bullish on ACME, wire to DE89370400440532013000, card 4111 1111 1111 1111")
                .setSentiment(0.8).setAmount(2500.0).setApproved(true).setQualified(true)
                .setAge(51).setGender("F").setIpAddress("2001:db8:1:2::5")
                .build();
    }

    public static GenericRecord customerService(String region) {
        return generic(customerServiceBuilder(region));
    }

    public static GenericRecord recommendation(String region) {
        return generic(recommendationBuilder(region));
    }

    public static GenericRecord financialSentiment(String region) {
        return generic(financialSentimentBuilder(region));
    }

    /** Re-reads a specific record as the generic record the topology would decode from the wire. */
    public static GenericRecord generic(SpecificRecord record) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
            new SpecificDatumWriter<SpecificRecord>(record.getSchema()).write(record, encoder);
            encoder.flush();
            return new GenericDatumReader<GenericRecord>(record.getSchema())
                    .read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
