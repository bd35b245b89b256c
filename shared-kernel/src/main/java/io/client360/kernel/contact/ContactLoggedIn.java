package io.client360.kernel.contact;

import java.time.Instant;

/** The contact logged in to the portal; the inactivity lock moves to {@code lockDueAt}. */
public record ContactLoggedIn(String contactId,
                              Instant loggedInAt,
                              Instant lockDueAt) implements ContactEvent {
}
