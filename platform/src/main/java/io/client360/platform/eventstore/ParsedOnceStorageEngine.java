package io.client360.platform.eventstore;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.axonframework.common.jdbc.JdbcUtils.executeQuery;

/**
 * Axon's JDBC storage engine, reading each event's stored timestamp once and fast ({@link StoredTimestamps}):
 * Axon's own rows parse the text on every {@code getTimestamp()}, once for the gap check as a row is read and again
 * when the message is made, in every processor that reads it. A batch read by one processor behind the head is shared
 * with the others that read the same stretch, as messages made once ({@link SharedBatches}, {@link #readEvents}). The rows are otherwise built exactly as Axon
 * builds them, with the same gap rules ({@link #LOWEST_GLOBAL_SEQUENCE}, {@link #MAX_GAP_OFFSET}, {@link #GAP_TIMEOUT_MS},
 * which {@link EventStoreConfiguration} also gives the builder).
 * <p>
 * A read asks for the next events by position ({@code globalIndex > ? ORDER BY globalIndex LIMIT ?}) instead of Axon's
 * window of positions ({@code globalIndex <= index + batchSize}), in one statement outside a transaction. Axon's window
 * comes back empty when more than a batch of positions ahead were never committed, so Axon checks for that with a
 * second query, in a transaction, after every read that found nothing, which is most of a tailing producer's reads.
 * A token holding more than {@link #GAP_CLEANING_THRESHOLD} gaps is read Axon's way, which first drops the gaps that
 * timed out. The store's producer (a read that {@code mayBlock}) stops at a batch shorter than asked for: that is the
 * head, and the producer asks again at once after a read that found events, so reading on found nothing twice.
 */
class ParsedOnceStorageEngine extends JdbcEventStorageEngine {

    static final long LOWEST_GLOBAL_SEQUENCE = 1;
    static final int MAX_GAP_OFFSET = 10_000;
    static final int GAP_TIMEOUT_MS = 60_000;
    /** Axon's default: a token with more gaps than this is read Axon's way, which first drops those timed out. */
    static final int GAP_CLEANING_THRESHOLD = 250;
    /** A kept batch is shared for this long at most: long enough for processors some seconds apart. */
    static final long SHARED_BATCH_MAX_AGE_MS = 30_000;
    /** How long a processor behind the head waits at most, per batch, for slower ones to come closer. */
    static final long LONGEST_WAIT_IN_STEP_MS = 100;

    private final EventSchema schema;
    private final SharedBatches<Batch> batches;
    /** Null when no batches are shared: there is then nothing to keep in step for. */
    private final ReadersInStep inStep;

    /**
     * @param sharedEvents how many events the batches read by processors behind the head may hold, to be shared by
     *                     the processors that read the same stretch ({@link SharedBatches}); 0 shares none
     */
    ParsedOnceStorageEngine(Builder builder, EventSchema schema, int sharedEvents) {
        super(builder.lowestGlobalSequence(LOWEST_GLOBAL_SEQUENCE).maxGapOffset(MAX_GAP_OFFSET)
                .gapTimeout(GAP_TIMEOUT_MS).gapCleaningThreshold(GAP_CLEANING_THRESHOLD)
                .extendedGapCheckEnabled(false).schema(schema));
        this.schema = schema;
        this.batches = new SharedBatches<>(sharedEvents, SHARED_BATCH_MAX_AGE_MS, Batch::stored);
        this.inStep = sharedEvents <= 0 ? null
                : new ReadersInStep(sharedEvents / 2, 4L * sharedEvents, LONGEST_WAIT_IN_STEP_MS);
    }

    /** An aggregate whose last event this engine appended was numbered below this has never been snapshotted. */
    static final long SMALLER_THAN_ANY_SNAPSHOT = 50;
    /** How many such aggregates are remembered, the least recently appended to forgotten first. */
    static final int REMEMBERED_SMALL_AGGREGATES = 100_000;

