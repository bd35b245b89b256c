package io.client360.command.web;

import io.client360.kernel.DomainRuleViolation;
import io.client360.kernel.ErrorCode;

/** Aggregate versions as entity tags: {@code ETag: "N"}, and {@code If-Match: "N"} back. */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version an {@code If-Match} header expects, or null when there is none. */
    public static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            long version = Long.parseLong(value);
            if (version < 0) {
                throw new NumberFormatException();
            }
            return version;
        } catch (NumberFormatException e) {
            throw new DomainRuleViolation(ErrorCode.MALFORMED_REQUEST,
                    "If-Match must be an aggregate version such as \"3\".");
        }
    }
}
