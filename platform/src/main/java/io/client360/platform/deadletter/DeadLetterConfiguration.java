package io.client360.platform.deadletter;

import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;

/**
 * The dead-letter admin API of a side. The queues themselves are Axon's JDBC ones, switched on per processing group
 * with {@code axon.eventhandling.processors.<group>.dlq.enabled}, in the {@code deadletterentry} table.
 */
@Configuration(proxyBeanMethods = false)
public class DeadLetterConfiguration {

    @Bean
    DeadLetters deadLetters(EventProcessingConfiguration processing) {
        return new DeadLetters(processing);
    }

    @Bean
    DeadLetterController deadLetterController(DeadLetters deadLetters) {
        return new DeadLetterController(deadLetters);
    }

    @Bean
    DeferredWrites deferredWrites(JdbcTemplate jdbc) {
        return new DeferredWrites(jdbc);
    }

    @Bean
    SavepointsAfterFailure savepointsAfterFailure(DataSource dataSource, Environment environment) {
        return new SavepointsAfterFailure(dataSource, environment);
    }
}
