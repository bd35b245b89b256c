package io.client360.command.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Runs a round of work on one daemon thread of its own, again and again with a fixed delay, between the start and the
 * stop of the application context. A round that fails is logged and tried again next time: whatever it throws, an
 * {@link Error} included, never ends the rounds after it (a scheduled task that throws is silently never run again,
 * which once left a benchmark's 50,000 mails unsent without a line in the log).
 */
abstract class Periodic implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Periodic.class);
    /** How long a stop waits for the round under way to end by itself before interrupting it. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final String threadName;
    private ScheduledExecutorService scheduler;
    private volatile boolean running;

    Periodic(String threadName) {
        this.threadName = threadName;
    }

    /** Whether it runs at all in this environment. */
    abstract boolean enabled();

    abstract Duration interval();

    /**
     * One round. It catches the failures it expects (an outage) and says which in its own words; whatever else it
     * throws is logged here, and the next round runs as planned.
     */
    abstract void round();

    @Override
    public void start() {
        if (!enabled()) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(daemonThreads(threadName));
        long interval = Math.max(50, interval().toMillis());
        scheduler.scheduleWithFixedDelay(this::guardedRound, Math.min(interval, 2000), interval, TimeUnit.MILLISECONDS);
        running = true;
    }

    /** Daemon threads of one name: a round's own helpers, and the rounds' thread itself. */
    static ThreadFactory daemonThreads(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    private void guardedRound() {
        try {
            round();
        } catch (Throwable failed) {
            log.error("A round of {} failed; the next one runs as planned", threadName, failed);
        }
    }

    /**
     * No round starts after this; the one under way may end (an interrupted one would fail what it is in the middle
     * of, the recording of mails sent, say, and log it), and is interrupted only if it takes longer than
     * {@link #STOP_WAIT}.
     */
    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdown();
            try {
                if (!scheduler.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    scheduler.shutdownNow();
                }
            } catch (InterruptedException e) {
                scheduler.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
