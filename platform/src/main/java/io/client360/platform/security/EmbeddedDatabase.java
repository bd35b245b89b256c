package io.client360.platform.security;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Whether this process runs on the embedded H2 database, decided from the data source it uses (not from a profile
 * name): development conveniences (dev tokens, a generated secret) exist only there.
 */
public final class EmbeddedDatabase {

    private EmbeddedDatabase() {
    }

    public static boolean inUse(Environment environment) {
        String url = environment.getProperty("spring.datasource.url", "");
        return url.startsWith("jdbc:h2:");
    }

    /** Development tokens are handed out: the embedded database is in use and they are not switched off. */
    public static boolean devTokens(Environment environment) {
        return inUse(environment) && environment.getProperty("client360.security.dev-tokens", Boolean.class, true);
    }

    /** {@link #devTokens} as a condition on beans. */
    public static final class DevTokensEnabled implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return devTokens(context.getEnvironment());
        }
    }
}
