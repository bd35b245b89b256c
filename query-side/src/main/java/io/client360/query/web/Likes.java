package io.client360.query.web;

/** LIKE patterns for user text: its wildcards escaped (with {@code ESCAPE '\'} in the SQL). */
public final class Likes {

    private Likes() {
    }

    /** {@code text} as a literal. */
    public static String literal(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** A pattern matching any value that contains {@code text}. */
    public static String containing(String text) {
        return "%" + literal(text) + "%";
    }
}
