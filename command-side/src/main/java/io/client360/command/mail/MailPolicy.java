package io.client360.command.mail;

import io.client360.command.mail.MailDirectory.MailedInquiry;
import io.client360.command.mail.MailDirectory.Membership;
import io.client360.command.mail.MailDirectory.Recipient;
import io.client360.kernel.assignment.AssignmentGroupAddressChanged;
import io.client360.kernel.contact.ClientAccessGranted;
import io.client360.kernel.contact.ClientAccessRevoked;
import io.client360.kernel.contact.ClientMembership;
import io.client360.kernel.contact.ContactCreated;
import io.client360.kernel.contact.ContactLocked;
import io.client360.kernel.contact.ContactReactivated;
import io.client360.kernel.contact.ContactRetiredAsDuplicate;
import io.client360.kernel.contact.ContactProfile;
import io.client360.kernel.contact.ContactProfileChanged;
import io.client360.kernel.contact.ContactRestoredFromMerge;
import io.client360.kernel.contact.DuplicateContactMerged;
import io.client360.kernel.contact.DuplicateContactUnmerged;
import io.client360.kernel.contact.PortalSettings;
import io.client360.kernel.contact.PortalSettingsChanged;
import io.client360.kernel.contact.PrimaryClientChanged;
import io.client360.kernel.contact.ProductPreferencesSet;
import io.client360.kernel.inquiry.CommentAdded;
import io.client360.kernel.inquiry.InquiryCreated;
import io.client360.kernel.inquiry.InquiryPendingClient;
import io.client360.kernel.inquiry.InquiryReassigned;
import io.client360.kernel.inquiry.InquiryResolved;
import io.client360.kernel.inquiry.MailAudience;
import io.client360.kernel.inquiry.PriorityChanged;
import io.client360.kernel.inquiry.Visibility;
import io.client360.kernel.ActorKind;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The mail policy: a tracking processor of its own (one segment, token in the database, dead letters like the
 * others) that turns events into mails in the outbox, never inside a command's transaction. It learns who may be
 * mailed from the contact and group events it sees (its {@link MailDirectory}); events from before mail was switched
 * on ({@code mail_activation}) only teach it. It mails:
 * <ul>
 *   <li>the requester: every PUBLIC agent comment, SENSITIVE ones only when it may see them ({@code showSensitive}),
 *       never INTERNAL; a pending-client request with its note; a resolution with its note;</li>
 *   <li>other contacts of the client who see every inquiry there, with {@code notifications} on and the product not
 *       muted by their product preferences: a notice of a new inquiry and of a resolution;</li>
 *   <li>an assignment group with an address: work routed or reassigned to it.</li>
 * </ul>
 */
@Component
@ProcessingGroup(MailPolicy.PROCESSING_GROUP)
class MailPolicy {

    static final String PROCESSING_GROUP = "mail";
    static final String NOTIFICATIONS = "notifications";

    private final MailDirectory directory;
    private final Outbox outbox;
    private final MailTemplates templates;
    private Instant activatedAt;

    MailPolicy(MailDirectory directory, Outbox outbox, MailTemplates templates) {
        this.directory = directory;
        this.outbox = outbox;
        this.templates = templates;
    }

    // --- what it learns -------------------------------------------------------------------------------------------

    @EventHandler
    void on(ContactCreated event) {
        directory.contact(event.contactId(), event.email(), event.firstName(), event.lastName(), event.timeZone(),
                event.additionalEmails(), event.primaryClientId() != null ? event.primaryClientId()
                        : event.clients().get(0).clientId());
        event.clients().forEach(membership -> join(event.contactId(), membership));
    }

    @EventHandler
    void on(ClientAccessGranted event) {
        join(event.contactId(), event.membership());
    }

    @EventHandler
    void on(PrimaryClientChanged event) {
        directory.primaryClient(event.contactId(), event.to());
    }

    @EventHandler
    void on(ClientAccessRevoked event) {
        directory.leave(event.contactId(), event.clientId());
    }

    @EventHandler
    void on(PortalSettingsChanged event) {
        PortalSettings settings = event.settings();
        directory.settings(event.contactId(), event.clientId(), settings.notifications(), settings.showAllInquiries(),
                settings.showSensitive());
    }

    @EventHandler
    void on(ProductPreferencesSet event) {
        directory.mute(event.contactId(), event.clientId(), event.products(), mutes(event.preferences()));
    }

