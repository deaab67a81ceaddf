package io.lepton.gateway.streams;

import io.lepton.gateway.engine.family.EventFamily;
import io.lepton.gateway.engine.policy.SubjectIdentity;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Decides which stream task owns a subject: the one for partition {@code murmur2(utf8(subject)) mod n} of the subject
 * topics, which is where Kafka's default partitioner puts a record keyed by the subject id as a string.
 *
 * <p>Producers that follow the contract (raw topics keyed by subject, default partitioner, as many partitions as the
 * subject topics) so already put every event of a subject in its owner's partition, and the gateway processes it
 * where it is read, with no hop. Any other record (another key, another partitioner or partition count) goes through
 * the subject repartition topic, to that same partition, so a subject's privacy-budget ledger still has one owner
 * whatever the producers do. The partition number reveals no more about the subject than the raw topic's own
 * partitioning does; the record key on the hop stays the pseudonym.
 *
 * <p>The subject is the routed jurisdiction's identity of the id ({@link SubjectIdentity}): ids that policy treats
 * as one person ({@code cust-42} and {@code CUST-42} under case folding) have one owner and so one ledger entry.
 * Under case folding the default partitioner's choice for a producer's key may differ from the owner; such records
 * simply take the hop.
 */
final class SubjectPartitioner implements StreamPartitioner<byte[], RoutedEvent> {

    private final EventFamily family;

    SubjectPartitioner(EventFamily family) {
        this.family = family;
    }

    /** The owner partition of {@code subject} among {@code partitions}. */
    static int partition(String subject, int partitions) {
        return Utils.toPositive(Utils.murmur2(subject.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /**
     * Whether the task reading {@code partition} owns the subject of {@code event} (decoded and routed) among {@code partitions}; an event
     * without a subject has no ledger entry to protect and is treated where it is (its sanitizer quarantines it).
     */
    boolean owns(RoutedEvent event, int partition, int partitions) {
        String subject = identity(event);
        return subject == null || partition(subject, partitions) == partition;
    }

    @Override
    public Optional<Set<Integer>> partitions(String topic, byte[] key, RoutedEvent value, int numPartitions) {
        String subject = identity(value);
        return Optional.of(Set.of(subject == null ? 0 : partition(subject, numPartitions)));
    }

    /** The subject as its jurisdiction identifies it, or null when the event names none. */
    private String identity(RoutedEvent event) {
        String subject = family.subject(event.record());
        return subject == null ? null : event.policy().subjectIdentity().normalize(subject);
    }
}
