package io.client360.platform.authorization;

import java.util.List;

/**
 * Paths only an ADMIN may call, on either side; the security filter chain guards them, so no controller checks
 * the role itself. Actuator endpoints other than health are among them.
 */
public final class AdminPaths {

    public static final List<String> PATTERNS = List.of(
            "/api/admin/**",
            "/api/routing-rules", "/api/routing-rules/**",
            "/api/assignment-groups", "/api/assignment-groups/**",
            "/actuator/**");

    /** Writes only an ADMIN may send (their paths are read by staff on the read side). */
    public static final List<String> WRITES = List.of("/api/inbound-mail", "/api/inbound-mail/**");

    /** Client profiles are written by an ADMIN (read by staff and the client's contacts on the read side). */
    public static final List<String> PUTS = List.of("/api/clients/*");

    private AdminPaths() {
    }
}
