package io.lepton.gateway.engine.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lepton.gateway.engine.SampleEvents;
import io.lepton.gateway.engine.family.EventFamilies;
import io.lepton.gateway.engine.family.EventFamily;
import io.lepton.gateway.engine.fairness.FairnessObservation.Decision;
import io.lepton.gateway.engine.fairness.FairnessObservation.Impression;
import io.lepton.schemas.Action;
import io.lepton.schemas.CustomerServiceEvent;
import io.lepton.schemas.FinancialSentimentEvent;
import io.lepton.schemas.RecommendationEvent;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

class FairnessObservationsTest {

    private static final EventFamilies FAMILIES = EventFamilies.discover();

    private static FairnessObservations of(String family) {
        return FairnessObservations.of(FAMILIES.byName(family).orElseThrow());
    }

    @Test
    void customerServiceComparesEscalationByGenderAndAgeBandWithResolutionAsTheLabel() {
        CustomerServiceEvent event = SampleEvents.customerServiceBuilder("DE");
        event.setEscalated(true);
        event.setResolved(false);
        assertThat(of("customer-service").observe(SampleEvents.generic(event))).containsExactly(
                new Decision("gender", "F", true, false),
                new Decision("ageBand", "30-39", true, false));
    }

    @Test
    void financialSentimentUsesQualifiedAsTheLabelWhenPresent() {
        FinancialSentimentEvent event = SampleEvents.financialSentimentBuilder("DE");
        event.setApproved(false);
        event.setQualified(null);
        event.setAge(null);
        event.setGender("  ");
        assertThat(of("financial-sentiment").observe(SampleEvents.generic(event))).containsExactly(
                new Decision("gender", AgeBands.UNKNOWN, false, null),
                new Decision("ageBand", AgeBands.UNKNOWN, false, null));
    }

    @Test
    void recommendationCountsClickThroughByUserGroupAndExposureByProviderGroup() {
        RecommendationEvent event = SampleEvents.recommendationBuilder("DE");
        event.setAction(Action.PURCHASE);
        assertThat(of("recommendation").observe(SampleEvents.generic(event))).containsExactly(
                new Decision("gender", "M", true, null),
                new Decision("ageBand", "20-29", true, null),
                new Impression("providerGroup", "SMALL", 3, 0.72));
        event.setAction(Action.IMPRESSION);
        assertThat(of("recommendation").observe(SampleEvents.generic(event)))
                .filteredOn(o -> o instanceof Decision).extracting(o -> ((Decision) o).decision())
                .containsOnly(false);
    }

    @Test
    void impressionsWithAnImpossibleRankOrRelevanceAreSkipped() {
        RecommendationEvent event = SampleEvents.recommendationBuilder("DE");
        event.setRank(0);
        assertThat(of("recommendation").observe(SampleEvents.generic(event))).noneMatch(o -> o instanceof Impression);
        event.setRank(2);
        event.setScore(Double.NaN);
        assertThat(of("recommendation").observe(SampleEvents.generic(event))).noneMatch(o -> o instanceof Impression);
    }

    @Test
    void everyBuiltInFamilyHasADecisionWithProtectedAttributes() {
        for (EventFamily family : FAMILIES.all()) {
            assertThat(FairnessObservations.of(family).decisionAttributes()).as(family.name())
                    .contains("gender", FairnessObservations.AGE_BAND);
        }
    }

    @Test
    void aNewProtectedFieldBecomesAnAttributeWithoutCodeChange() {
        GenericRecord event = record("""
                {"type": "record", "name": "Loan", "family": "loan", "fields": [
                  {"name": "eventId", "type": "string"}, {"name": "occurredAt", "type": {"type": "long", "logicalType": "timestamp-millis"}},
                  {"name": "region", "type": "string"}, {"name": "id", "type": "string", "subject": true},
                  {"name": "ethnicity", "type": ["null", "string"], "default": null, "protected": true},
                  {"name": "ok", "type": "boolean", "fairness": "decision"}]}""");
        event.put("ethnicity", "X");
        event.put("ok", true);
        assertThat(FairnessObservations.of(EventFamily.fromSchema(event.getSchema())).observe(event))
                .containsExactly(new Decision("ethnicity", "X", true, null));
    }

    @Test
    void inconsistentTagsFailAtStartUp() {
        String base = """
                {"type": "record", "name": "Bad", "family": "bad", "fields": [
                  {"name": "eventId", "type": "string"}, {"name": "occurredAt", "type": {"type": "long", "logicalType": "timestamp-millis"}},
                  {"name": "region", "type": "string"}, {"name": "id", "type": "string", "subject": true},
                  %s]}""";
        assertThatThrownBy(() -> family(base.formatted(
                "{\"name\": \"d\", \"type\": \"boolean\", \"fairness\": \"decison\"}")))
                .hasMessageContaining("unknown \"fairness\" role 'decison'");
        assertThatThrownBy(() -> family(base.formatted(
                "{\"name\": \"a\", \"type\": \"boolean\", \"fairness\": \"decision\"},"
                        + "{\"name\": \"b\", \"type\": \"boolean\", \"fairness\": \"decision\"}")))
                .hasMessageContaining("also on a");
        assertThatThrownBy(() -> family(base.formatted(
                "{\"name\": \"s\", \"type\": \"string\", \"fairness\": \"decision\"}")))
                .hasMessageContaining("fairnessPositive");
        assertThatThrownBy(() -> family(base.formatted(
                "{\"name\": \"g\", \"type\": \"string\", \"fairness\": \"exposureGroup\"}")))
                .hasMessageContaining("all three");
    }

    private static FairnessObservations family(String schema) {
        return FairnessObservations.of(EventFamily.fromSchema(new Schema.Parser().parse(schema)));
    }

    private static GenericRecord record(String schema) {
        GenericRecord event = new GenericData.Record(new Schema.Parser().parse(schema));
        event.put("eventId", "e");
        event.put("occurredAt", 0L);
        event.put("region", "DE");
        event.put("id", "s");
        return event;
    }
}
