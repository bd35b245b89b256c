package io.client360.platform.security;

import io.client360.kernel.ActorKind;
import io.client360.kernel.DomainRuleViolation;
import io.client360.kernel.ErrorCode;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.List;
import java.util.Set;

/**
 * Who sends the current request, from its token: {@code sub} is the agent's or contact's id, the
 * {@code roles} claim says which. A token with CONTACT acts as that contact; any staff role as staff.
 */
public record Actor(String id, ActorKind kind, Set<String> roles) {

    public static final String CONTACT = "CONTACT";
    public static final String ADMIN = "ADMIN";
    public static final Set<String> STAFF_ROLES = Set.of("AGENT", "SUPERVISOR", ADMIN);

    /** The actor of the authenticated request on this thread. */
    public static Actor current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof Jwt jwt)) {
            throw new IllegalStateException("No authenticated request on this thread");
        }
        return of(jwt);
    }

    /** Refuses the current request with FORBIDDEN unless its actor is an ADMIN ({@code what} names what needs it). */
    public static void requireAdmin(String what) {
        if (!current().isAdmin()) {
            throw new DomainRuleViolation(ErrorCode.FORBIDDEN, what + " need ADMIN.");
        }
    }

    public static Actor of(Jwt jwt) {
        Set<String> roles = Set.copyOf(roles(jwt));
        return new Actor(jwt.getSubject(), roles.stream().anyMatch(STAFF_ROLES::contains) ? ActorKind.AGENT
                : ActorKind.CONTACT, roles);
    }

    static List<String> roles(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList("roles");
        return roles == null ? List.of() : roles;
    }

    public boolean isStaff() {
        return kind == ActorKind.AGENT;
    }

    public boolean isContact() {
        return kind == ActorKind.CONTACT;
    }

    public boolean isAdmin() {
        return roles.contains(ADMIN);
    }
}
