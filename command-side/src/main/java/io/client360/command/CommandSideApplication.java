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
    private static final String MAIL_STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    public static void main(String[] args) {
        builder().run(args);
    }

    public static SpringApplicationBuilder builder() {
        // Jakarta Mail 2.1 looks its stream provider up with a ServiceLoader, through the whole classpath, for every
        // body part it makes (jakartaee/mail-api#861) unless this names it: then it is one class lookup
        if (System.getProperty(MAIL_STREAM_PROVIDER) == null) {
            System.setProperty(MAIL_STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
        return new SpringApplicationBuilder(CommandSideApplication.class).properties("spring.config.name=" + CONFIG_NAME);
    }
}
