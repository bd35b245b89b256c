package io.client360.query;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

/**
 * PostgreSQL's plan of a read, with the plan types named made all but unaffordable for it ({@code seqscan},
 * {@code bitmapscan}, {@code sort}, …): what is left shows which index can answer the read alone.
 */
public final class Plans {

    private Plans() {
    }

    public static String of(JdbcClient jdbc, PlatformTransactionManager transactions, String sql, Object param,
                            List<String> disabled) {
        return new TransactionTemplate(transactions).execute(status -> {
            for (String planType : disabled) {
                jdbc.sql("SET LOCAL enable_" + planType + " = off").update();
            }
            return String.join("\n", jdbc.sql("EXPLAIN " + sql).param(param).query(String.class).list());
        });
    }
}