    /**
     * The aggregates this engine last appended to below {@link #SMALLER_THAN_ANY_SNAPSHOT} events (and none snapshotted
     * since by it): loading one asks for no snapshot. No aggregate is snapshotted before 100 events (the snapshot
     * thresholds), so none of these can have one, unless other processes appended to it since, and then its events
     * are all read from the first: the same aggregate, read the long way. Every load of an aggregate missing from the
     * cache asked for its snapshot first and found none (0.6-0.7 statements per command of the write benchmark). With a
     * snapshot threshold configured below 50 (tests do), such an aggregate's snapshot is not used by this process.
     */
    private final java.util.Map<String, Boolean> small = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<String, Boolean> eldest) {
                    return size() > REMEMBERED_SMALL_AGGREGATES;
                }
            });

    @Override
    public void appendEvents(@jakarta.annotation.Nonnull List<? extends EventMessage<?>> events) {
        super.appendEvents(events);
        for (EventMessage<?> event : events) {
            if (event instanceof DomainEventMessage<?> domain && domain.getAggregateIdentifier() != null) {
                if (domain.getSequenceNumber() < SMALLER_THAN_ANY_SNAPSHOT) {
                    small.put(domain.getAggregateIdentifier(), Boolean.TRUE);
                } else {
                    small.remove(domain.getAggregateIdentifier());
                }
            }
        }
    }

    @Override
    public void storeSnapshot(@jakarta.annotation.Nonnull DomainEventMessage<?> snapshot) {
        small.remove(snapshot.getAggregateIdentifier());
        super.storeSnapshot(snapshot);
    }

    @Override
    public java.util.Optional<DomainEventMessage<?>> readSnapshot(
            @jakarta.annotation.Nonnull String aggregateIdentifier) {
        return small.containsKey(aggregateIdentifier) ? java.util.Optional.empty()
                : super.readSnapshot(aggregateIdentifier);
    }

    /**
     * An aggregate's events are read in windows of sequence numbers ({@code sequenceNumber >= first AND < first +
     * batchSize}); its numbers have no gaps (events are never deleted, a snapshot only moves the start), so a window
     * with fewer events than it spans is the last. Axon's JDBC engine reads on until a window comes back empty: a
     * second statement for every aggregate of fewer than a batch of events (about 0.7 statements per command under the
     * write benchmark, where most commands load their inquiry).
     */
    @Override
    protected boolean fetchForAggregateUntilEmpty() {
        return false;
    }

    @Override
    @SuppressWarnings("unchecked")
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        GapAwareTrackingToken after = (GapAwareTrackingToken) lastToken;
        if (after != null && after.getGaps().size() > GAP_CLEANING_THRESHOLD) {
            return super.fetchTrackedEvents(lastToken, batchSize);
        }
        return executeQuery(getConnection(), connection -> readEventData(connection, after, batchSize), rows -> {
            List<TrackedEventData<?>> events = new ArrayList<>();
            GapAwareTrackingToken previous = after;
            while (rows.next()) {
                TrackedEventData<?> event = getTrackedEventData(rows, previous);
                events.add(event);
                previous = (GapAwareTrackingToken) event.trackingToken();
            }
            return events;
        }, e -> new EventStoreException("Failed to read events from token [" + lastToken + "]", e));
    }

    /**
     * The store as batches of messages. A stream that does not block (a processor behind the head reading on its own)
     * reads shared batches ({@link SharedBatches}): the events of a batch are upcast and made into messages once, for
     * every processor that reads that stretch, and each payload is deserialized once, by the first processor that
     * handles it; it ends at the first batch that finds nothing, as Axon's does. Such streams are kept in step
     * ({@link ReadersInStep}), so that they read the same stretches. The store's producer (a stream that
     * {@code mayBlock}) reads for itself and also ends after a batch shorter than asked for: see the class comment.
     */
    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        ReadersInStep.Reader reader = mayBlock || inStep == null ? null : inStep.join(positionOf(trackingToken));
        Function<TrackingToken, Batch> read = reader == null ? this::batchAfter : after -> {
            reader.before(positionOf(after));
            return batches.after(after, () -> batchAfter(after));
        };
        Spliterator<TrackedEventMessage<?>> events = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE,
                Spliterator.ORDERED | Spliterator.NONNULL) {
            private TrackingToken last = trackingToken;
            private Iterator<TrackedEventMessage<?>> batch = Collections.emptyIterator();
            private boolean atHead;

            @Override
            public boolean tryAdvance(Consumer<? super TrackedEventMessage<?>> action) {
                while (!batch.hasNext()) {
                    if (atHead) {
                        return false;
                    }
                    Batch next = read.apply(last);
                    if (next.stored() == 0) {
                        return false;
                    }
                    // shorter than asked for: fewer events than that lay past the position
                    atHead = mayBlock && next.stored() < batchSize();
                    last = next.lastToken();
                    batch = next.messages().iterator();
                }
                action.accept(batch.next());
                return true;
            }
        };
        Stream<TrackedEventMessage<?>> stream = StreamSupport.stream(events, false);
        return reader == null ? stream : stream.onClose(reader::close);
    }

    private static long positionOf(TrackingToken token) {
        return token == null ? 0 : token.position().orElse(0);
    }

    /**
     * The stored events after {@code token}, upcast and made into messages; {@code lastToken} is the last stored
     * event's, whatever the upcasters made of it.
     */
    private Batch batchAfter(TrackingToken token) {
        List<? extends TrackedEventData<?>> stored = fetchTrackedEvents(token, batchSize());
        List<TrackedEventMessage<?>> messages = EventUtils.upcastAndDeserializeTrackedEvents(stored.stream(),
                getEventSerializer(), upcasterChain).toList();
        return new Batch(stored.size(), stored.isEmpty() ? token : stored.get(stored.size() - 1).trackingToken(),
                messages);
    }

    /** A batch of the store as the processors behind the head share it. */
    record Batch(int stored, TrackingToken lastToken, List<TrackedEventMessage<?>> messages) {
    }

    /**
     * The next {@code batchSize} events after the token's position, and those at its gaps that have been committed
     * since.
     */
    @Override
    protected PreparedStatement readEventData(Connection connection, TrackingToken lastToken, int batchSize)
            throws SQLException {
        GapAwareTrackingToken after = (GapAwareTrackingToken) lastToken;
        List<Long> gaps = after == null ? List.of() : List.copyOf(after.getGaps());
        String position = schema.globalIndexColumn();
        String select = "SELECT " + schema.trackedEventFields() + " FROM " + schema.domainEventTable() + " WHERE ";
        String next = select + position + " > ? ORDER BY " + position + " LIMIT ?";
        PreparedStatement statement = connection.prepareStatement(gaps.isEmpty() ? next
                : "(" + select + position + " IN (" + String.join(",", Collections.nCopies(gaps.size(), "?"))
                + ")) UNION ALL (" + next + ") ORDER BY " + position);
        int parameter = 1;
        for (long gap : gaps) {
            statement.setLong(parameter++, gap);
        }
        statement.setLong(parameter++, after == null ? LOWEST_GLOBAL_SEQUENCE - 1 : after.getIndex());
        statement.setInt(parameter, batchSize);
        return statement;
    }

    SharedBatches<Batch> sharedBatches() {
        return batches;
    }

    /** A stored event whose timestamp was parsed as it was read. */
    static final class Row<T> extends GenericDomainEventEntry<T> {

        private final Instant timestamp;

        Row(String type, String aggregateIdentifier, long sequenceNumber, String eventIdentifier, String timestamp,
            String payloadType, String payloadRevision, T payload, T metaData) {
            super(type, aggregateIdentifier, sequenceNumber, eventIdentifier, timestamp, payloadType, payloadRevision,
                    payload, metaData);
            this.timestamp = StoredTimestamps.parse(timestamp);
        }

        @Override
        public Instant getTimestamp() {
            return timestamp;
        }
    }

    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken)
            throws SQLException {
        long globalSequence = resultSet.getLong(schema.globalIndexColumn());
        String aggregateIdentifier = resultSet.getString(schema.aggregateIdentifierColumn());
        String eventIdentifier = resultSet.getString(schema.eventIdentifierColumn());
        Row<Object> event = new Row<>(resultSet.getString(schema.typeColumn()),
                eventIdentifier.equals(aggregateIdentifier) ? null : aggregateIdentifier,
                resultSet.getLong(schema.sequenceNumberColumn()), eventIdentifier,
                String.valueOf(readTimeStamp(resultSet, schema.timestampColumn())),
                resultSet.getString(schema.payloadTypeColumn()), resultSet.getString(schema.payloadRevisionColumn()),
                readPayload(resultSet, schema.payloadColumn()), readPayload(resultSet, schema.metaDataColumn()));
        boolean allowGaps = event.getTimestamp()
                .isAfter(GenericEventMessage.clock.instant().minus(GAP_TIMEOUT_MS, ChronoUnit.MILLIS));
        GapAwareTrackingToken token;
        if (previousToken == null) {
            token = GapAwareTrackingToken.newInstance(globalSequence, globalSequence == 0 ? Collections.emptySortedSet()
                    : LongStream.range(Math.min(LOWEST_GLOBAL_SEQUENCE, globalSequence), globalSequence).boxed()
                    .collect(Collectors.toCollection(TreeSet::new)));
        } else {
            token = previousToken.advanceTo(globalSequence, allowGaps ? MAX_GAP_OFFSET : 0);
        }
        return new TrackedDomainEventData<>(token, event);
    }

    @Override
    protected DomainEventData<?> getDomainEventData(ResultSet resultSet) throws SQLException {
        return new Row<>(resultSet.getString(schema.typeColumn()),
                resultSet.getString(schema.aggregateIdentifierColumn()),
                resultSet.getLong(schema.sequenceNumberColumn()), resultSet.getString(schema.eventIdentifierColumn()),
                String.valueOf(readTimeStamp(resultSet, schema.timestampColumn())),
                resultSet.getString(schema.payloadTypeColumn()), resultSet.getString(schema.payloadRevisionColumn()),
                readPayload(resultSet, schema.payloadColumn()), readPayload(resultSet, schema.metaDataColumn()));
    }
}
