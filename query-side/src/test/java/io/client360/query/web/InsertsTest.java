package io.client360.query.web;

import io.client360.testing.PostgresTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import javax.sql.DataSource;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The projections' idempotent insert on both databases: a row whose key exists is skipped, in a JDBC batch too, and
 * on PostgreSQL a batch goes as multi-row inserts when the driver rewrites batches (the "postgres" profile's
 * {@code reWriteBatchedInserts}), value expressions with parameters of their own included.
 */
class InsertsTest {

    private static PostgresTestDatabase database;

    @BeforeAll
    static void database() {
        database = PostgresTestDatabase.create("inserts");
    }

    @AfterAll
    static void drop() {
        database.close();
    }

    @Test
    void aBatchOnPostgresWithRewrittenInsertsSkipsTheRowsThatExistAndTheRepeatsWithinTheBatch() throws Exception {
        DriverManagerDataSource postgres = new DriverManagerDataSource(database.url() + "?reWriteBatchedInserts=true",
                database.username(), "");
        assertSkipsExistingRows(postgres);
        assertThat(new Inserts(postgres).ifAbsent("entry", "id, body", "id").sql()).contains("ON CONFLICT (id) DO NOTHING");
    }

    @Test
    void aBatchOnPostgresSentRowByRowSkipsTheRowsThatExist() throws Exception {
        assertSkipsExistingRows(new DriverManagerDataSource(database.url(), database.username(), ""));
    }

    @Test
    void aBatchOnH2SkipsTheRowsThatExist() throws Exception {
        SingleConnectionDataSource h2 = new SingleConnectionDataSource("jdbc:h2:mem:inserts-" + UUID.randomUUID(),
                "sa", "", true);
        assertSkipsExistingRows(h2);
        assertThat(new Inserts(h2).ifAbsent("entry", "id, body", "id").sql()).contains("WHERE NOT EXISTS");
        h2.destroy();
    }

    @Test
    void theKeyIsBoundAgainOnlyWhereTheStatementReadsIt() {
        assertThat(new Inserts(true).ifAbsent("entry", "id, body", "id").params("k", "body"))
                .containsExactly("k", "body");
        assertThat(new Inserts(false).ifAbsent("entry", "id, body", "id").params("k", "body"))
                .containsExactly("k", "body", "k");
        assertThat(new Inserts(true).ifAbsent("pair", "a, b", "a, b").params("x", "y"))
                .containsExactly("x", "y");
        assertThat(new Inserts(false).ifAbsent("pair", "owner, a, b", "(SELECT o FROM t WHERE p = ? AND q = ?), ?, ?",
                "b, a").params("p", "q", "x", "y")).containsExactly("p", "q", "x", "y", "y", "x");
    }

    @Test
    void aKeyColumnThatIsNotBoundAsAPlainParameterIsRefusedWhenTheInsertIsMade() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> new Inserts(false)
                .ifAbsent("entry", "id, body", "lower(?), ?", "id"));
    }

    private static void assertSkipsExistingRows(DataSource dataSource) throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        String table = "entry_" + UUID.randomUUID().toString().substring(0, 8);
        String owners = "owner_" + table;
        jdbc.execute("CREATE TABLE " + owners + " (item VARCHAR(20) PRIMARY KEY, owner VARCHAR(20))");
        jdbc.execute("CREATE TABLE " + table + " (id VARCHAR(20) PRIMARY KEY, body VARCHAR(20), owner VARCHAR(20))");
        jdbc.update("INSERT INTO " + owners + " VALUES ('i', 'ann')");
        Inserts.Insert insert = new Inserts(dataSource).ifAbsent(table, "id, body, owner",
                "?, ?, (SELECT owner FROM " + owners + " WHERE item = ?)", "id");
        jdbc.update(insert.sql(), insert.params("a", "first", "i"));

        jdbc.batchUpdate(insert.sql(), List.of(insert.params("a", "again", "i"), insert.params("b", "new", "i"),
                insert.params("c", "new", "x"), insert.params("b", "repeated", "i")));

        assertThat(jdbc.queryForList("SELECT id || ':' || body || ':' || COALESCE(owner, '-') FROM " + table
                + " ORDER BY id", String.class)).containsExactly("a:first:ann", "b:new:ann", "c:new:-");
    }
}
