package io.client360.query.seal;

import io.client360.kernel.Forbidden;
import io.client360.kernel.PublishedEvents;
import io.client360.platform.web.InvalidRequestException;
import io.client360.platform.authorization.Actor;
import io.client360.platform.authorization.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.util.List;

/** The integration feed (ADMIN or INTEGRATION; contacts never): pages, and a stream that resumes. */
@RestController
@Tag(name = "Integration feed")
class FeedController {

    private final Feed feed;
    private final FeedStreams streams;

    FeedController(Feed feed, FeedStreams streams) {
        this.feed = feed;
        this.streams = streams;
    }

    @GetMapping(path = "/api/feed", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "readFeed", summary = "Events in sealed-log order after a position (exclusive; absent: from the start), optionally of some types; next is the after to ask for next")
    Feed.Page read(@RequestParam(required = false) @Min(0) Long after,
                   @RequestParam(defaultValue = "100") @Min(1) @Max(Feed.MAX_LIMIT) int limit,
                   @RequestParam(required = false) @Size(max = 50) List<@Size(max = 100) String> types) {
        requireIntegrator();
        requirePublished(types);
        return feed.after(after == null ? -1 : after, limit, types == null ? List.of() : types);
    }

    @GetMapping(path = "/api/feed/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(operationId = "streamFeed", summary = "The feed live (Server-Sent Events, id = position); Last-Event-ID or after resumes after that position")
    SseEmitter stream(@RequestParam(required = false) @Min(0) Long after,
                      @RequestHeader(name = "Last-Event-ID", required = false) @Size(max = 20) String lastEventId) {
        requireIntegrator();
        long from = after != null ? after : -1;
        if (lastEventId != null && lastEventId.matches("[0-9]{1,18}")) {
            from = Long.parseLong(lastEventId);
        }
        Jwt token = (Jwt) SecurityContextHolder.getContext().getAuthentication().getPrincipal();
        return streams.open(Actor.current().id(), token.getExpiresAt(), from);
    }

    /** A filter names event types by their simple names, as the feed shows them; a misspelt one is refused. */
    static void requirePublished(List<String> types) {
        PublishedEvents.firstUnknown(types == null ? List.of() : types).ifPresent(unknown -> {
            throw new InvalidRequestException("types", "'" + unknown + "' is no event type");
        });
    }

    private static void requireIntegrator() {
        Actor actor = Actor.current();
        if (!actor.isAdmin() && !actor.has(Role.INTEGRATION)) {
            throw new Forbidden("The feed is for ADMIN and INTEGRATION.");
        }
    }
}
