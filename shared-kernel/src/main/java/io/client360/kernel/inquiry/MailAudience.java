package io.client360.kernel.inquiry;

/** Who a mail about an inquiry went to: its requester, another contact of the client, or an assignment group. */
public enum MailAudience {
    REQUESTER,
    CONTACT,
    GROUP
}
