package io.client360.command.contact;

import io.client360.platform.ids.Ids;
import io.client360.command.web.CommandDispatcher;
import io.client360.command.web.CommandDispatcher.Accepted;
import io.client360.command.web.Creations;
import io.client360.command.web.ETags;
import io.client360.kernel.contact.ChangeContactAccess;
import io.client360.kernel.contact.AddContactNote;
import io.client360.kernel.contact.ChangeOwnNotifications;
import io.client360.kernel.contact.UpdateContactProfile;
import io.client360.kernel.contact.ChangePortalSettings;
import io.client360.platform.authorization.Actor;
import io.client360.kernel.contact.ChangePrimaryClient;
import io.client360.kernel.contact.ContactSource;
import io.client360.kernel.contact.CreateContact;
import io.client360.kernel.contact.GrantClientAccess;
import io.client360.kernel.contact.MergeContacts;
import io.client360.kernel.contact.UnmergeContacts;
import io.client360.kernel.contact.ReactivateContact;
import io.client360.kernel.contact.RecordLogin;
import io.client360.kernel.contact.RevokeClientAccess;
import io.client360.kernel.contact.SetProductPreferences;
import io.client360.platform.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.client360.command.contact.ContactRequests.flag;

/** The write API of contacts: creation, clients, settings, access, logins, reactivation, merge and unmerge. */
@RestController
@RequestMapping(path = "/api/contacts", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Contacts")
class ContactController {

    private static final String IF_MATCH = "If-Match";

    private final CommandDispatcher commands;
    private final Creations creations;
    private final ContactRegistry registry;

    ContactController(CommandDispatcher commands, Creations creations, ContactRegistry registry) {
        this.commands = commands;
        this.creations = creations;
        this.registry = registry;
    }

    @PostMapping
    @Operation(operationId = "createContact", summary = "Create a contact at one or more clients; its role is derived from the access flags")
    ResponseEntity<CreatedContact> create(@Valid @RequestBody ContactRequests.Create body) {
        body.check();
        CreateContact command = new CreateContact(Ids.random(), body.firstName().strip(),
                body.lastName().strip(), body.email().strip(),
                body.additionalEmails() == null ? List.of() : body.additionalEmails(), body.mobilePhone(),
                body.timeZone(), body.source() == null ? ContactSource.DIRECT_ENTRY : body.source(),
                flag(body.portalAccess()), flag(body.clientAdmin()), flag(body.invoiceAccess()),
                body.clients().stream().map(ContactRequests.Membership::toMembership).toList(), body.primaryClientId());
        return creations.create("/api/contacts", command, CreatedContact.class);
    }

    @PostMapping("/{id}/clients")
    @Operation(operationId = "grantClientAccess", summary = "Grant the contact access to one more client")
    ResponseEntity<Accepted> grantClient(@PathVariable String id, @Valid @RequestBody ContactRequests.Membership body,
                                         @RequestHeader(name = IF_MATCH, required = false) String ifMatch) {
        body.check();
        return commands.update(id, new GrantClientAccess(id, body.toMembership(), ETags.expectedVersion(ifMatch)));
    }

    @DeleteMapping("/{id}/clients/{clientId}")
    @Operation(operationId = "revokeClientAccess", summary = "Remove the contact from a client (not the primary while others remain)")
    ResponseEntity<Accepted> revokeClient(@PathVariable String id, @PathVariable String clientId,
                                          @RequestHeader(name = IF_MATCH, required = false) String ifMatch) {
        return commands.update(id, new RevokeClientAccess(id, clientId, ETags.expectedVersion(ifMatch)));
    }

    @PutMapping("/{id}/primary-client")
    @Operation(operationId = "changePrimaryClient", summary = "Make another of the contact's clients its primary one")
    ResponseEntity<Accepted> primaryClient(@PathVariable String id, @Valid @RequestBody ContactRequests.PrimaryClient body,
                                           @RequestHeader(name = IF_MATCH, required = false) String ifMatch) {
        return commands.update(id, new ChangePrimaryClient(id, body.clientId(), ETags.expectedVersion(ifMatch)));
    }

    @PutMapping("/{id}/clients/{clientId}/settings")
    @Operation(operationId = "changePortalSettings", summary = "Change the contact's portal settings at one client; a contact that does not administer the client changes its own notifications only")
    ResponseEntity<Accepted> settings(@PathVariable String id, @PathVariable String clientId,
                                      @Valid @RequestBody ContactRequests.Settings body,
                                      @RequestHeader(name = IF_MATCH, required = false) String ifMatch) {
        Actor actor = Actor.current();
        boolean ownNotifications = actor.isContact() && actor.id().equals(id) && registry.standing(id)
                .filter(self -> self.administers(clientId)).isEmpty();
        if (ownNotifications) {
            return commands.update(id, new ChangeOwnNotifications(id, clientId, body.notifications(),
                    body.showAllInquiries(), body.showSensitive(), ETags.expectedVersion(ifMatch)));
        }
        return commands.update(id, new ChangePortalSettings(id, clientId, body.toSettings(),
                ETags.expectedVersion(ifMatch)));
    }

    @PutMapping("/{id}/clients/{clientId}/product-preferences")
    @Operation(operationId = "setProductPreferences", summary = "Set the same preferences for every product listed (bulk)")
    ResponseEntity<Accepted> productPreferences(@PathVariable String id, @PathVariable String clientId,
                                                @Valid @RequestBody ContactRequests.ProductPreferences body,
                                                @RequestHeader(name = IF_MATCH, required = false) String ifMatch) {
        ContactRequests.requirePlainProducts(body.products());
        ContactRequests.requireScalars(body.preferences());
        Map<String, Object> preferences = new LinkedHashMap<>(body.preferences());
        return commands.update(id, new SetProductPreferences(id, clientId, body.products(), preferences,
                ETags.expectedVersion(ifMatch)));
    }

    @PutMapping("/{id}/access")
    @Operation(operationId = "changeContactAccess", summary = "Change portal access, client-administrator and invoice access; the role is re-derived")
    ResponseEntity<Accepted> access(@PathVariable String id, @Valid @RequestBody ContactRequests.Access body,
                                    @RequestHeader(name = IF_MATCH, required = false) String ifMatch) {
        return commands.update(id, new ChangeContactAccess(id, body.portalAccess(), body.clientAdmin(),
                body.invoiceAccess(), ETags.expectedVersion(ifMatch)));
    }

    @PostMapping("/{id}/logins")
    @Operation(operationId = "recordLogin", summary = "Record a portal login (moves the inactivity lock)")
    ResponseEntity<Accepted> login(@PathVariable String id,
                                   @RequestHeader(name = IF_MATCH, required = false) String ifMatch) {
        return commands.update(id, new RecordLogin(id, ETags.expectedVersion(ifMatch)));
    }

    @PostMapping("/{id}/reactivation")
    @Operation(operationId = "reactivateContact", summary = "Re-enable a locked contact, naming its ACCOUNT_ACCESS inquiry")
    ResponseEntity<Accepted> reactivate(@PathVariable String id, @Valid @RequestBody ContactRequests.Reactivation body,
                                        @RequestHeader(name = IF_MATCH, required = false) String ifMatch) {
        return commands.update(id, new ReactivateContact(id, body.inquiryId(), ETags.expectedVersion(ifMatch)));
    }

    @PostMapping("/{id}/merge")
    @Operation(operationId = "mergeContacts", summary = "Merge a duplicate into this contact (the survivor)")
    ResponseEntity<Accepted> merge(@PathVariable String id, @Valid @RequestBody ContactRequests.Merge body) {
        if (body.duplicateId().equals(id)) {
            throw new InvalidRequestException("duplicateId", "must name another contact than the survivor");
        }
        return commands.update(id, new MergeContacts(id, body.duplicateId()));
    }

    @PostMapping("/{id}/unmerge")
    @Operation(operationId = "unmergeContacts", summary = "Reverse a merge into this contact (ADMIN): the duplicate comes back with its own e-mails, memberships and inquiries")
    ResponseEntity<Accepted> unmerge(@PathVariable String id, @Valid @RequestBody ContactRequests.Merge body) {
        if (body.duplicateId().equals(id)) {
            throw new InvalidRequestException("duplicateId", "must name another contact than the survivor");
        }
        return commands.update(id, new UnmergeContacts(id, body.duplicateId()));
    }

    @PostMapping("/{id}/notes")
    @Operation(operationId = "addContactNote", summary = "Note something in the contact's history (staff; contacts never see notes)")
    ResponseEntity<Accepted> note(@PathVariable String id, @Valid @RequestBody ContactRequests.Note body) {
        return commands.update(id, new AddContactNote(id, Ids.random(), body.body()));
    }

    @PatchMapping("/{id}")
    @Operation(operationId = "updateContactProfile", summary = "Change a contact's names, e-mail, additional e-mails, mobile phone, time zone or comments; uniqueness re-checked (DUPLICATE_CONTACT)")
    ResponseEntity<Accepted> updateProfile(@PathVariable String id, @Valid @RequestBody ContactRequests.ProfilePatch body,
                                           @RequestHeader(name = IF_MATCH, required = false) String ifMatch) {
        body.check();
        return commands.update(id, new UpdateContactProfile(id, strip(body.firstName()), strip(body.lastName()),
                strip(body.email()), body.additionalEmails() == null ? null
                : body.additionalEmails().stream().map(String::strip).toList(),
                body.mobilePhone(), body.timeZone(), body.comments(), ETags.expectedVersion(ifMatch)));
    }

    private static String strip(String text) {
        return text == null ? null : text.strip();
    }
}
