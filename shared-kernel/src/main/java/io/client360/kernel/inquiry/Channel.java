package io.client360.kernel.inquiry;

/** How an inquiry reached the service team. */
public enum Channel {
    PORTAL, EMAIL, PHONE, CHAT
}
