package io.client360.command.mail;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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

    @Test
    void aStopLetsTheRoundUnderWayEnd_uninterrupted_andNoRoundStartsAfterIt() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger rounds = new AtomicInteger();
        AtomicBoolean interrupted = new AtomicBoolean();
        AtomicBoolean ended = new AtomicBoolean();
        Periodic periodic = periodic(() -> {
            rounds.incrementAndGet();
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                interrupted.set(true);
                return;
            }
            ended.set(true);
        });
        periodic.start();
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        Thread stopping = new Thread(periodic::stop);
        stopping.start();
        Thread.sleep(200); // the stop waits for the round meanwhile
        release.countDown();
        stopping.join(10_000);

        assertThat(stopping.isAlive()).isFalse();
        assertThat(interrupted).isFalse();
        assertThat(ended).isTrue();
        assertThat(rounds).hasValue(1);
        assertThat(periodic.isRunning()).isFalse();
    }

    /** Runs rounds of {@code round} (given its number, from 1) every 50 ms until three have run, or ten seconds. */
    private static int roundsRun(IntConsumer round) {
        AtomicInteger rounds = new AtomicInteger();
        Periodic periodic = periodic(() -> round.accept(rounds.incrementAndGet()));
        periodic.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> rounds.get() >= 3);
            return rounds.get();
        } finally {
            periodic.stop();
        }
    }

    /** Rounds of {@code round} every 50 ms. */
    private static Periodic periodic(Runnable round) {
        return new Periodic("periodic-test") {
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
                round.run();
            }
        };
    }
}
