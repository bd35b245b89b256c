package io.client360.platform.eventstore;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Appends announced through PostgreSQL's {@code LISTEN}/{@code NOTIFY}, so that the other side's store producer reads
 * new events when they commit instead of polling every few milliseconds for them. The store announces them itself: a
 * trigger on its events table runs {@code NOTIFY client360_events} for every statement that appends (PostgreSQL
 * delivers it at the commit, once per transaction; event store migration V4), so an append costs its writer no round
 * trip of its own. One thread per side holds a connection that listens, and wakes the store when an append committed,
 * at most once every {@code client360.eventstore.fetch-delay-ms}: the appends of that interval are read together. A
 * side is also told of its own appends, which its commits woke it for already: at most one read more per interval.
 * <p>
 * Active on PostgreSQL with {@code client360.eventstore.notifications} on (the default); elsewhere (the embedded H2
 * database) nothing is listened for and the store polls every {@code client360.eventstore.fetch-delay-ms} as before.
 * The poll stays as a safety net while notifications are active, every
 * {@code client360.eventstore.notified-fetch-delay-ms}: a lost listening connection is reopened, and until then the
 * poll finds what was missed.
 */
public class StoreNotifications implements SmartLifecycle {

    static final String CHANNEL = "client360_events";
    private static final Logger log = LoggerFactory.getLogger(StoreNotifications.class);
    private static final int WAIT_MS = 1_000;

    private final DataSource dataSource;
    private final boolean active;
    private final long coalesceMs;
    private volatile Runnable wake = () -> {
    };
    private volatile boolean running;
    private Thread listener;

    StoreNotifications(DataSource dataSource, boolean enabled, long coalesceMs) {
        this.dataSource = dataSource;
        this.coalesceMs = coalesceMs;
        this.active = enabled && isPostgres(dataSource);
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isWrapperFor(PGConnection.class);
        } catch (SQLException unknown) {
            return false;
        }
    }

    /** Whether appends are announced and listened for (PostgreSQL). */
    public boolean active() {
        return active;
    }

    /** What to do when an append committed. */
    void onAppended(Runnable wake) {
        this.wake = wake;
    }

    @Override
    public void start() {
        if (!active) {
            return;
        }
        running = true;
        listener = new Thread(this::listen, "event-store-listener");
        listener.setDaemon(true);
        listener.start();
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + CHANNEL);
                if (!connection.getAutoCommit()) {
                    connection.commit();
                }
                PGConnection postgres = connection.unwrap(PGConnection.class);
                // whatever was appended while this connection was not yet listening, the store reads now
                wake.run();
                while (running) {
                    PGNotification[] notifications = postgres.getNotifications(WAIT_MS);
                    if (notifications != null && notifications.length > 0) {
                        wake.run();
                        // the appends that commit meanwhile are read together by the next wake: at most one read
                        // per interval however many commits there are
                        pause(coalesceMs);
                    }
                }
            } catch (SQLException | RuntimeException lost) {
                if (running) {
                    log.warn("Listening for appended events failed ({}); the store polls until it listens again",
                            lost.getMessage());
                    pause(WAIT_MS);
                }
            }
        }
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
