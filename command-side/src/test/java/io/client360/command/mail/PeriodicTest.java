package io.client360.command.mail;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PeriodicTest {

    @Test
    void aRoundThatThrowsAnErrorDoesNotEndTheRoundsAfterIt() {
        assertThat(roundsRun(round -> {
            if (round == 1) {
                throw new NoClassDefFoundError("a class the first round could not load");
            }
        })).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aRoundThatThrowsARuntimeExceptionDoesNotEndTheRoundsAfterIt() {
        assertThat(roundsRun(round -> {
            throw new IllegalStateException("every round fails");
        })).isGreaterThanOrEqualTo(3);
    }

    /** Runs rounds of {@code round} (given its number, from 1) every 50 ms until three have run, or ten seconds. */
    private static int roundsRun(IntConsumer round) {
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
                round.accept(rounds.incrementAndGet());
            }
        };
        periodic.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> rounds.get() >= 3);
            return rounds.get();
        } finally {
            periodic.stop();
        }
    }
}
