package io.client360.platform.eventstore;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Readers behind the head in step: one far ahead of the slowest waits for it to come closer; the slowest never
 * waits, nor does anyone for a reader that left, for one out of reach, or longer than the longest wait.
 */
class ReadersInStepTest {

    /** A lead of 100 events, a reach of 10,000, and waits long enough never to end a test by themselves. */
    private final ReadersInStep inStep = new ReadersInStep(100, 10_000, 60_000);

    @Test
    void aReaderFarAheadOfTheSlowest_waitsUntilItComesWithinTheLead() {
        ReadersInStep.Reader slow = inStep.join(0);
        ReadersInStep.Reader fast = inStep.join(0);
        List<String> happened = new CopyOnWriteArrayList<>();
        Thread ahead = new Thread(() -> {
            fast.before(1_000);
            happened.add("the reader ahead reads");
        });
        ahead.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> ahead.getState() == Thread.State.TIMED_WAITING);

        happened.add("the slowest moves to 950");
        slow.before(950);

        await().atMost(Duration.ofSeconds(10)).until(() -> !ahead.isAlive());
        assertThat(happened).containsExactly("the slowest moves to 950", "the reader ahead reads");
    }

    @Test
    void theSlowestReader_andOneWithinTheLead_readAtOnce() {
        ReadersInStep.Reader slow = inStep.join(0);
        ReadersInStep.Reader near = inStep.join(0);
        ReadersInStep.Reader fast = inStep.join(5_000);
        near.before(80);

        assertThat(CompletableFuture.runAsync(() -> slow.before(0))).succeedsWithin(Duration.ofSeconds(10));
        assertThat(CompletableFuture.runAsync(() -> near.before(90))).succeedsWithin(Duration.ofSeconds(10));
        fast.close();
    }

    @Test
    void aReaderThatLeft_orOneOutOfReach_isNotWaitedFor() {
        ReadersInStep.Reader left = inStep.join(0);
        ReadersInStep.Reader far = inStep.join(0);
        left.before(0);
        left.close();
        assertThat(CompletableFuture.runAsync(() -> far.before(5_000))).succeedsWithin(Duration.ofSeconds(10));

        ReadersInStep.Reader rebuilding = inStep.join(0);
        rebuilding.before(0);
        assertThat(CompletableFuture.runAsync(() -> far.before(50_000))).as("10,000 is the reach")
                .succeedsWithin(Duration.ofSeconds(10));
        assertThat(inStep.readers()).isEqualTo(2);
    }

    @Test
    void noReaderWaitsLongerThanTheLongestWait_whenTheSlowestDoesNotMove() {
        ReadersInStep shortWaits = new ReadersInStep(100, 10_000, 50);
        ReadersInStep.Reader stuck = shortWaits.join(0);
        stuck.before(0);
        ReadersInStep.Reader ahead = shortWaits.join(0);

        assertThat(CompletableFuture.runAsync(() -> ahead.before(5_000))).succeedsWithin(Duration.ofSeconds(10));
    }
}
