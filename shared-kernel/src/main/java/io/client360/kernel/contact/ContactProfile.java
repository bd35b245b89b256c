package io.client360.kernel.contact;

import java.util.List;

/** A contact's profile: names, primary and additional e-mails, mobile phone, time zone, and staff's comments. */
public record ContactProfile(String firstName,
                             String lastName,
                             String email,
                             List<String> additionalEmails,
                             String mobilePhone,
                             String timeZone,
                             String comments) {
}
