package io.client360.platform.deadletter;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The dead letters of this side's processing groups: each group parks an event whose handler keeps failing, with the
 * rest of its sequence (the events of the same aggregate) behind it, in PostgreSQL ({@code deadletterentry}).
 * Other sequences go on. An administrator lists them, retries a sequence once the fault is gone, or evicts it.
 */
public class DeadLetters {

    private final EventProcessingConfiguration processing;

    public DeadLetters(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /** The processing groups of this side that park failing events. */
    public SortedSet<String> processingGroups() {
        SortedSet<String> groups = new TreeSet<>();
        processing.eventProcessors().keySet().forEach(name -> {
            if (processing.deadLetterQueue(name).isPresent()) {
                groups.add(name);
            }
        });
        return groups;
    }

    public boolean knows(String processingGroup) {
        return processingGroups().contains(processingGroup);
    }

    /** Parked sequences of one group, or of all groups, oldest first within a sequence; at most {@code limit}. */
    public List<Sequence> sequences(Optional<String> processingGroup, int limit) {
        List<Sequence> sequences = new ArrayList<>();
        for (String group : processingGroup.map(List::of).orElseGet(() -> List.copyOf(processingGroups()))) {
            for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue(group).deadLetters()) {
                if (sequences.size() >= limit) {
                    return sequences;
                }
                List<Letter> letters = new ArrayList<>();
                sequence.forEach(letter -> letters.add(Letter.of(letter)));
                if (!letters.isEmpty()) {
                    sequences.add(new Sequence(group, letters.get(0).sequenceIdentifier(), letters));
                }
            }
        }
        return sequences;
    }

    /** How many events each group has parked. */
    public long size(String processingGroup) {
        return queue(processingGroup).size();
    }

    /**
     * Hands one parked sequence to its handlers again, in order. A letter that fails again stays parked (with the
     * new cause) and holds the rest of its sequence back.
     */
    public Retried retry(String processingGroup, String sequenceIdentifier) {
        boolean parked = queue(processingGroup).contains(sequenceIdentifier);
        boolean succeeded = parked && processor(processingGroup)
                .process(letter -> sequenceOf(letter.message()).equals(sequenceIdentifier));
        return new Retried(parked ? 1 : 0, succeeded ? 1 : 0,
                queue(processingGroup).sequenceSize(sequenceIdentifier));
    }

    /** Retries every parked sequence of a group once. */
    public Retried retryAll(String processingGroup) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(processingGroup);
        long sequences = queue.amountOfSequences();
        int succeeded = 0;
        for (long attempt = 0; attempt < sequences; attempt++) {
            if (processor(processingGroup).processAny()) {
                succeeded++;
            }
        }
        return new Retried(sequences, succeeded, queue.size());
    }

    /** Drops a parked sequence: its events are not handled by this group (the rest of the stream goes on). */
    public int evict(String processingGroup, String sequenceIdentifier) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(processingGroup);
        List<DeadLetter<? extends EventMessage<?>>> letters = new ArrayList<>();
        queue.deadLetterSequence(sequenceIdentifier).forEach(letters::add);
        letters.forEach(queue::evict);
        return letters.size();
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String processingGroup) {
        return processing.deadLetterQueue(processingGroup)
                .orElseThrow(() -> new IllegalArgumentException("No dead-letter queue for " + processingGroup));
    }

    private SequencedDeadLetterProcessor<EventMessage<?>> processor(String processingGroup) {
        return processing.sequencedDeadLetterProcessor(processingGroup)
                .orElseThrow(() -> new IllegalArgumentException("No dead-letter queue for " + processingGroup));
    }

    /** The sequence an event belongs to under Axon's default policy: its aggregate, else the event itself. */
    static String sequenceOf(EventMessage<?> event) {
        return event instanceof DomainEventMessage<?> domain && domain.getAggregateIdentifier() != null
                ? domain.getAggregateIdentifier() : event.getIdentifier();
    }

    public record Sequence(String processingGroup, String sequenceIdentifier, List<Letter> letters) {
    }

    public record Letter(String sequenceIdentifier, String eventIdentifier, String eventType,
                         String aggregateIdentifier, Long sequenceNumber, Instant enqueuedAt, Instant lastTouched,
                         String causeType, String causeMessage) {

        static Letter of(DeadLetter<? extends EventMessage<?>> letter) {
            EventMessage<?> event = letter.message();
            DomainEventMessage<?> domain = event instanceof DomainEventMessage<?> d ? d : null;
            return new Letter(sequenceOf(event), event.getIdentifier(), event.getPayloadType().getSimpleName(),
                    domain == null ? null : domain.getAggregateIdentifier(),
                    domain == null ? null : domain.getSequenceNumber(), letter.enqueuedAt(), letter.lastTouched(),
                    letter.cause().map(cause -> cause.type()).orElse(null),
                    letter.cause().map(cause -> cause.message()).orElse(null));
        }
    }

    /** {@code sequences} tried, {@code succeeded} fully handled, {@code remaining} letters still parked. */
    public record Retried(long sequences, long succeeded, long remaining) {
    }
}
