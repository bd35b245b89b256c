package io.client360.kernel.client;

import java.util.List;

/** A client organisation's profile as it is now: name, owned e-mail domains (lower case), notes. */
public record ClientProfileChanged(String clientId, String name, List<String> emailDomains, String notes)
        implements ClientEvent {
}
