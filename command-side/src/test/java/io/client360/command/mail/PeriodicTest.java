package io.client360.command.mail;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PeriodicTest {

    @Test
    void aRoundThatThrowsAnErrorDoesNotEndTheRoundsAfterIt() {
        AtomicInteger rounds = new AtomicInteger();
        Periodic periodic = new Periodic("periodic-test") {
            @Override
            boolean enabled() {
                return true;
            }

            @Override
            Duration interval() {
                return Duration.ofMillis(50);
            }

            @Override
            void round() {
                if (rounds.incrementAndGet() == 1) {
                    throw new NoClassDefFoundError("a class the first round could not load");
                }
            }
        };
        periodic.start();
        try {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(rounds.get()).isGreaterThanOrEqualTo(3));
        } finally {
            periodic.stop();
        }
    }

    @Test
    void aRoundThatThrowsARuntimeExceptionDoesNotEndTheRoundsAfterIt() {
        AtomicInteger rounds = new AtomicInteger();
        Periodic periodic = new Periodic("periodic-test") {
            @Override
            boolean enabled() {
                return true;
            }

            @Override
            Duration interval() {
                return Duration.ofMillis(50);
            }

            @Override
            void round() {
                rounds.incrementAndGet();
                throw new IllegalStateException("every round fails");
            }
        };
        periodic.start();
        try {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(rounds.get()).isGreaterThanOrEqualTo(3));
        } finally {
            periodic.stop();
        }
    }
}
