package io.client360.platform.ids;

import org.axonframework.common.IdentifierFactory;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class IdsTest {

    @Test
    void aNewIdIsARandomVersionFourUuidInItsUsualForm() {
        String id = Ids.random();

        UUID parsed = UUID.fromString(id);
        assertThat(parsed.toString()).isEqualTo(id);
        assertThat(parsed.version()).isEqualTo(4);
        assertThat(parsed.variant()).isEqualTo(2);
    }

    @Test
    void idsDrawnOnManyThreadsAtOnceNeverRepeat() throws InterruptedException {
        assertThat(drawnOnEightThreads(Ids::random)).hasSize(80_000);
    }

    @Test
    void axonDrawsTheIdsOfItsMessagesPerThread_versionFourUuidsThatNeverRepeat() throws InterruptedException {
        assertThat(IdentifierFactory.getInstance()).isInstanceOf(PerThreadIdentifierFactory.class);
        UUID parsed = UUID.fromString(IdentifierFactory.getInstance().generateIdentifier());
        assertThat(parsed.version()).isEqualTo(4);
        assertThat(parsed.variant()).isEqualTo(2);

        assertThat(drawnOnEightThreads(() -> IdentifierFactory.getInstance().generateIdentifier())).hasSize(80_000);
    }

    /** The distinct ids of 10,000 draws on each of 8 threads at once. */
    private static Set<String> drawnOnEightThreads(java.util.function.Supplier<String> draw)
            throws InterruptedException {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        for (int thread = 0; thread < 8; thread++) {
            threads.execute(() -> {
                for (int i = 0; i < 10_000; i++) {
                    seen.add(draw.get());
                }
            });
        }
        threads.shutdown();
        assertThat(threads.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
        return seen;
    }
}
