package io.client360.platform.eventstore;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SharedBatchesTest {

    private final AtomicInteger storeReads = new AtomicInteger();

    private Supplier<List<String>> store(List<String> answer) {
        return () -> {
            storeReads.incrementAndGet();
            return answer;
        };
    }

    @Test
    void aSecondReaderOfTheSameStretch_takesTheFirstReadersBatch_withoutReadingTheStore() {
        SharedBatches<List<String>> batches = SharedBatches.ofLists(100, 60_000);

        List<String> first = batches.after("token-7", store(List.of("e8", "e9", "e10")));
        List<String> second = batches.after("token-7", store(List.of("other")));

        assertThat(second).isSameAs(first).containsExactly("e8", "e9", "e10");
        assertThat(storeReads).hasValue(1);
        assertThat(batches.reads()).isEqualTo(1);
        assertThat(batches.shared()).isEqualTo(1);
    }

    @Test
    void theBatchFromTheFirstEvent_isSharedToo() {
        SharedBatches<List<String>> batches = SharedBatches.ofLists(100, 60_000);

        batches.after(null, store(List.of("e1", "e2")));

        assertThat(batches.after(null, store(List.of("other")))).containsExactly("e1", "e2");
        assertThat(storeReads).hasValue(1);
    }

    @Test
    void anEmptyBatch_nothingAfterTheToken_isNeverKept() {
        SharedBatches<List<String>> batches = SharedBatches.ofLists(100, 60_000);

        batches.after("token-7", store(List.of()));
        List<String> later = batches.after("token-7", store(List.of("e8")));

        assertThat(later).containsExactly("e8");
        assertThat(storeReads).hasValue(2);
    }

    @Test
    void aShortBatch_theHeadAsItWas_isShared_andItsReaderGoesOnFromItsLastEvent() {
        SharedBatches<List<String>> batches = SharedBatches.ofLists(100, 60_000);
        batches.after("token-7", store(List.of("e8")));

        assertThat(batches.after("token-7", store(List.of("e8", "e9")))).containsExactly("e8");
        assertThat(batches.after("token-8", store(List.of("e9")))).containsExactly("e9");
        assertThat(storeReads).hasValue(2);
    }

    @Test
    void readersOfDifferentStretches_readTheirOwn() {
        SharedBatches<List<String>> batches = SharedBatches.ofLists(100, 60_000);

        batches.after("token-7", store(List.of("e8")));
        List<String> other = batches.after("token-8", store(List.of("e9")));

        assertThat(other).containsExactly("e9");
        assertThat(storeReads).hasValue(2);
    }

    @Test
    void beyondItsSize_theOldestBatchesAreForgottenFirst() {
        SharedBatches<List<String>> batches = SharedBatches.ofLists(4, 60_000);
        batches.after("t1", store(List.of("a", "b")));
        batches.after("t2", store(List.of("c", "d")));
        batches.after("t3", store(List.of("e", "f")));

        assertThat(batches.keptEvents()).isEqualTo(4);
        batches.after("t2", store(List.of("x", "x")));
        batches.after("t3", store(List.of("x", "x")));
        assertThat(storeReads).hasValue(3);
        assertThat(batches.after("t1", store(List.of("a", "b")))).containsExactly("a", "b");
        assertThat(storeReads).hasValue(4);
    }

    @Test
    void aBatchOlderThanItsAge_isReadAgain() throws InterruptedException {
        SharedBatches<List<String>> batches = SharedBatches.ofLists(100, 1);
        batches.after("t1", store(List.of("a")));
        Thread.sleep(5);

        assertThat(batches.after("t1", store(List.of("a", "late")))).containsExactly("a", "late");
        assertThat(storeReads).hasValue(2);
        assertThat(batches.keptEvents()).isEqualTo(2);
    }

    @Test
    void switchedOff_everyReaderReadsTheStore() {
        SharedBatches<List<String>> batches = SharedBatches.ofLists(0, 60_000);
        batches.after("t1", store(List.of("a")));
        batches.after("t1", store(List.of("a")));

        assertThat(storeReads).hasValue(2);
        assertThat(batches.keptEvents()).isZero();
    }

    @Test
    void aReaderThatAsksWhileAnotherReadsTheSameStretch_waitsForThatRead() throws Exception {
        SharedBatches<List<String>> batches = SharedBatches.ofLists(100, 60_000);
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch mayAnswer = new CountDownLatch(1);
        CompletableFuture<List<String>> first = CompletableFuture.supplyAsync(() -> batches.after("t1", () -> {
            storeReads.incrementAndGet();
            reading.countDown();
            await(mayAnswer);
            return List.of("a", "b");
        }));
        assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<List<String>> second = CompletableFuture.supplyAsync(
                () -> batches.after("t1", store(List.of("read", "again"))));
        Thread.sleep(50);
        assertThat(second).isNotDone();
        mayAnswer.countDown();

        assertThat(second.get(10, TimeUnit.SECONDS)).containsExactly("a", "b");
        assertThat(first.get(10, TimeUnit.SECONDS)).containsExactly("a", "b");
        assertThat(storeReads).hasValue(1);
    }

    @Test
    void aReadThatFails_isNotKept_andTheNextReaderReadsTheStore() {
        SharedBatches<List<String>> batches = SharedBatches.ofLists(100, 60_000);

        assertThatThrownBy(() -> batches.after("t1", () -> {
            throw new IllegalStateException("the store is down");
        })).hasMessage("the store is down");

        assertThat(batches.after("t1", store(List.of("a")))).containsExactly("a");
        assertThat(storeReads).hasValue(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
