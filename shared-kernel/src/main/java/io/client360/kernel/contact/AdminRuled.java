package io.client360.kernel.contact;

import java.util.List;

/**
 * A command guarded by the admin rule: only staff with ADMIN, or a contact that is client administrator
 * of every client concerned, may send it. The clients concerned are those it names or, when it names
 * none, every client of the contacts it targets.
 */
public interface AdminRuled {

    List<String> namedClients();

    List<String> targetContacts();
}
