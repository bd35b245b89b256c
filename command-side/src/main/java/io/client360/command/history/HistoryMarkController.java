package io.client360.command.history;

import io.client360.kernel.NotFound;
import io.client360.command.web.CommandDispatcher;
import io.client360.command.web.CommandDispatcher.Accepted;
import io.client360.kernel.contact.ContactNoteAdded;
import io.client360.kernel.contact.MarkContactEntry;
import io.client360.kernel.inquiry.ClientResponded;
import io.client360.kernel.inquiry.CommentAdded;
import io.client360.kernel.inquiry.CorrespondenceFailed;
import io.client360.kernel.inquiry.CorrespondenceSent;
import io.client360.kernel.inquiry.MarkInquiryEntry;
import io.client360.kernel.inquiry.NoteAdded;
import io.client360.platform.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.Set;

/**
 * Flags a history entry important (staff): a note, or a correspondence entry (a comment, a client's response, a mail
 * sent or failed). An entry's id is the id of the event it shows; the flag is an event of the entry's own inquiry or
 * contact, so it is audited, replayed and time-travelled like everything else.
 */
@RestController
@Tag(name = "History")
class HistoryMarkController {

    static final Set<String> FLAGGABLE = Set.of(NoteAdded.class.getName(), ContactNoteAdded.class.getName(),
            CommentAdded.class.getName(), ClientResponded.class.getName(), CorrespondenceSent.class.getName(),
            CorrespondenceFailed.class.getName());

    private final CommandDispatcher commands;
    private final JdbcClient jdbc;

    HistoryMarkController(CommandDispatcher commands, JdbcClient jdbc) {
        this.commands = commands;
        this.jdbc = jdbc;
    }

    @Schema(name = "ImportantRequest")
    record Important(@NotNull Boolean important) {
    }

    /** The event behind an entry: its aggregate, the aggregate's type and the event's type. */
    record Entry(String aggregateId, String aggregateType, String payloadType) {
    }

    @PutMapping(path = "/api/history/{entryId}/important", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "markHistoryEntry", summary = "Flag (or unflag) a note or correspondence entry of a history feed as important (staff)")
    ResponseEntity<Accepted> mark(@PathVariable @Size(max = 255) String entryId, @Valid @RequestBody Important body) {
        commands.authorize(new MarkInquiryEntry(entryId, entryId, body.important()));
        Entry entry = jdbc.sql("SELECT aggregateidentifier, type, payloadtype FROM domainevententry "
                        + "WHERE eventidentifier = ?")
                .param(entryId)
                .query((rs, row) -> new Entry(rs.getString(1), rs.getString(2), rs.getString(3)))
                .optional()
                .orElseThrow(() -> new NotFound("No history entry " + entryId + "."));
        if (!FLAGGABLE.contains(entry.payloadType())) {
            throw new InvalidRequestException("entryId", "is neither a note nor correspondence: only those are flagged");
        }
        Object command = "Contact".equals(entry.aggregateType())
                ? new MarkContactEntry(entry.aggregateId(), entryId, body.important())
                : new MarkInquiryEntry(entry.aggregateId(), entryId, body.important());
        return commands.update(entry.aggregateId(), command);
    }
}
