package io.client360.kernel.contact;

import java.util.List;

/**
 * A command guarded by the admin rule: only staff with ADMIN, or a contact that is client administrator
 * of every client concerned, may send it. The clients concerned are those it names and, when it names
 * none or {@link #concernsCurrentClients()}, every client the contacts it targets already belong to.
 */
public interface AdminRuled {

    List<String> namedClients();

    List<String> targetContacts();

    /**
     * Whether the clients a target contact already belongs to are concerned too: a command that adds a contact to a
     * client or moves its primary client changes that contact for all of them.
     */
    default boolean concernsCurrentClients() {
        return false;
    }
}
