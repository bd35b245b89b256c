package io.client360.kernel.client;

/** Every fact recorded about a client organisation's profile. */
public sealed interface ClientEvent permits ClientProfileChanged {

    String clientId();
}
