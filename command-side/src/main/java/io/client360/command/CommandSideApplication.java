package io.client360.command;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The write side: aggregates, policies, command-side lookup tables and the write API (port 8080). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CommandSideApplication {

    /** Its settings live in command-side.yml, so both sides can share one classpath (system tests) without clashing. */
    public static final String CONFIG_NAME = "command-side";

    public static void main(String[] args) {
        builder().run(args);
    }

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(CommandSideApplication.class).properties("spring.config.name=" + CONFIG_NAME);
    }
}
