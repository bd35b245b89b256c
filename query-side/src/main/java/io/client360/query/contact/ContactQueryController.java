package io.client360.query.contact;

import io.client360.kernel.NotFound;
import io.client360.query.web.Readers;
import io.client360.query.web.TimeTravel;
import io.client360.query.web.VersionWait;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.Optional;

/** The read API of contacts: the profile with role, status and clients. */
@RestController
@RequestMapping(path = "/api/contacts", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Contacts")
class ContactQueryController {

    private final ContactReadRepository contacts;
    private final VersionWait versionWait;
    private final Readers readers;
    private final TimeTravel timeTravel;
    private final ContactProjection projection;

    ContactQueryController(ContactReadRepository contacts, VersionWait versionWait, Readers readers,
                           TimeTravel timeTravel, ContactProjection projection) {
        this.contacts = contacts;
        this.versionWait = versionWait;
        this.readers = readers;
        this.timeTravel = timeTravel;
        this.projection = projection;
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getContact", summary = "A contact: profile, derived role, status, clients with settings and product preferences")
    ContactView contact(@PathVariable @Size(max = 100) String id,
                        @RequestParam(required = false) @Min(0) Long minVersion,
                        @RequestParam(required = false) Instant asOf) {
        Readers.Reader reader = readers.current();
        if (!reader.mayReadContact(id)) {
            throw new NotFound("No contact " + id + ".");
        }
        if (asOf != null) {
            return asReaderSees(reader, timeTravel.asOf(id, asOf, projection, () -> withClients(contacts.find(id)))
                    .orElseThrow(() -> new NotFound("No contact " + id + " at " + asOf + ".")));
        }
        return asReaderSees(reader, withClients(versionWait.atLeast(minVersion, () -> contacts.find(id), ContactView::version))
                .orElseThrow(() -> new NotFound("No contact " + id + ".")));
    }

    @GetMapping
    @Operation(operationId = "listContacts", summary = "Search contacts by name or e-mail (q), e-mail (primary or additional), client and status, paged; a contact finds only itself")
    io.client360.query.web.Page<ContactView> search(@RequestParam(required = false) @Size(max = 200) String q,
                                                    @RequestParam(required = false) @Size(max = 254) String email,
                                                    @RequestParam(required = false) @Size(max = 100) String clientId,
                                                    @RequestParam(required = false) io.client360.kernel.contact.ContactStatus status,
                                                    @RequestParam(defaultValue = "0") @Min(0) @jakarta.validation.constraints.Max(100_000) int page,
                                                    @RequestParam(defaultValue = "20") @Min(1) @jakarta.validation.constraints.Max(200) int size) {
        Readers.Reader reader = readers.current();
        io.client360.query.web.Page<ContactView> found = contacts.search(q, email, clientId,
                status == null ? null : status.name(), reader.isStaff() ? null : reader.id(), page, size);
        return new io.client360.query.web.Page<>(found.items().stream()
                .map(view -> asReaderSees(reader, view.withClients(contacts.clients(view.id(), view.primaryClientId()))))
                .toList(),
                found.page(), found.size(), found.total());
    }

    /** Staff's comments are for staff. */
    private static ContactView asReaderSees(Readers.Reader reader, ContactView view) {
        return reader.isStaff() ? view : view.withoutComments();
    }

    private Optional<ContactView> withClients(Optional<ContactView> view) {
        return view.map(found -> found.withClients(contacts.clients(found.id(), found.primaryClientId())));
    }
}