    @EventHandler
    void on(ContactLocked event) {
        directory.status(event.contactId(), "LOCKED");
    }

    @EventHandler
    void on(ContactReactivated event) {
        directory.status(event.contactId(), "ACTIVE");
    }

    @EventHandler
    void on(ContactRetiredAsDuplicate event) {
        directory.status(event.contactId(), "MERGED");
        directory.requesterMerged(event.contactId(), event.survivorId());
    }

    @EventHandler
    void on(DuplicateContactMerged event) {
        event.addedEmails().forEach(email -> directory.address(event.contactId(), email, false));
        event.addedClients().forEach(membership -> join(event.contactId(), membership));
    }

    @EventHandler
    void on(ContactProfileChanged event) {
        ContactProfile profile = event.after();
        directory.profile(event.contactId(), profile.email(), profile.firstName(), profile.lastName(),
                profile.timeZone(), profile.additionalEmails());
    }

    @EventHandler
    void on(DuplicateContactUnmerged event) {
        event.removedEmails().forEach(email -> directory.removeAddress(event.contactId(), email));
        event.removedClients().forEach(clientId -> directory.leave(event.contactId(), clientId));
    }

    @EventHandler
    void on(ContactRestoredFromMerge event) {
        directory.status(event.contactId(), event.status().name());
        directory.requesterRestored(event.contactId());
    }

    @EventHandler
    void on(AssignmentGroupAddressChanged event) {
        directory.group(event.assignmentGroup(), event.email());
    }

    @EventHandler
    void on(PriorityChanged event) {
        directory.priority(event.inquiryId(), event.to().name());
    }

    @ResetHandler
    void reset() {
        directory.clear();
    }

    // --- what it mails --------------------------------------------------------------------------------------------

    @EventHandler
    void on(InquiryCreated event, EventMessage<?> message) {
        directory.inquiry(event.inquiryId(), event.clientId(), event.contactId(), event.product(), event.subject(),
                event.priority().name());
        if (!mailing(message)) {
            return;
        }
        MailedInquiry inquiry = new MailedInquiry(event.inquiryId(), event.clientId(), event.contactId(),
                event.product(), event.subject(), event.priority().name());
        notice(inquiry, message, "NEW_INQUIRY", "New inquiry", "A new inquiry was opened");
        group(inquiry, event.assignmentGroup(), null, message);
    }

    @EventHandler
    void on(InquiryReassigned event, EventMessage<?> message) {
        if (mailing(message)) {
            directory.inquiry(event.inquiryId())
                    .ifPresent(inquiry -> group(inquiry, event.toGroup(), event.reason(), message));
        }
    }

    @EventHandler
    void on(CommentAdded event, EventMessage<?> message) {
        if (!mailing(message) || !ActorKind.AGENT.name().equals(event.authorKind())
                || event.visibility() == Visibility.INTERNAL) {
            return;
        }
        directory.requested(event.inquiryId()).ifPresent(requested -> {
            MailedInquiry inquiry = requested.inquiry();
            boolean sensitive = event.visibility() == Visibility.SENSITIVE;
            boolean mayRead = !sensitive || directory.membership(inquiry.contactId(), inquiry.clientId())
                    .map(Membership::showSensitive).orElse(false);
            if (mayRead) {
                toRequester(requested, message, "COMMENT", "Re: " + inquiry.subject(),
                        Map.of("author", event.authorId(), "body", event.body()));
            }
        });
    }

    @EventHandler
    void on(InquiryPendingClient event, EventMessage<?> message) {
        if (mailing(message)) {
            Map<String, Object> values = new HashMap<>();
            values.put("pendingCode", event.pendingCode());
            values.put("note", event.note());
            values.put("followUpDue", event.followUpDue());
            directory.requested(event.inquiryId()).ifPresent(requested -> toRequester(requested, message,
                    "PENDING_CLIENT", "Your reply is needed: " + requested.inquiry().subject(), values));
        }
    }

    @EventHandler
    void on(InquiryResolved event, EventMessage<?> message) {
        if (!mailing(message)) {
            return;
        }
        directory.requested(event.inquiryId()).ifPresent(requested -> {
            Map<String, Object> values = new HashMap<>();
            values.put("resolutionCode", event.resolutionCode());
            values.put("note", event.note());
            toRequester(requested, message, "RESOLUTION", "Resolved: " + requested.inquiry().subject(), values);
            notice(requested.inquiry(), message, "RESOLUTION_NOTICE", "Resolved", "An inquiry was resolved");
        });
    }

