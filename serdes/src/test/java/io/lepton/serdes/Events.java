package io.lepton.serdes;

import io.lepton.schemas.Action;
import io.lepton.schemas.Channel;
import io.lepton.schemas.CustomerServiceEvent;
import io.lepton.schemas.FinancialSentimentEvent;
import io.lepton.schemas.RecommendationEvent;
import java.time.Instant;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/** One fixed, fully populated (and one sparse) event of each raw family, for round-trip tests. */
public final class Events {

    public static final Instant OCCURRED_AT = Instant.ofEpochMilli(1_767_225_600_000L);

    private Events() {
    }

    public static CustomerServiceEvent customerService() {
        return CustomerServiceEvent.newBuilder()
                .setEventId("evt-cs-1").setOccurredAt(OCCURRED_AT).setRegion("DE")
                .setCustomerId("cust-42").setConversationId("conv-7").setChannel(Channel.EMAIL)
                .setMessage("Hi, I am Jane Doe, jane@example.com, +49 30 1234567")
                .setCustomerName("Jane Doe").setCustomerEmail("jane@example.com").setCustomerPhone("+49301234567")
                .setCustomerAge(34).setGender("F").setIntent("BILLING").setSatisfaction(4)
                .setEscalated(true).setResolved(false).setAgentId("agent-3")
                .build();
    }

    public static RecommendationEvent recommendation() {
        return RecommendationEvent.newBuilder()
                .setEventId("evt-rec-1").setOccurredAt(OCCURRED_AT).setRegion("US-CA")
                .setUserId("user-9").setSessionId("sess-1").setItemId("item-5").setProviderId("prov-2")
                .setProviderGroup("SMALL").setRank(3).setScore(0.87).setAction(Action.CLICK)
                .setUserAge(null).setGender(null).setIpAddress("203.0.113.9")
                .setLatitude(37.77).setLongitude(-122.42).setDeviceId(null)
                .build();
    }

    public static FinancialSentimentEvent financialSentiment() {
        return FinancialSentimentEvent.newBuilder()
                .setEventId("evt-fin-1").setOccurredAt(OCCURRED_AT).setRegion("BR")
                .setAccountId("acct-1").setInstrument("PETR4").setText("Pay to BR1800360305000010009795493C1")
                .setSentiment(-0.25).setAmount(1500.0).setApproved(false).setQualified(true)
                .setAge(51).setGender("M").setIpAddress(null)
                .build();
    }

    public static List<SpecificRecord> all() {
        return List.of(customerService(), recommendation(), financialSentiment());
    }
}
