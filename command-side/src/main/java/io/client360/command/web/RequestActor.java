package io.client360.command.web;

import io.client360.kernel.ActorKind;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Who sends the current request. The one place that decides it: for now the {@code X-Actor-Id},
 * {@code X-Actor-Kind} and {@code X-Actor-Roles} headers (default {@code anonymous}/SYSTEM, no roles),
 * until tokens replace them.
 */
public record RequestActor(String id, ActorKind kind, String roles) {

    static final String ACTOR_ID_HEADER = "X-Actor-Id";
    static final String ACTOR_KIND_HEADER = "X-Actor-Kind";
    static final String ACTOR_ROLES_HEADER = "X-Actor-Roles";

    static RequestActor of(HttpServletRequest request) {
        String id = request.getHeader(ACTOR_ID_HEADER);
        String kind = request.getHeader(ACTOR_KIND_HEADER);
        String roles = request.getHeader(ACTOR_ROLES_HEADER);
        return new RequestActor(id == null || id.isBlank() ? "anonymous" : truncate(id.strip()), kindOf(kind),
                roles == null ? "" : truncate(roles.replace(" ", "").toUpperCase(java.util.Locale.ROOT)));
    }

    private static ActorKind kindOf(String kind) {
        if (kind == null) {
            return ActorKind.SYSTEM;
        }
        for (ActorKind candidate : ActorKind.values()) {
            if (candidate.name().equalsIgnoreCase(kind.strip())) {
                return candidate;
            }
        }
        return ActorKind.SYSTEM;
    }

    private static String truncate(String id) {
        return id.length() > 100 ? id.substring(0, 100) : id;
    }
}
