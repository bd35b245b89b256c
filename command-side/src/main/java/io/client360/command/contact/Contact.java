package io.client360.command.contact;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.client360.kernel.DomainRuleViolation;
import io.client360.kernel.ErrorCode;
import io.client360.kernel.contact.ChangeContactAccess;
import io.client360.kernel.contact.AddContactNote;
import io.client360.kernel.contact.ChangeOwnNotifications;
import io.client360.kernel.contact.ContactEntryMarked;
import io.client360.kernel.contact.ContactNoteAdded;
import io.client360.kernel.contact.ContactProfile;
import io.client360.kernel.contact.ContactProfileChanged;
import io.client360.kernel.contact.UpdateContactProfile;
import io.client360.kernel.contact.MarkContactEntry;
import io.client360.kernel.contact.ChangePortalSettings;
import io.client360.kernel.contact.ChangePrimaryClient;
import io.client360.kernel.contact.ClientAccessGranted;
import io.client360.kernel.contact.ClientAccessRevoked;
import io.client360.kernel.contact.ClientMembership;
import io.client360.kernel.contact.ContactAccessChanged;
import io.client360.kernel.contact.ContactCreated;
import io.client360.kernel.contact.ContactLocked;
import io.client360.kernel.contact.ContactLoggedIn;
import io.client360.kernel.contact.ContactReactivated;
import io.client360.kernel.contact.ContactRetiredAsDuplicate;
import io.client360.kernel.contact.ContactRole;
import io.client360.kernel.contact.ContactRoleChanged;
import io.client360.kernel.contact.ContactStatus;
import io.client360.kernel.contact.CreateContact;
import io.client360.kernel.contact.ContactRestoredFromMerge;
import io.client360.kernel.contact.DuplicateContactMerged;
import io.client360.kernel.contact.DuplicateContactUnmerged;
import io.client360.kernel.contact.GrantClientAccess;
import io.client360.kernel.contact.LockReason;
import io.client360.kernel.contact.PortalSettings;
import io.client360.kernel.contact.PortalSettingsChanged;
import io.client360.kernel.contact.PrimaryClientChanged;
import io.client360.kernel.contact.ProductPreferencesSet;
import io.client360.kernel.contact.RecordLogin;
import io.client360.kernel.contact.RevokeClientAccess;
import io.client360.kernel.contact.SetProductPreferences;
import org.axonframework.commandhandling.CommandHandler;
import java.util.Objects;
import org.axonframework.messaging.annotation.MetaDataValue;
import io.client360.kernel.MetadataKeys;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * A person at one or more client organisations. Keeps exactly one primary client among its clients,
 * derives its role from its access flags, and locks itself after inactivity (a persistent deadline,
 * never cancelled: the lock checks that it is still the one armed).
 */
