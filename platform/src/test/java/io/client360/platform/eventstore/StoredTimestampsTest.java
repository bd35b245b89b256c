package io.client360.platform.eventstore;

import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

class StoredTimestampsTest {

    @Test
    void everyTimestampAxonWrites_readsAsAxonReadsIt() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 100_000; i++) {
            Instant instant = Instant.ofEpochMilli(random.nextLong(-2_208_988_800_000L, 253_402_300_799_000L));
            String stored = DateTimeUtils.formatInstant(instant);
            assertThat(StoredTimestamps.parse(stored)).as(stored).isEqualTo(DateTimeUtils.parseInstant(stored));
        }
        for (String edge : List.of("2024-02-29T23:59:59.999Z", "1970-01-01T00:00:00.000Z", "2000-12-31T00:00:00.001Z")) {
            assertThat(StoredTimestamps.parse(edge)).isEqualTo(Instant.parse(edge));
        }
    }

    @Test
    void otherShapesAndImpossibleDates_readExactlyAsAxonsParserReadsThem() {
        for (String stored : List.of("2026-11-26T22:39:15Z", "2026-11-26T22:39:15.123456Z", "2026-02-30T00:00:00.000Z",
                "2026-11-26T24:00:00.000Z", "2026-13-01T00:00:00.000Z", "2026-1x-01T00:00:00.000Z", "+12026-11-26T22:39:15Z")) {
            Object axon = outcome(() -> DateTimeUtils.parseInstant(stored));
            assertThat(outcome(() -> StoredTimestamps.parse(stored))).as(stored).isEqualTo(axon);
        }
    }

    private static Object outcome(java.util.function.Supplier<Instant> parse) {
        try {
            return parse.get();
        } catch (RuntimeException refused) {
            return refused.getClass();
        }
    }
}
