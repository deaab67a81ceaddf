package io.lepton.gateway.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.lepton.gateway.RawEvents;
import io.lepton.gateway.engine.family.EventFamily;
import io.lepton.gateway.engine.policy.JurisdictionPolicy;
import io.lepton.schemas.CustomerServiceEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

class SubjectPartitionerTest {

    private final EventFamily customerService = TestGateway.FAMILIES.byName("customer-service").orElseThrow();
    private final SubjectPartitioner owner = new SubjectPartitioner(customerService);
    private static final JurisdictionPolicy EU_GDPR = TestGateway.POLICIES.byId("eu-gdpr").orElseThrow();

    @Test
    void theOwnerPartitionIsWhereKafkasDefaultPartitionerPutsARecordKeyedBySubject() {
        for (int partitions : new int[] {1, 2, 3, 6, 12}) {
            for (int i = 0; i < 2_000; i++) {
                String subject = "cust-" + i * 7919 + "-é";
                assertThat(SubjectPartitioner.partition(subject, partitions)).as(subject)
                        .isEqualTo(BuiltInPartitioner.partitionForKey(subject.getBytes(StandardCharsets.UTF_8),
                                partitions));
            }
        }
    }

    @Test
    void aRecordIsOwnedOnlyInItsSubjectsPartitionAndTheHopSendsItThere() {
        CustomerServiceEvent event = RawEvents.customerService("evt-1", "DE");
        int home = SubjectPartitioner.partition(event.getCustomerId(), 3);
        for (int p = 0; p < 3; p++) {
            assertThat(owner.owns(routed(event, EU_GDPR), p, 3)).as("partition " + p).isEqualTo(p == home);
        }
        assertThat(owner.partitions("hop", new byte[0], routed(event, EU_GDPR), 3))
                .isEqualTo(Optional.of(Set.of(home)));
    }

    @Test
    void anEventWithoutSubjectIsTreatedWhereItIsRead() {
        CustomerServiceEvent event = RawEvents.customerService("evt-1", "DE");
        event.setCustomerId(" ");
        assertThat(owner.owns(routed(event, EU_GDPR), 0, 3)).isTrue();
        assertThat(owner.owns(routed(event, EU_GDPR), 2, 3)).isTrue();
    }

    /** Ids one policy folds to one subject have one owner under it; the case-sensitive default keeps them apart. */
    @Test
    void idsThePolicyTreatsAsOneSubjectHaveOneOwner() {
        JurisdictionPolicy folding = TestGateway.caseFolding(EU_GDPR);
        int apart = 0;
        for (int i = 0; i < 200; i++) {
            Set<Integer> owners = new java.util.HashSet<>();
            Set<Integer> caseSensitiveOwners = new java.util.HashSet<>();
            for (String spelling : List.of("Cust-" + i + "-Straße", " CUST-" + i + "-STRASSE", "cust-" + i
                    + "-strasse\t")) {
                CustomerServiceEvent event = RawEvents.customerService("evt-" + i, "DE");
                event.setCustomerId(spelling);
                owners.addAll(owner.partitions("hop", new byte[0], routed(event, folding), 12).orElseThrow());
                caseSensitiveOwners.addAll(owner.partitions("hop", new byte[0], routed(event, EU_GDPR), 12)
                        .orElseThrow());
            }
            assertThat(owners).as("owners of subject " + i + " under case folding").hasSize(1);
            apart += caseSensitiveOwners.size() > 1 ? 1 : 0;
        }
        assertThat(apart).as("case-sensitive: the spellings are different subjects, mostly on other partitions")
                .isGreaterThan(150);
    }

    private static RoutedEvent routed(CustomerServiceEvent event, JurisdictionPolicy policy) {
        return new RoutedEvent(new byte[0], event, policy);
    }
}
