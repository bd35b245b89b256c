package io.client360.command;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/**
 * A clock for fixture tests: the fixture's current time (which {@code whenTimeElapses} moves) plus an
 * offset the test can move on its own, for time passing between two given commands.
 */
public final class FixtureClock extends Clock {

    private final Supplier<Instant> fixtureTime;
    private Duration offset = Duration.ZERO;

    public FixtureClock(Supplier<Instant> fixtureTime) {
        this.fixtureTime = fixtureTime;
    }

    public void advance(Duration duration) {
        offset = offset.plus(duration);
    }

    @Override
    public Instant instant() {
        return fixtureTime.get().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
