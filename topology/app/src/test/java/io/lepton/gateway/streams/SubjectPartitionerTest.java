package io.lepton.gateway.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.lepton.gateway.RawEvents;
import io.lepton.gateway.engine.family.EventFamily;
import io.lepton.schemas.CustomerServiceEvent;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

class SubjectPartitionerTest {

    private final EventFamily customerService = TestGateway.FAMILIES.byName("customer-service").orElseThrow();
    private final SubjectPartitioner owner = new SubjectPartitioner(customerService);

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
            assertThat(owner.owns(event, p, 3)).as("partition " + p).isEqualTo(p == home);
        }
        assertThat(owner.partitions("hop", new byte[0], new RoutedEvent(new byte[0], event, null), 3))
                .isEqualTo(Optional.of(Set.of(home)));
    }

    @Test
    void anEventWithoutSubjectIsTreatedWhereItIsRead() {
        CustomerServiceEvent event = RawEvents.customerService("evt-1", "DE");
        event.setCustomerId(" ");
        assertThat(owner.owns(event, 0, 3)).isTrue();
        assertThat(owner.owns(event, 2, 3)).isTrue();
    }
}
