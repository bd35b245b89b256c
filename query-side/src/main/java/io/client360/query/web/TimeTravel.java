package io.client360.query.web;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads an aggregate's view as it was at an instant: inside a transaction that is always rolled back,
 * it forgets the aggregate's rows, folds the aggregate's events up to the instant through the very
 * projection that builds the live view (its annotated handlers), and reads with the live view's query.
 * One implementation, so the past and the present cannot drift apart; nothing is ever committed.
 */
@Component
public class TimeTravel {

    private final Folding folding;
    private final TransactionTemplate transactions;

    TimeTravel(Folding folding, PlatformTransactionManager transactionManager) {
        this.folding = folding;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** The view {@code read} answers once the projection's rows hold the aggregate as of {@code asOf}. */
    public <T> Optional<T> asOf(String aggregateId, Instant asOf, Rebuildable projection, Supplier<Optional<T>> read) {
        return transactions.execute(status -> {
            status.setRollbackOnly();
            boolean existed = folding.refold(aggregateId, projection, asOf) > 0;
            return existed ? read.get() : Optional.<T>empty();
        });
    }
}
