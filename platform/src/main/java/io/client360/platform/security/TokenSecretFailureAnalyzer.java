package io.client360.platform.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A bad token secret ends start-up with one clear "APPLICATION FAILED TO START" message, not a stack trace. */
class TokenSecretFailureAnalyzer extends AbstractFailureAnalyzer<InvalidTokenSecret> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidTokenSecret cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
