package io.client360.testing;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Gives a Spring test context its own fresh PostgreSQL database, and drops it once the context has
 * closed: {@code @ContextConfiguration(initializers = FreshPostgresDatabase.class)}.
 */
public class FreshPostgresDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        PostgresTestDatabase database = PostgresTestDatabase.create(
                context.getEnvironment().getProperty("spring.config.name", "test").replace('-', '_'));
        TestPropertyValues.of(database.springProperties()).applyTo(context);
        // registered before any other bean, so destroyed after all of them (the connection pool included)
        ((DefaultSingletonBeanRegistry) context.getBeanFactory())
                .registerDisposableBean("freshPostgresDatabase", (DisposableBean) database::close);
    }
}