    private void toRequester(MailDirectory.Requested requested, EventMessage<?> message, String about,
                             String subject, Map<String, Object> values) {
        Recipient requester = requested.requester();
        if (requester == null) {
            return;
        }
        String template = switch (about) {
            case "COMMENT" -> "comment";
            case "PENDING_CLIENT" -> "pending-client";
            default -> "resolution";
        };
        MailedInquiry inquiry = requested.inquiry();
        enqueue(message, requester.email(), MailAudience.REQUESTER, inquiry, about, subject,
                templates.render(template, values(inquiry, requester, values), requester.timeZone()));
    }

    private void notice(MailedInquiry inquiry, EventMessage<?> message, String about, String subjectPrefix,
                        String headline) {
        for (Recipient contact : directory.notified(inquiry.clientId(), inquiry.product(), inquiry.contactId())) {
            enqueue(message, contact.email(), MailAudience.CONTACT, inquiry, about,
                    subjectPrefix + ": " + inquiry.subject(), templates.render("notice",
                            values(inquiry, contact, Map.of("headline", headline)), contact.timeZone()));
        }
    }

    private void group(MailedInquiry inquiry, String group, String reason, EventMessage<?> message) {
        directory.groupAddress(group).ifPresent(address -> {
            Map<String, Object> values = new HashMap<>();
            values.put("group", group);
            values.put("reason", reason);
            values.put("subject", inquiry.subject());
            values.put("product", inquiry.product());
            values.put("priority", inquiry.priority());
            values.put("reference", reference(inquiry.inquiryId()));
            enqueue(message, address, MailAudience.GROUP, inquiry, "GROUP_ROUTED",
                    "New work for " + group + ": " + inquiry.subject(), templates.render("group", values, null));
        });
    }

    private void enqueue(EventMessage<?> message, String recipient, MailAudience audience, MailedInquiry inquiry,
                         String about, String subject, MailTemplates.Body body) {
        outbox.enqueue(new Outbox.Mail(message.getIdentifier(), recipient, audience, inquiry.inquiryId(), about,
                headerSafe("[" + reference(inquiry.inquiryId()) + "] " + subject), body), message.getTimestamp());
    }

    private static Map<String, Object> values(MailedInquiry inquiry, Recipient recipient, Map<String, Object> more) {
        Map<String, Object> values = new HashMap<>(more);
        values.put("name", recipient.firstName());
        values.put("subject", inquiry.subject());
        values.put("product", inquiry.product());
        values.put("clientId", inquiry.clientId());
        values.put("reference", reference(inquiry.inquiryId()));
        return values;
    }

    /** The inquiry's reference in subjects: replies are matched by it when their headers are lost. */
    static String reference(String inquiryId) {
        return "ref:" + inquiryId;
    }

    private boolean mailing(EventMessage<?> message) {
        if (activatedAt == null) {
            activatedAt = directory.activatedAt();
        }
        return !message.getTimestamp().isBefore(activatedAt);
    }

    private void join(String contactId, ClientMembership membership) {
        PortalSettings settings = membership.settings() == null ? PortalSettings.defaults() : membership.settings();
        Set<String> muted = new LinkedHashSet<>();
        if (membership.productPreferences() != null) {
            membership.productPreferences().forEach((product, preferences) -> {
                if (mutes(preferences)) {
                    muted.add(product);
                }
            });
        }
        directory.membership(contactId, membership.clientId(), settings.notifications(), settings.showAllInquiries(),
                settings.showSensitive(), muted);
    }

    /** Product preferences that say {@code "notifications": false} (or "false") mute that product. */
    private static boolean mutes(Map<String, Object> preferences) {
        Object value = preferences == null ? null : preferences.get(NOTIFICATIONS);
        return Boolean.FALSE.equals(value) || "false".equalsIgnoreCase(String.valueOf(value));
    }

    /** Subjects carry no line breaks or other control characters (no header injection, no broken folding). */
    private static String headerSafe(String text) {
        String plain = text.replaceAll("\\p{Cntrl}", " ").strip();
        return plain.length() > 390 ? plain.substring(0, 390) : plain;
    }

}
