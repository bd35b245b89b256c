package db.query;

import io.client360.platform.jdbc.PostgresOnlyMigration;

import java.util.List;

/**
 * On PostgreSQL, a group's queue is read from one index in the order it is shown: the open inquiries alone (a partial
 * index), most urgent first (the queue's own ordering expression), then oldest, with every column the queue shows, so
 * the read needs neither a sort nor, where the table's pages are all-visible, its rows. The read found the group's
 * rows through {@code (assignment_group, status)}, fetched each and sorted them. Nothing on H2, which has neither
 * partial nor expression indexes.
 */
public class V27__queues_in_their_order extends PostgresOnlyMigration {

    @Override
    protected List<String> statements() {
        // the expression is Urgency.MOST_URGENT_FIRST's as the queue reads it (QueueOrderTest); the queue's
        // "status NOT IN ('RESOLVED', 'CLOSED')" implies the condition, which, written out, reads back as written (the
        // IN list's array did not, and a rebuild's copy of the index would differ)
        return List.of("CREATE INDEX inquiry_view_queue ON inquiry_view (assignment_group, (CASE priority "
                + "WHEN 'CRITICAL' THEN 0 WHEN 'HIGH' THEN 1 WHEN 'MEDIUM' THEN 2 ELSE 3 END), created_at, id) "
                + "INCLUDE (client_id, subject, status, priority, assignee_id) "
                + "WHERE status <> 'RESOLVED' AND status <> 'CLOSED'");
    }
}
