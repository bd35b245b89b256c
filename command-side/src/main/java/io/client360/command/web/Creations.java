package io.client360.command.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.util.function.Function;

/** Answers creating requests: 201 with Location, ETag and the result (its id and version, and what it adds). */
@Component
public class Creations {

    private final CommandDispatcher commands;

    Creations(CommandDispatcher commands) {
        this.commands = commands;
    }

    /** Sends {@code command}, whose handler answers an {@link Identified} of {@code resultType}; {@code path} is its collection. */
    public <R extends Identified> ResponseEntity<R> create(String path, Object command, Class<R> resultType) {
        return created(path, commands.write(command, resultType));
    }

    /** As above, for a handler that answers something else ({@code result} makes the answer of it). */
    public <T, R extends Identified> ResponseEntity<R> create(String path, Object command, Class<T> handlerResult,
                                                              Function<T, R> result) {
        return created(path, result.apply(commands.write(command, handlerResult)));
    }

    private static <R extends Identified> ResponseEntity<R> created(String path, R created) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create(path + "/" + created.id()))
                .eTag(ETags.of(created.version()))
                .body(created);
    }
}
