package io.client360.command.web;

/** JSON bodies of contact requests for the HTTP tests. */
public final class ContactRequestBodies {

    private ContactRequestBodies() {
    }

    /** A contact with portal access at one client. */
    public static String contact(String firstName, String lastName, String email, String clientId) {
        return """
                {"firstName":"%s","lastName":"%s","email":"%s","portalAccess":true,
                 "clients":[{"clientId":"%s"}]}""".formatted(firstName, lastName, email, clientId);
    }
}
