package io.client360.platform.eventstore;

import io.client360.testing.PostgresTestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class StoreNotificationsTest {

    @Test
    void anAppendCommittedByOneProcess_wakesTheStoreOfAnotherThatListens() {
        try (TypeSkippingStreamTest.OpenStore writer = TypeSkippingStreamTest.OpenStore.create("notifications")) {
            PostgresTestDatabase database = writer.database();
            StoreNotifications reader = new StoreNotifications(
                    new DriverManagerDataSource(database.url(), database.username(), ""), true, 10);
            AtomicInteger wakes = new AtomicInteger();
            reader.onAppended(wakes::incrementAndGet);
            reader.start();
            try {
                // the first wake: whatever was appended before it listened is read at once
                await().atMost(Duration.ofSeconds(10)).until(() -> wakes.get() >= 1);
                int before = wakes.get();

                // the writer only appends: the store's table announces it
                TypeSkippingStreamTest.publishCount(writer.store(), 1);

                await().atMost(Duration.ofSeconds(10)).until(() -> wakes.get() > before);
                assertThat(reader.active()).isTrue();
            } finally {
                reader.stop();
            }
        }
    }

    @Test
    void onTheEmbeddedDatabase_nothingIsAnnouncedOrListenedFor() {
        DriverManagerDataSource h2 = new DriverManagerDataSource("jdbc:h2:mem:notifications", "sa", "");
        StoreNotifications notifications = new StoreNotifications(h2, true, 10);
        notifications.start();
        assertThat(notifications.active()).isFalse();
        assertThat(notifications.isRunning()).isFalse();
    }

    @Test
    void switchedOff_itIsInactiveOnPostgresToo() {
        try (PostgresTestDatabase database = PostgresTestDatabase.create("notifications_off")) {
            StoreNotifications notifications = new StoreNotifications(
                    new DriverManagerDataSource(database.url(), database.username(), ""), false, 10);
            assertThat(notifications.active()).isFalse();
        }
    }
}
