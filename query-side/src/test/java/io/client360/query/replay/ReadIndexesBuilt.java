package io.client360.query.replay;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;

/**
 * For tests that read a table's indexes on PostgreSQL: a side started on a fresh database builds its processors'
 * read indexes once they have caught up ({@link ReadIndexesAfterCatchUp}), about a second after its start.
 */
public final class ReadIndexesBuilt {

    private ReadIndexesBuilt() {
    }

    public static void await(JdbcClient jdbc) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM deferred_read_index").query(Long.class).single() == 0);
    }
}
