package io.client360.command.mail;

import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs a round of work on one daemon thread of its own, again and again with a fixed delay, between the start and the
 * stop of the application context. A round that fails is logged by the round itself and tried again next time.
 */
abstract class Periodic implements SmartLifecycle {

    private final String threadName;
    private ScheduledExecutorService scheduler;
    private volatile boolean running;

    Periodic(String threadName) {
        this.threadName = threadName;
    }

    /** Whether it runs at all in this environment. */
    abstract boolean enabled();

    abstract Duration interval();

    /** One round; it must not throw. */
    abstract void round();

    @Override
    public void start() {
        if (!enabled()) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        long interval = Math.max(50, interval().toMillis());
        scheduler.scheduleWithFixedDelay(this::round, Math.min(interval, 2000), interval, TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
