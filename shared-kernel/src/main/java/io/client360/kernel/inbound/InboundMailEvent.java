package io.client360.kernel.inbound;

/** Every fact recorded about one received mail. */
public sealed interface InboundMailEvent permits InboundMailReceived, InboundMailAssigned {

    String mailId();
}
