package io.client360.query.contact;

import io.client360.kernel.DomainRuleViolation;
import io.client360.kernel.ErrorCode;
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
            throw new DomainRuleViolation(ErrorCode.NOT_FOUND, "No contact " + id + ".");
        }
        if (asOf != null) {
            return timeTravel.asOf(id, asOf, projection, () -> withClients(contacts.find(id)))
                    .orElseThrow(() -> new DomainRuleViolation(ErrorCode.NOT_FOUND, "No contact " + id + " at " + asOf + "."));
        }
        return withClients(versionWait.atLeast(minVersion, () -> contacts.find(id), ContactView::version))
                .orElseThrow(() -> new DomainRuleViolation(ErrorCode.NOT_FOUND, "No contact " + id + "."));
    }

    private Optional<ContactView> withClients(Optional<ContactView> view) {
        return view.map(found -> found.withClients(contacts.clients(found.id(), found.primaryClientId())));
    }
}
