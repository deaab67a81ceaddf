package io.lepton.gateway;

import io.lepton.schemas.Action;
import io.lepton.schemas.Channel;
import io.lepton.schemas.CustomerServiceEvent;
import io.lepton.schemas.FinancialSentimentEvent;
import io.lepton.schemas.RecommendationEvent;
import java.time.Instant;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/** Raw events full of recognizable PII, shared by the topology tests. Fixed timestamps only. */
public final class RawEvents {

    public static final Instant AT = Instant.parse("2026-11-24T10:15:30Z");

    /** Every PII value the events below carry in tagged fields; none may appear in any sanitized output. */
    public static final List<String> TAGGED_VALUES = List.of("jane.roe@example.com", "Jane Roe", "+49 151 23456789",
            "cust-000042", "user-123456", "acct-5555", "203.0.113.77", "device-ffee01", "sess-abc", "conv-77");

    private RawEvents() {}

    /** The raw topic an event of this class belongs to. */
    public static String topicOf(SpecificRecord event) {
        if (event instanceof CustomerServiceEvent) {
            return "raw.customer-service";
        }
        return event instanceof RecommendationEvent ? "raw.recommendation" : "raw.financial-sentiment";
    }

    public static CustomerServiceEvent customerService(String id, String region) {
        return CustomerServiceEvent.newBuilder()
                .setEventId(id).setOccurredAt(AT).setRegion(region)
                .setCustomerId("cust-000042").setConversationId("conv-77").setChannel(Channel.CHAT)
                .setMessage("Hi, I am Jane Roe, mail me at jane.roe@example.com or call +49 151 23456789")
                .setCustomerName("Jane Roe").setCustomerEmail("jane.roe@example.com")
                .setCustomerPhone("+49 151 23456789").setCustomerAge(37).setGender("F")
                .setIntent("BILLING").setSatisfaction(4).setEscalated(false).setResolved(true).setAgentId("agent-9")
                .build();
    }

    public static RecommendationEvent recommendation(String id, String region) {
        return RecommendationEvent.newBuilder()
                .setEventId(id).setOccurredAt(AT).setRegion(region)
                .setUserId("user-123456").setSessionId("sess-abc").setItemId("item-9").setProviderId("prov-1")
                .setProviderGroup("SMALL").setRank(3).setScore(0.72).setAction(Action.CLICK)
                .setUserAge(29).setGender("M").setIpAddress("203.0.113.77")
                .setLatitude(48.137154).setLongitude(11.576124).setDeviceId("device-ffee01")
                .build();
    }

    public static FinancialSentimentEvent financial(String id, String region) {
        return FinancialSentimentEvent.newBuilder()
                .setEventId(id).setOccurredAt(AT).setRegion(region)
                .setAccountId("acct-5555").setInstrument("ACME")
                .setText("Bullish on ACME, wire to DE89370400440532013000")
                .setSentiment(0.8).setAmount(2500.0).setApproved(true).setQualified(true)
                .setAge(51).setGender("F").setIpAddress("203.0.113.77")
                .build();
    }
}
