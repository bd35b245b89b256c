package io.client360.query.seal;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Open feed streams: every half second each one gets the events sealed after its last position, as SSE events whose
 * id is the position (so a reconnecting client's {@code Last-Event-ID} resumes exactly after it). A stream lasts an
 * hour at most; the client reconnects.
 */
@Component
class FeedStreams {

    static final Duration MAX_LENGTH = Duration.ofHours(1);
    static final int BATCH = 200;

    private final Feed feed;
    private final Set<Stream> open = ConcurrentHashMap.newKeySet();

    FeedStreams(Feed feed) {
        this.feed = feed;
    }

    private static final class Stream {
        final SseEmitter emitter;
        volatile long position;

        Stream(SseEmitter emitter, long position) {
            this.emitter = emitter;
            this.position = position;
        }
    }

    SseEmitter open(long after) {
        SseEmitter emitter = new SseEmitter(MAX_LENGTH.toMillis());
        Stream stream = new Stream(emitter, after);
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
        for (Stream stream : open) {
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
