package io.client360.kernel.contact;

import java.time.Instant;

/** Portal access, client-administrator or invoice access changed; {@code lockDueAt} is the new inactivity lock, if armed. */
public record ContactAccessChanged(String contactId,
                                   boolean portalAccess,
                                   boolean clientAdmin,
                                   boolean invoiceAccess,
                                   Instant lockDueAt) implements ContactEvent {
}
