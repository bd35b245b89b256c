package io.client360.query.seal;

import io.client360.query.web.StreamLimits;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Open feed streams: every half second each one gets the events sealed after its last position, as SSE events whose
 * id is the position (so a reconnecting client's {@code Last-Event-ID} resumes exactly after it). A stream ends when
 * its token expires, and after an hour at most (the client reconnects); a caller holds at most three
 * ({@link StreamLimits}).
 */
@Component
class FeedStreams {

    static final int BATCH = 200;

    private final Feed feed;
    private final Set<Stream> open = ConcurrentHashMap.newKeySet();

    FeedStreams(Feed feed) {
        this.feed = feed;
    }

    private static final class Stream {
        final SseEmitter emitter;
        final String caller;
        final Instant endsAt;
        volatile long position;

        Stream(SseEmitter emitter, String caller, Instant endsAt, long position) {
            this.emitter = emitter;
            this.caller = caller;
            this.endsAt = endsAt;
            this.position = position;
        }
    }

    /** Opens a stream after {@code after} for {@code caller}, whose token is valid until {@code expiresAt}. */
    SseEmitter open(String caller, Instant expiresAt, long after) {
        StreamLimits.requireRoom(open.stream().filter(stream -> stream.caller.equals(caller)).count(), "feed streams");
        Instant now = Instant.now();
        Instant ends = StreamLimits.endOf(expiresAt, now);
        SseEmitter emitter = StreamLimits.emitterUntil(ends, now);
        Stream stream = new Stream(emitter, caller, ends, after);
        open.add(stream);
        emitter.onCompletion(() -> open.remove(stream));
        emitter.onTimeout(() -> end(stream));
        emitter.onError(error -> open.remove(stream));
        try {
            emitter.send(SseEmitter.event().comment("open"));
        } catch (IOException gone) {
            end(stream);
        }
        return emitter;
    }

    @Scheduled(fixedDelay = 500)
    void push() {
        Instant now = Instant.now();
        for (Stream stream : open) {
            if (!now.isBefore(stream.endsAt)) {
                end(stream);
                continue;
            }
            try {
                Feed.Page page;
                do {
                    page = feed.after(stream.position, BATCH, java.util.List.of());
                    for (Feed.Item item : page.items()) {
                        stream.emitter.send(SseEmitter.event().id(Long.toString(item.position())).name("event")
                                .data(item, org.springframework.http.MediaType.APPLICATION_JSON));
                        stream.position = item.position();
                    }
                } while (page.items().size() == BATCH);
            } catch (IOException | IllegalStateException gone) {
                end(stream);
            }
        }
    }

    @EventListener(ContextClosedEvent.class)
    void completeAll() {
        open.forEach(this::end);
    }

    private void end(Stream stream) {
        open.remove(stream);
        try {
            stream.emitter.complete();
        } catch (IllegalStateException alreadyDone) {
            // completed meanwhile
        }
    }
}
