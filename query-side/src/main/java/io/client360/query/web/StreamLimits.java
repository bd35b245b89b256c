package io.client360.query.web;

import io.client360.kernel.ErrorCode;
import io.client360.kernel.Unavailable;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.time.Duration;
import java.time.Instant;

/**
 * The limits every Server-Sent Events stream of the read side keeps: a caller holds at most {@link #MAX_PER_CALLER}
 * of a kind, and a stream ends when the token it was opened with expires, after {@link #MAX_LENGTH} at the latest
 * (the client reconnects with a fresh token).
 */
public final class StreamLimits {

    public static final int MAX_PER_CALLER = 3;
    public static final Duration MAX_LENGTH = Duration.ofHours(1);

    private StreamLimits() {
    }

    /** Refuses one more stream to a caller who holds {@code open} of this kind already (429). */
    public static void requireRoom(long open, String kind) {
        if (open >= MAX_PER_CALLER) {
            throw new Unavailable(ErrorCode.TOO_MANY_REQUESTS,
                    "At most " + MAX_PER_CALLER + " open " + kind + " per caller; close one first.");
        }
    }

    /** When a stream opened {@code now} with a token valid until {@code expiresAt} ends. */
    public static Instant endOf(Instant expiresAt, Instant now) {
        Instant latest = now.plus(MAX_LENGTH);
        return expiresAt == null || expiresAt.isAfter(latest) ? latest : expiresAt;
    }

    /** An emitter that times out at {@code ends}. */
    public static SseEmitter emitterUntil(Instant ends, Instant now) {
        return new SseEmitter(Math.max(1, Duration.between(now, ends).toMillis()));
    }
}
