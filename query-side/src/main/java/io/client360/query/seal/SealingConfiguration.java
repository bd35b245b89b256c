package io.client360.query.seal;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * The sealing processor never skips an event: a failure fails its batch, which is retried (a skipped event would be
 * a gap in the log's order); it has no dead-letter queue for the same reason.
 */
@Configuration
class SealingConfiguration {

    @Autowired
    void retryNeverSkip(EventProcessingConfigurer processing) {
        processing.registerListenerInvocationErrorHandler(SealingProcessor.PROCESSING_GROUP,
                configuration -> PropagatingErrorHandler.instance());
    }
}
