package io.client360.command.config;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * The command-side lookup tables (routing, client domains, contact identity and standing, contracts,
 * the inquiry registry) are written by subscribing processors in the unit of work that appends the
 * events. Their failures must roll that unit of work back, so they propagate instead of being logged
 * and skipped (Axon's default for event handlers). The entitlement policy propagates too: its streaming
 * processor then retries the event instead of skipping it, and so does the mail policy.
 */
@Configuration
class LookupTableConfiguration {

    static final List<String> SAME_TRANSACTION_GROUPS = List.of("routing-table", "client-lookup", "contact-lookup", "contract-lookup",
            "inquiry-registry", "asset-lookup", "billing-lookup", "entitlement-policy", "assignment-lookup", "assignment-policy", "mail");

    @Autowired
    void propagateFailures(EventProcessingConfigurer processing) {
        for (String group : SAME_TRANSACTION_GROUPS) {
            processing.registerListenerInvocationErrorHandler(group, configuration -> PropagatingErrorHandler.instance());
        }
    }
}
