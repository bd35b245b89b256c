package io.client360.command.web;

import io.client360.kernel.ErrorCode;
import io.client360.platform.web.DatabaseOutage;
import io.client360.platform.web.Problems;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.common.AxonTransientException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.axonframework.common.lock.LockAcquisitionFailedException;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Maps what Axon throws while handling a command to the API's problem codes. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CommandErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(CommandErrorAdvice.class);

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(AggregateNotFoundException e) {
        return answer(Problems.of(ErrorCode.NOT_FOUND, "No aggregate with id " + e.getAggregateIdentifier() + "."));
    }

    /** The id names an aggregate of another kind (an inquiry's id used as a contact's): none of this kind. */
    @ExceptionHandler(IncompatibleAggregateException.class)
    ResponseEntity<ProblemDetail> otherKind(IncompatibleAggregateException e) {
        return answer(Problems.of(ErrorCode.NOT_FOUND, "No such aggregate of this kind."));
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ResponseEntity<ProblemDetail> versionConflict(ConflictingAggregateVersionException e) {
        return answer(Problems.of(ErrorCode.VERSION_CONFLICT, "Expected version " + e.getExpectedVersion()
                + " but the aggregate is at version " + e.getActualVersion() + "."));
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> concurrentWrite(ConcurrencyException e) {
        return answer(Problems.of(ErrorCode.CONCURRENT_MODIFICATION,
                "Another change to the same aggregate was stored first; retry."));
    }

    /**
     * Two commands that each hold one aggregate and wait for the other's (crossed merges X←Y and Y←X): Axon breaks
     * the deadlock by failing one. Nothing was stored; the caller may retry. Not an outage.
     */
    @ExceptionHandler({LockAcquisitionFailedException.class, PessimisticLockingFailureException.class})
    ResponseEntity<ProblemDetail> crossed(RuntimeException e) {
        return answer(Problems.of(ErrorCode.CONCURRENT_MODIFICATION,
                "Another change holds an aggregate this command needs; nothing was stored, retry."));
    }

    /** A command handler failed outside the domain's refusals (those reach the edge as they were thrown). */
    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> remoteFailure(CommandExecutionException e) {
        if (causedBy(e, IncompatibleAggregateException.class)) {
            return answer(Problems.of(ErrorCode.NOT_FOUND, "No such aggregate of this kind."));
        }
        if (causedBy(e, LockAcquisitionFailedException.class) || causedBy(e, PessimisticLockingFailureException.class)) {
            return crossed(e);
        }
        if (DatabaseOutage.causes(e)) {
            return storeUnavailable(e);
        }
        log.error("Command failed", e);
        return answer(Problems.of(ErrorCode.INTERNAL_ERROR, "The command failed."));
    }

    @ExceptionHandler({EventStoreException.class, AxonTransientException.class})
    ResponseEntity<ProblemDetail> storeUnavailable(RuntimeException e) {
        log.warn("Event store unavailable: {}", e.getMessage());
        return DatabaseOutage.answer(ProblemDetail.class);
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
