package io.client360.platform.authorization;

import io.client360.kernel.ActorKind;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Who sends the current request, from its token: {@code sub} is the agent's or contact's id, the {@code roles}
 * claim (a JSON array of {@link Role} names, or one name) says which. A token with any staff role acts as staff,
 * otherwise as a contact. A token without a subject or an expiry, or with a role that is not one of ours, is no
 * valid token here (401): it never becomes an actor.
 */
public record Actor(String id, ActorKind kind, Set<Role> roles) {

    static final int MAX_SUBJECT_LENGTH = 100;

    /** The actor of the authenticated request on this thread. */
    public static Actor current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof Jwt jwt)) {
            throw new IllegalStateException("No authenticated request on this thread");
        }
        return of(jwt);
    }

    /** The actor a token stands for; refuses (401) what no actor may be made of. */
    public static Actor of(Jwt jwt) {
        String subject = jwt.getSubject();
        if (subject == null || subject.isBlank() || subject.length() > MAX_SUBJECT_LENGTH) {
            throw new InvalidBearerTokenException("The token has no usable subject (sub).");
        }
        if (jwt.getExpiresAt() == null) {
            throw new InvalidBearerTokenException("The token has no expiry (exp).");
        }
        Set<Role> roles = roles(jwt.getClaims().get("roles"));
        if (roles.isEmpty()) {
            throw new InvalidBearerTokenException("The token carries no role.");
        }
        boolean staff = roles.stream().anyMatch(Role::isStaff);
        return new Actor(subject, staff ? ActorKind.AGENT : ActorKind.CONTACT, Set.copyOf(roles));
    }

    private static Set<Role> roles(Object claim) {
        Collection<?> names = claim instanceof Collection<?> list ? list : claim == null ? List.of() : List.of(claim);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Object name : names) {
            roles.add(Role.named(name instanceof String text ? text : String.valueOf(name))
                    .orElseThrow(() -> new InvalidBearerTokenException("The token names an unknown role.")));
        }
        return roles;
    }

    public boolean isStaff() {
        return kind == ActorKind.AGENT;
    }

    public boolean isContact() {
        return kind == ActorKind.CONTACT;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return has(Role.ADMIN);
    }
}
