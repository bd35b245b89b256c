package io.client360.query;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The read side: projections fed by the event store, and the read API (port 8081). */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class QuerySideApplication {

    /** Its settings live in query-side.yml, so both sides can share one classpath (system tests) without clashing. */
    public static final String CONFIG_NAME = "query-side";

    public static void main(String[] args) {
        builder().run(args);
    }

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(QuerySideApplication.class).properties("spring.config.name=" + CONFIG_NAME);
    }
}
