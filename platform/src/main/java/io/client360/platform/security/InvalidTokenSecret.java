package io.client360.platform.security;

/** The token secret is missing, too short or a documented example: the side cannot start. */
public class InvalidTokenSecret extends IllegalStateException {

    private final String action;

    InvalidTokenSecret(String problem, String action) {
        super(problem);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
