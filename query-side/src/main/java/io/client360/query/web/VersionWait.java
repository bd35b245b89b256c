package io.client360.query.web;

import io.client360.kernel.Unavailable;
import io.client360.kernel.ErrorCode;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Read-your-writes: waits, bounded, until a view has reached the version a writer was given, so that
 * {@code GET …?minVersion=N} after a write sees that write; answers 503 with Retry-After otherwise.
 */
@Component
public class VersionWait {

    private static final Duration POLL = Duration.ofMillis(20);

    private final ReadProperties properties;

    VersionWait(ReadProperties properties) {
        this.properties = properties;
    }

    /**
     * Waits, bounded, until the version {@code version} reads has reached {@code minVersion}; reads nothing when no
     * version was asked for (most reads).
     */
    public void reached(Long minVersion, Supplier<Optional<Long>> version) {
        if (minVersion != null) {
            atLeast(minVersion, version, Long::longValue);
        }
    }

    public <T> Optional<T> atLeast(Long minVersion, Supplier<Optional<T>> read, ToLongFunction<T> versionOf) {
        Optional<T> view = read.get();
        if (minVersion == null) {
            return view;
        }
        Instant deadline = Instant.now().plus(properties.minVersionWait());
        while (view.map(v -> versionOf.applyAsLong(v) < minVersion).orElse(true)) {
            if (Instant.now().isAfter(deadline)) {
                throw new Unavailable(ErrorCode.NOT_YET_VISIBLE,
                        "The view has not reached version " + minVersion + " yet; retry shortly.");
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Unavailable(ErrorCode.SERVICE_UNAVAILABLE, "Interrupted while waiting.");
            }
            view = read.get();
        }
        return view;
    }
}
