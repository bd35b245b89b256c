package io.client360.platform;

import io.client360.kernel.upcasting.InquiryClosedUpcaster;
import io.client360.platform.deadletter.DeadLetterConfiguration;
import io.client360.platform.eventstore.EventStoreConfiguration;
import io.client360.platform.eventstore.EventStoreMigrations;
import io.client360.platform.messaging.ActorCorrelationDataProvider;
import io.client360.platform.metrics.MetricsConfiguration;
import io.client360.platform.security.TokenSecurityConfiguration;
import io.client360.platform.web.NulRejectingStrings;
import io.client360.platform.web.ProblemDetailsAdvice;
import io.client360.platform.web.ProblemErrorController;
import io.client360.platform.web.ProblemErrorReportValve;
import io.client360.platform.web.RequestSizeLimitFilter;
import io.client360.platform.web.StrictJson;
import io.client360.platform.ratelimit.RateLimitConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.apache.catalina.core.StandardHost;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/**
 * Infrastructure both sides share: event store schema, message metadata, serializer settings, HTTP errors.
 * <p>
 * It also fixes the order of auto-configuration: Axon 4.13's JDBC and transaction auto-configurations
 * are conditional on a {@code DataSource} and a {@code PlatformTransactionManager} bean but are not
 * ordered after Spring Boot 4's (relocated) JDBC auto-configurations, so without this they would see
 * neither and fall back to no event store and a no-op transaction manager.
 */
@AutoConfiguration(
        after = {DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class},
        beforeName = {"org.axonframework.springboot.autoconfig.JdbcAutoConfiguration",
                "org.axonframework.springboot.autoconfig.TransactionAutoConfiguration",
                "org.axonframework.springboot.autoconfig.NoOpTransactionAutoConfiguration",
                "org.axonframework.springboot.autoconfig.AxonAutoConfiguration",
                "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration"})
@Import({ProblemDetailsAdvice.class, TokenSecurityConfiguration.class, RateLimitConfiguration.class, EventStoreConfiguration.class,
        DeadLetterConfiguration.class, MetricsConfiguration.class, ProblemErrorController.class})
public class PlatformAutoConfiguration {

    @Bean
    FlywayMigrationStrategy eventStoreFirstMigrationStrategy() {
        return new EventStoreMigrations();
    }

    @Bean
    @ConditionalOnProperty(name = "client360.messages.correlated", havingValue = "true", matchIfMissing = true)
    CorrelationDataProvider actorCorrelationDataProvider() {
        return new ActorCorrelationDataProvider();
    }

    /**
     * For a side whose handlers send no messages (the query side): no correlation data. Axon gathers it for every
     * message a processor handles, to stamp on what the handler might send, and Axon's default provider (which this
     * one replaces) and {@link ActorCorrelationDataProvider} both read the message's metadata for it, deserializing
     * every event's metadata for nothing (rebuild of 1.13 M events, JFR: 7 % of the query side's samples).
     */
    @Bean
    @ConditionalOnProperty(name = "client360.messages.correlated", havingValue = "false")
    CorrelationDataProvider noCorrelationData() {
        return message -> java.util.Map.of();
    }

    /**
     * Tolerant reader: an event stored with a field that no longer exists still deserializes. And the
     * polymorphic fields of Axon's own tokens (a {@code ReplayToken}'s {@code Object} context, which a processor
     * reset for a replay starts with, and every processor created before {@code PlainInitialTokens}) are allowed
     * for Axon's and client360's types only: Jackson 3's default validator refuses {@code Object} and would leave such a
     * processor unable to load its token.
     */
    @Bean
    Jackson3SerializerCustomizer tolerantEventReader() {
        return builder -> builder.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
                        .allowIfSubType("org.axonframework.")
                        .allowIfSubType("io.client360.")
                        .allowIfSubType("java.util.")
                        .allowIfSubType("java.lang.")
                        .build());
    }

    /** Stored events of an older shape are read in their current shape (both sides load and project them). */
    @Bean
    InquiryClosedUpcaster inquiryClosedUpcaster() {
        return new InquiryClosedUpcaster();
    }

    /** Strings of request bodies never carry a NUL (PostgreSQL cannot store one): 400 at the edge. */
    @Bean
    JacksonModule nulRejectingStrings() {
        return NulRejectingStrings.module();
    }

    /** Which URLs webhooks may call (checked on subscription and before every delivery). */
    @Bean
    io.client360.platform.webhook.WebhookTargets webhookTargets(
            @org.springframework.beans.factory.annotation.Value("${client360.webhooks.allowed-hosts:}") String hosts) {
        return new io.client360.platform.webhook.WebhookTargets(hosts);
    }

    /** Every operation's error answers, documented as the shared problem schema. */
    @Bean
    org.springdoc.core.customizers.OpenApiCustomizer problemsInOpenApi() {
        return new io.client360.platform.web.ProblemsInOpenApi();
    }

    /** Enums by name only, no duplicate keys (400 instead of "last one wins"). */
    @Bean
    JsonMapperBuilderCustomizer strictJson() {
        return StrictJson.customizer();
    }

    /** Dates and instants of request bodies are ISO-8601 strings, never arrays or numbers. */
    @Bean
    JacksonModule datesAsText() {
        return StrictJson.datesAsText();
    }

    /** What Tomcat refuses before any servlet runs answers problem+json too. */
    @Bean
    TomcatContextCustomizer problemErrorReports() {
        return context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        };
    }

    @Bean
    io.client360.platform.web.RequestIds requestIds() {
        return new io.client360.platform.web.RequestIds();
    }

    @Bean
    RequestSizeLimitFilter requestSizeLimitFilter() {
        return new RequestSizeLimitFilter(RequestSizeLimitFilter.DEFAULT_LIMIT_BYTES);
    }
}
