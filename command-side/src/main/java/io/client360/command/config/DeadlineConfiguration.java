package io.client360.command.config;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;

/**
 * Persistent deadlines: a db-scheduler {@link Scheduler} over the application's database. Axon's
 * auto-configuration sees the bean and wires its {@code DbSchedulerDeadlineManager}; the tasks come
 * from there too. The data source is transaction-aware, so a deadline is scheduled in the same
 * transaction as the events that opened it.
 */
@Configuration
class DeadlineConfiguration {

    @Bean
    Scheduler deadlineScheduler(DataSource dataSource, List<Task<?>> tasks,
                                @Value("${client360.deadlines.polling-interval:PT1S}") Duration pollingInterval,
                                @Value("${client360.deadlines.threads:4}") int threads) {
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), tasks)
                .pollingInterval(pollingInterval)
                .threads(threads)
                .shutdownMaxWait(Duration.ofSeconds(5))
                .build();
    }

    /** Starts polling once everything else (Axon included) runs; stops first on shutdown. */
    @Bean
    SmartLifecycle deadlineSchedulerLifecycle(Scheduler scheduler) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                scheduler.start();
                running = true;
            }

            @Override
            public void stop() {
                scheduler.stop();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            @Override
            public int getPhase() {
                return Integer.MAX_VALUE - 10;
            }
        };
    }
}
