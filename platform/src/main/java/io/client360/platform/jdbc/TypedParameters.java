package io.client360.platform.jdbc;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.PreparedStatementSetter;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Binds the parameters of the statements a projection sends for every event: strings, longs, integers, booleans and
 * decimals with the driver's own setter for the type, times with its {@code setObject} (where Spring's path ends for
 * them too), a {@link Null} with {@code setNull} of its type, anything else (untyped nulls) as Spring's
 * {@code JdbcTemplate} binds it. The same values reach the driver as
 * through {@code JdbcTemplate.update(sql, args)}; what goes is Spring's generic path for every parameter (its logging
 * checks and the driver's {@code setObject} type dispatch), which was 10 to 13 % of the query side's samples in a
 * rebuild and in an admin replay (JFR, 27 Nov: {@code StatementCreatorUtils.setParameterValueInternal} and
 * {@code HikariProxyPreparedStatement.setObject} own).
 */
public final class TypedParameters {

    private TypedParameters() {
    }

    /** One statement's parameters. */
    public static PreparedStatementSetter of(Object[] values) {
        return statement -> bind(statement, values);
    }

    /** A batch of one statement, one row of parameters for each execution. */
    public static BatchPreparedStatementSetter ofBatch(List<Object[]> rows) {
        return new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement statement, int row) throws SQLException {
                bind(statement, rows.get(row));
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        };
    }

    /** A null of a known SQL type ({@link java.sql.Types}), bound with the driver's {@code setNull}. */
    public record Null(int sqlType) {
    }

    static void bind(PreparedStatement statement, Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            int index = i + 1;
            if (value instanceof String text) {
                statement.setString(index, text);
            } else if (value instanceof Long number) {
                statement.setLong(index, number);
            } else if (value instanceof Integer number) {
                statement.setInt(index, number);
            } else if (value instanceof Boolean flag) {
                statement.setBoolean(index, flag);
            } else if (value instanceof BigDecimal decimal) {
                statement.setBigDecimal(index, decimal);
            } else if (value instanceof Null typed) {
                statement.setNull(index, typed.sqlType());
            } else if (value instanceof OffsetDateTime || value instanceof LocalDate) {
                // Spring's generic path ends here for these (a replay's samples, 27 Nov: its own frames 6 %)
                statement.setObject(index, value);
            } else {
                StatementCreatorUtils.setParameterValue(statement, index, SqlTypeValue.TYPE_UNKNOWN, value);
            }
        }
    }
}
