package io.client360.platform.eventstore;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * Axon's JDBC storage engine, reading each event's stored timestamp once and fast ({@link StoredTimestamps}):
 * Axon's own rows parse the text on every {@code getTimestamp()}, once for the gap check as a row is read and again
 * when the message is made, in every processor that reads it. A batch read by one processor behind the head is shared
 * with the others that read the same stretch ({@link SharedBatches}). The rows are otherwise built exactly as Axon
 * builds them, with the same gap rules ({@link #LOWEST_GLOBAL_SEQUENCE}, {@link #MAX_GAP_OFFSET}, {@link #GAP_TIMEOUT_MS},
 * which {@link EventStoreConfiguration} also gives the builder).
 */
class ParsedOnceStorageEngine extends JdbcEventStorageEngine {

    static final long LOWEST_GLOBAL_SEQUENCE = 1;
    static final int MAX_GAP_OFFSET = 10_000;
    static final int GAP_TIMEOUT_MS = 60_000;
    /** A kept batch is shared for this long at most: long enough for processors some seconds apart. */
    static final long SHARED_BATCH_MAX_AGE_MS = 30_000;

    private final EventSchema schema;
    private final SharedBatches<TrackedEventData<?>> batches;

    /**
     * @param sharedEvents how many events the batches read by processors behind the head may hold, to be shared by
     *                     the processors that read the same stretch ({@link SharedBatches}); 0 shares none
     */
    ParsedOnceStorageEngine(Builder builder, EventSchema schema, int sharedEvents) {
        super(builder.lowestGlobalSequence(LOWEST_GLOBAL_SEQUENCE).maxGapOffset(MAX_GAP_OFFSET)
                .gapTimeout(GAP_TIMEOUT_MS).schema(schema));
        this.schema = schema;
        this.batches = new SharedBatches<>(sharedEvents, SHARED_BATCH_MAX_AGE_MS);
    }

    @Override
    @SuppressWarnings("unchecked")
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        return batches.after(lastToken, () -> (List<TrackedEventData<?>>) super.fetchTrackedEvents(lastToken, batchSize));
    }

    SharedBatches<TrackedEventData<?>> sharedBatches() {
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
