package io.client360.platform.authorization;

import java.util.Arrays;
import java.util.Optional;

/**
 * The roles a token's {@code roles} claim may carry: the one definition of each role name. AGENT, SUPERVISOR and
 * ADMIN are staff; CONTACT is a client contact; AUDITOR reads the audit proofs and INTEGRATION the integration feed
 * only (alone on a token, neither reads nor writes anything else: it is no staff and no contact of any client). A role name is matched exactly: nothing is split or trimmed, so
 * {@code "CONTACT,ADMIN"} is no role at all.
 */
public enum Role {
    /** Works inquiries, contracts and contacts. */
    AGENT(true),
    /** An agent who also reverses entitlement consumptions. */
    SUPERVISOR(true),
    /** Configures routing, groups, contacts at any client, dead letters and replays. */
    ADMIN(true),
    /** A client contact: acts as itself, at its own clients, under its settings. */
    CONTACT(false),
    /** Reads audit proofs (tree heads, proofs, verification); nothing else. */
    AUDITOR(false),
    /** An integrator's system: reads the integration feed; nothing else. */
    INTEGRATION(false);

    private final boolean staff;

    Role(boolean staff) {
        this.staff = staff;
    }

    public boolean isStaff() {
        return staff;
    }

    /** The role spelled exactly {@code name}, if it is one. */
    public static Optional<Role> named(String name) {
        return Arrays.stream(values()).filter(role -> role.name().equals(name)).findFirst();
    }

    /** The Spring Security authority of this role ({@code ROLE_ADMIN}). */
    public String authority() {
        return "ROLE_" + name();
    }
}