@Aggregate(snapshotTriggerDefinition = "contactSnapshotTrigger", cache = "contactCache")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class Contact {

    static final String INACTIVITY_LOCK = "inactivity-lock";

    @AggregateIdentifier
    private String contactId;
    private ContactStatus status;
    private boolean portalAccess;
    private boolean clientAdmin;
    private boolean invoiceAccess;
    private ContactRole role;
    private Map<String, ClientMembership> clients = new LinkedHashMap<>();
    private String primaryClientId;
    private Set<String> emails = new LinkedHashSet<>();
    private boolean everLoggedIn;
    private Instant lockDueAt;
    /** The history entries flagged important. */
    private Set<String> importantEntries = new LinkedHashSet<>();
    /** The profile as it is now (null in a snapshot taken before profiles changed: filled by the next change). */
    private ContactProfile profile;
    /** The ACCOUNT_ACCESS inquiries that reactivated this contact: each does so once. */
    private Set<String> reactivatedBy = new LinkedHashSet<>();
    /** Merged duplicates and what this contact took of each (an unmerge gives it back). */
    private Map<String, Absorbed> absorbed = new LinkedHashMap<>();
    /** As a retired duplicate: the survivor, and the status to come back to. */
    private String mergedInto;
    private ContactStatus statusBeforeMerge;

    private Contact() {
        // for Axon and the snapshot serializer
    }

    /** Creates the contact; uniqueness of e-mail and name was checked by the caller against the lookup table. */
    Contact(CreateContact command, ContactTimings timings, Clock clock, DeadlineManager deadlines) {
        if (command.clients().isEmpty()) {
            throw refused(ErrorCode.VALIDATION_FAILED, "A contact belongs to at least one client.");
        }
        Set<String> clientIds = new LinkedHashSet<>(command.namedClients());
        if (clientIds.size() != command.clients().size()) {
            throw refused(ErrorCode.VALIDATION_FAILED, "A client is named twice.");
        }
        String primary = command.primaryClientId() != null ? command.primaryClientId()
                : clientIds.size() == 1 ? clientIds.iterator().next() : null;
        if (primary == null) {
            throw refused(ErrorCode.VALIDATION_FAILED, "A contact of several clients needs a primaryClientId.");
        }
        if (!clientIds.contains(primary)) {
            throw refused(ErrorCode.NOT_A_CLIENT_OF_CONTACT, "The primary client " + primary
                    + " is not one of the contact's clients.");
        }
        Instant lockDue = command.portalAccess() ? clock.instant().plus(timings.lockNewAfter()) : null;
        apply(new ContactCreated(command.contactId(), command.firstName(), command.lastName(), command.email(),
                command.additionalEmails() == null ? List.of() : List.copyOf(command.additionalEmails()),
                command.mobilePhone(), command.timeZone(), command.source(), command.portalAccess(),
                command.clientAdmin(), command.invoiceAccess(),
                ContactRole.derive(command.portalAccess(), command.clientAdmin(), command.invoiceAccess()),
                List.copyOf(command.clients()), primary, lockDue));
        armLock(deadlines, timings.lockNewAfter(), lockDue);
    }

    @CommandHandler
    long handle(GrantClientAccess command) {
        requireNotMerged();
        String clientId = command.membership().clientId();
        if (clients.containsKey(clientId)) {
            throw refused(ErrorCode.NO_CHANGE, "The contact already belongs to client " + clientId + ".");
        }
        apply(new ClientAccessGranted(contactId, command.membership()));
        return getVersion();
    }

    @CommandHandler
    long handle(RevokeClientAccess command) {
        requireNotMerged();
        requireMember(command.clientId());
        if (clients.size() == 1) {
            throw refused(ErrorCode.PRIMARY_CLIENT_REQUIRED, "A contact belongs to at least one client.");
        }
        if (command.clientId().equals(primaryClientId)) {
            throw refused(ErrorCode.PRIMARY_CLIENT_REQUIRED,
                    "The primary client cannot be removed while others remain; make another one primary first.");
        }
        apply(new ClientAccessRevoked(contactId, command.clientId()));
        return getVersion();
    }

    @CommandHandler
    long handle(ChangePrimaryClient command) {
        requireNotMerged();
        requireMember(command.clientId());
        if (command.clientId().equals(primaryClientId)) {
            throw refused(ErrorCode.NO_CHANGE, command.clientId() + " is already the primary client.");
        }
        apply(new PrimaryClientChanged(contactId, primaryClientId, command.clientId()));
        return getVersion();
    }

    @CommandHandler
    long handle(ChangePortalSettings command) {
        requireNotMerged();
        requireMember(command.clientId());
        if (clients.get(command.clientId()).settings().equals(command.settings())) {
            throw refused(ErrorCode.NO_CHANGE, "The portal settings are already so.");
        }
        apply(new PortalSettingsChanged(contactId, command.clientId(), command.settings()));
        return getVersion();
    }

    @CommandHandler
    long handle(ChangeOwnNotifications command) {
        requireNotMerged();
        requireMember(command.clientId());
        PortalSettings current = clients.get(command.clientId()).settings();
        if (command.showAllInquiries() != null && command.showAllInquiries() != current.showAllInquiries()
                || command.showSensitive() != null && command.showSensitive() != current.showSensitive()) {
            throw refused(ErrorCode.NOT_CLIENT_ADMIN, "A contact changes its own notifications; what it may see "
                    + "(showAllInquiries, showSensitive) is set by a client administrator.");
        }
        PortalSettings wanted = new PortalSettings(command.notifications() == null ? current.notifications()
                : command.notifications(), current.showAllInquiries(), current.showSensitive());
        if (current.equals(wanted)) {
            throw refused(ErrorCode.NO_CHANGE, "The portal settings are already so.");
        }
        apply(new PortalSettingsChanged(contactId, command.clientId(), wanted));
        return getVersion();
    }

    /** At most this many products carry preferences at one client (what every read model stores whole). */
    static final int MAX_PRODUCTS_WITH_PREFERENCES = 100;

    private boolean roomForPreferences(String clientId, List<String> products) {
        Set<String> after = new HashSet<>(clients.get(clientId).productPreferences().keySet());
        after.addAll(products);
        return after.size() <= MAX_PRODUCTS_WITH_PREFERENCES;
    }

    @CommandHandler
    long handle(SetProductPreferences command) {
        requireNotMerged();
        requireMember(command.clientId());
        if (command.products().isEmpty()) {
            throw refused(ErrorCode.VALIDATION_FAILED, "Name at least one product.");
        }
        if (!roomForPreferences(command.clientId(), command.products())) {
            throw refused(ErrorCode.TOO_MANY_PRODUCT_PREFERENCES, "A contact has preferences for at most "
                    + MAX_PRODUCTS_WITH_PREFERENCES + " products at a client.");
        }
        apply(new ProductPreferencesSet(contactId, command.clientId(), List.copyOf(new LinkedHashSet<>(command.products())),
                command.preferences()));
        return getVersion();
    }

    @CommandHandler
    long handle(ChangeContactAccess command, ContactTimings timings, Clock clock, DeadlineManager deadlines) {
        requireNotMerged();
        if (command.portalAccess() == portalAccess && command.clientAdmin() == clientAdmin
                && command.invoiceAccess() == invoiceAccess) {
            throw refused(ErrorCode.NO_CHANGE, "The access flags are already so.");
        }
        Duration untilLock = everLoggedIn ? timings.lockInactiveAfter() : timings.lockNewAfter();
        boolean keepsLock = command.portalAccess() && portalAccess && lockDueAt != null;
        Instant lockDue = !command.portalAccess() || status != ContactStatus.ACTIVE ? null
                : keepsLock ? lockDueAt : clock.instant().plus(untilLock);
        apply(new ContactAccessChanged(contactId, command.portalAccess(), command.clientAdmin(),
                command.invoiceAccess(), lockDue));
        ContactRole derived = ContactRole.derive(command.portalAccess(), command.clientAdmin(), command.invoiceAccess());
        if (derived != role) {
            apply(new ContactRoleChanged(contactId, role, derived));
        }
        if (lockDue != null && !keepsLock) {
            armLock(deadlines, untilLock, lockDue);
        }
        return getVersion();
    }

    @CommandHandler
    long handle(RecordLogin command, ContactTimings timings, Clock clock, DeadlineManager deadlines) {
        requireNotMerged();
        if (status == ContactStatus.LOCKED) {
            throw refused(ErrorCode.CONTACT_LOCKED, "The contact is locked; an ACCOUNT_ACCESS inquiry can re-enable it.");
        }
        if (!portalAccess) {
            throw refused(ErrorCode.INVALID_TRANSITION, "The contact has no portal access.");
        }
        Instant now = clock.instant();
        Instant lockDue = now.plus(timings.lockInactiveAfter());
        apply(new ContactLoggedIn(contactId, now, lockDue));
        armLock(deadlines, timings.lockInactiveAfter(), lockDue);
        return getVersion();
    }

    @DeadlineHandler(deadlineName = INACTIVITY_LOCK)
    void on(InactivityLockDue deadline) {
        if (status != ContactStatus.ACTIVE || !portalAccess || !deadline.dueAt().equals(lockDueAt)) {
            return; // a login or an access change re-armed or disarmed the lock since
        }
        apply(new ContactLocked(contactId, everLoggedIn ? LockReason.INACTIVE : LockReason.NEVER_LOGGED_IN));
    }

    /** Re-enables a locked contact; the caller has checked the ACCOUNT_ACCESS inquiry that justifies it. */
    void reactivate(String inquiryId, ContactTimings timings, Clock clock, DeadlineManager deadlines) {
        requireNotMerged();
        if (status != ContactStatus.LOCKED) {
            throw refused(ErrorCode.INVALID_TRANSITION, "Only a locked contact can be reactivated; it is " + status + ".");
        }
        if (reactivatedBy != null && reactivatedBy.contains(inquiryId)) {
            throw refused(ErrorCode.ACCOUNT_ACCESS_INQUIRY_REQUIRED, "Inquiry " + inquiryId
                    + " has reactivated this contact once already; a new ACCOUNT_ACCESS inquiry is needed.");
        }
        Instant lockDue = portalAccess ? clock.instant().plus(timings.lockNewAfter()) : null;
        apply(new ContactReactivated(contactId, inquiryId, lockDue));
        armLock(deadlines, timings.lockNewAfter(), lockDue);
    }

    /** Retires this contact as a duplicate of {@code survivorId}; answers what the survivor takes over. */
    Absorbed retireInto(String survivorId) {
        requireNotMerged();
        if (survivorId.equals(contactId)) {
            throw refused(ErrorCode.VALIDATION_FAILED, "A contact cannot be merged into itself.");
        }
        Absorbed absorbed = new Absorbed(List.copyOf(emails), List.copyOf(clients.values()));
        apply(new ContactRetiredAsDuplicate(contactId, survivorId));
        return absorbed;
    }

    /** Takes over the e-mails and client memberships of a retired duplicate. */
    void absorb(String duplicateId, Absorbed duplicate) {
        requireNotMerged();
        List<String> addedEmails = duplicate.emails().stream()
                .filter(email -> emails.stream().noneMatch(known -> known.equalsIgnoreCase(email)))
                .toList();
        List<ClientMembership> addedClients = duplicate.clients().stream()
                .filter(membership -> !clients.containsKey(membership.clientId()))
                .toList();
        apply(new DuplicateContactMerged(contactId, duplicateId, addedEmails, addedClients));
    }

    @CommandHandler
    long handle(UpdateContactProfile command) {
        requireNotMerged();
        ContactProfile before = profile != null ? profile
                : new ContactProfile(null, null, null, List.of(), null, null, null);
        ContactProfile after = new ContactProfile(
                command.firstName() != null ? command.firstName() : before.firstName(),
                command.lastName() != null ? command.lastName() : before.lastName(),
                command.email() != null ? command.email() : before.email(),
                command.additionalEmails() != null ? List.copyOf(command.additionalEmails()) : before.additionalEmails(),
                cleared(command.mobilePhone(), before.mobilePhone()),
                cleared(command.timeZone(), before.timeZone()),
                cleared(command.comments(), before.comments()));
        if (after.equals(before)) {
            throw refused(ErrorCode.NO_CHANGE, "The profile is already so.");
        }
        if (after.firstName() == null || after.lastName() == null || after.email() == null) {
            throw refused(ErrorCode.VALIDATION_FAILED, "A contact keeps its names and e-mail.");
        }
        apply(new ContactProfileChanged(contactId, before, after));
        return getVersion();
    }

    /** The new value, the old one when none is given, none when an empty text is given. */
    private static String cleared(String given, String current) {
        if (given == null) {
            return current;
        }
        return given.isBlank() ? null : given;
    }

    @CommandHandler
    long handle(AddContactNote command, @MetaDataValue(MetadataKeys.ACTOR_ID) String actorId) {
        apply(new ContactNoteAdded(contactId, command.noteId(), command.body(),
                Objects.requireNonNullElse(actorId, MetadataKeys.SYSTEM_ACTOR)));
        return getVersion();
    }

    /** Flags an entry of the history; the edge has checked it is a note of this contact. */
    @CommandHandler
    long handle(MarkContactEntry command) {
        boolean flagged = importantEntries != null && importantEntries.contains(command.entryId());
        if (flagged == command.important()) {
            throw refused(ErrorCode.NO_CHANGE, "The entry is " + (flagged ? "" : "not ") + "flagged important already.");
        }
        apply(new ContactEntryMarked(contactId, command.entryId(), command.important()));
        return getVersion();
    }

    /** Gives back what this contact took of {@code duplicateId} in a merge (what it still has of it). */
    void release(String duplicateId) {
        requireNotMerged();
        Absorbed taken = absorbed == null ? null : absorbed.get(duplicateId);
        if (taken == null) {
            throw refused(ErrorCode.INVALID_TRANSITION, "Contact " + duplicateId + " was not merged into " + contactId + ".");
        }
        List<String> removedEmails = taken.emails().stream()
                .filter(email -> emails.stream().anyMatch(known -> known.equalsIgnoreCase(email)))
                .toList();
        List<String> removedClients = taken.clients().stream().map(ClientMembership::clientId)
                .filter(clientId -> clients.containsKey(clientId) && !clientId.equals(primaryClientId))
                .toList();
        apply(new DuplicateContactUnmerged(contactId, duplicateId, removedEmails, removedClients));
    }

    /** Comes back from a merge into {@code survivorId} as it was before it. */
    void restoreFrom(String survivorId) {
        if (status != ContactStatus.MERGED || !survivorId.equals(mergedInto)) {
            throw refused(ErrorCode.INVALID_TRANSITION, "Contact " + contactId + " is not merged into " + survivorId + ".");
        }
        apply(new ContactRestoredFromMerge(contactId, survivorId,
                statusBeforeMerge == null ? ContactStatus.ACTIVE : statusBeforeMerge,
                profile == null ? List.of() : profile.additionalEmails()));
    }

    /** What a retired duplicate hands over to its survivor. */
    record Absorbed(List<String> emails, List<ClientMembership> clients) {
    }

    private void armLock(DeadlineManager deadlines, Duration untilLock, Instant lockDue) {
        if (lockDue != null) {
            deadlines.schedule(untilLock, INACTIVITY_LOCK, new InactivityLockDue(lockDue));
        }
    }

    private void requireNotMerged() {
        if (status == ContactStatus.MERGED) {
            throw refused(ErrorCode.CONTACT_MERGED, "Contact " + contactId + " was merged into another contact.");
        }
    }

    private void requireMember(String clientId) {
        if (!clients.containsKey(clientId)) {
            throw refused(ErrorCode.NOT_A_CLIENT_OF_CONTACT, "The contact does not belong to client " + clientId + ".");
        }
    }

    private static DomainRuleViolation refused(ErrorCode code, String detail) {
        return new DomainRuleViolation(code, detail);
    }

    @EventSourcingHandler
    void on(ContactCreated event) {
        contactId = event.contactId();
        status = ContactStatus.ACTIVE;
        portalAccess = event.portalAccess();
        clientAdmin = event.clientAdmin();
        invoiceAccess = event.invoiceAccess();
        role = event.role();
        clients = new LinkedHashMap<>();
        event.clients().forEach(membership -> clients.put(membership.clientId(), membership));
        primaryClientId = event.primaryClientId();
        emails = new LinkedHashSet<>();
        emails.add(event.email());
        emails.addAll(event.additionalEmails());
        lockDueAt = event.lockDueAt();
        profile = new ContactProfile(event.firstName(), event.lastName(), event.email(),
                List.copyOf(event.additionalEmails()), event.mobilePhone(), event.timeZone(), null);
    }

    @EventSourcingHandler
    void on(ContactProfileChanged event) {
        emails.remove(event.before().email());
        event.before().additionalEmails().forEach(emails::remove);
        emails.add(event.after().email());
        emails.addAll(event.after().additionalEmails());
        profile = event.after();
    }

    @EventSourcingHandler
    void on(ClientAccessGranted event) {
        clients.put(event.membership().clientId(), event.membership());
    }

    @EventSourcingHandler
    void on(ClientAccessRevoked event) {
        clients.remove(event.clientId());
    }

    @EventSourcingHandler
    void on(PrimaryClientChanged event) {
        primaryClientId = event.to();
    }

    @EventSourcingHandler
    void on(PortalSettingsChanged event) {
        ClientMembership membership = clients.get(event.clientId());
        clients.put(event.clientId(), new ClientMembership(event.clientId(), event.settings(),
                membership.productPreferences()));
    }

    @EventSourcingHandler
    void on(ProductPreferencesSet event) {
        ClientMembership membership = clients.get(event.clientId());
        Map<String, Map<String, Object>> preferences = new HashMap<>(membership.productPreferences());
        event.products().forEach(product -> preferences.put(product, event.preferences()));
        clients.put(event.clientId(), new ClientMembership(event.clientId(), membership.settings(), preferences));
    }

    @EventSourcingHandler
    void on(ContactAccessChanged event) {
        portalAccess = event.portalAccess();
        clientAdmin = event.clientAdmin();
        invoiceAccess = event.invoiceAccess();
        lockDueAt = event.lockDueAt();
    }

    @EventSourcingHandler
    void on(ContactRoleChanged event) {
        role = event.to();
    }

    @EventSourcingHandler
    void on(ContactLoggedIn event) {
        everLoggedIn = true;
        lockDueAt = event.lockDueAt();
    }

    @EventSourcingHandler
    void on(ContactLocked event) {
        status = ContactStatus.LOCKED;
        lockDueAt = null;
    }

    @EventSourcingHandler
    void on(ContactReactivated event) {
        status = ContactStatus.ACTIVE;
        if (reactivatedBy == null) {
            reactivatedBy = new LinkedHashSet<>();
        }
        reactivatedBy.add(event.inquiryId());
        lockDueAt = event.lockDueAt();
    }

    @EventSourcingHandler
    void on(ContactRetiredAsDuplicate event) {
        statusBeforeMerge = status;
        mergedInto = event.survivorId();
        status = ContactStatus.MERGED;
        lockDueAt = null;
    }

    @EventSourcingHandler
    void on(DuplicateContactMerged event) {
        emails.addAll(event.addedEmails());
        event.addedClients().forEach(membership -> clients.put(membership.clientId(), membership));
        if (absorbed == null) {
            absorbed = new LinkedHashMap<>();
        }
        absorbed.put(event.duplicateId(), new Absorbed(List.copyOf(event.addedEmails()),
                List.copyOf(event.addedClients())));
        if (profile != null) {
            List<String> additional = new java.util.ArrayList<>(profile.additionalEmails());
            additional.addAll(event.addedEmails());
            profile = withAdditionalEmails(additional);
        }
    }

    private ContactProfile withAdditionalEmails(List<String> additional) {
        return new ContactProfile(profile.firstName(), profile.lastName(), profile.email(), List.copyOf(additional),
                profile.mobilePhone(), profile.timeZone(), profile.comments());
    }

    @EventSourcingHandler
    void on(ContactEntryMarked event) {
        if (importantEntries == null) {
            importantEntries = new LinkedHashSet<>();
        }
        if (event.important()) {
            importantEntries.add(event.entryId());
        } else {
            importantEntries.remove(event.entryId());
        }
    }

    @EventSourcingHandler
    void on(DuplicateContactUnmerged event) {
        event.removedEmails().forEach(email -> emails.removeIf(known -> known.equalsIgnoreCase(email)));
        event.removedClients().forEach(clients::remove);
        if (profile != null) {
            profile = withAdditionalEmails(profile.additionalEmails().stream()
                    .filter(email -> event.removedEmails().stream().noneMatch(email::equalsIgnoreCase)).toList());
        }
        absorbed.remove(event.duplicateId());
    }

    @EventSourcingHandler
    void on(ContactRestoredFromMerge event) {
        status = event.status();
        mergedInto = null;
        statusBeforeMerge = null;
    }
}
