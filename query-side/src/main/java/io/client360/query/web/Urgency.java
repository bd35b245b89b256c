package io.client360.query.web;

/**
 * How open work is ordered by its priority, in one place for every list that does: {@link #CRITICAL_FIRST} (the
 * contact 360's service requests: CRITICAL ones, then the most recently updated) and {@link #MOST_URGENT_FIRST}
 * (queues: CRITICAL, HIGH, MEDIUM, LOW, then the oldest). SQL sort keys over an {@code priority} column.
 */
public final class Urgency {

    public static final String CRITICAL_FIRST = "CASE WHEN priority = 'CRITICAL' THEN 0 ELSE 1 END";
    public static final String MOST_URGENT_FIRST =
            "CASE priority WHEN 'CRITICAL' THEN 0 WHEN 'HIGH' THEN 1 WHEN 'MEDIUM' THEN 2 ELSE 3 END";

    private Urgency() {
    }
}
