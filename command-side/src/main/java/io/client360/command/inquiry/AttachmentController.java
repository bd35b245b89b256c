package io.client360.command.inquiry;

import io.client360.platform.ids.Ids;
import io.client360.command.web.CommandDispatcher;
import io.client360.command.web.CommandDispatcher.Accepted;
import io.client360.command.web.ETags;
import io.client360.kernel.inquiry.AddAttachment;
import io.client360.kernel.inquiry.Visibility;
import io.client360.platform.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;

/**
 * Files on an inquiry: {@code POST /api/inquiries/{id}/attachments} (multipart {@code file}, {@code visibility}). The
 * bytes and the event are stored in one transaction; beyond {@code spring.servlet.multipart.max-file-size}
 * ({@code client360.attachments.max-size}, 10MB) the answer is 413.
 */
@RestController
@Tag(name = "Inquiries")
class AttachmentController {

    private final CommandDispatcher commands;
    private final AttachmentStore store;
    private final TransactionTemplate transactions;

    AttachmentController(CommandDispatcher commands, AttachmentStore store, PlatformTransactionManager transactions) {
        this.commands = commands;
        this.store = store;
        this.transactions = new TransactionTemplate(transactions);
    }

    @PostMapping(path = "/api/inquiries/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "addAttachment", summary = "Add a file (multipart file, visibility PUBLIC, INTERNAL or "
            + "SENSITIVE); 413 beyond the size limit")
    ResponseEntity<AttachmentAccepted> add(@PathVariable String id, @RequestParam("file") MultipartFile file,
                                           @RequestParam(defaultValue = "PUBLIC") Visibility visibility)
            throws IOException {
        if (file.isEmpty()) {
            throw new InvalidRequestException("file", "must not be empty");
        }
        byte[] content = file.getBytes();
        String attachmentId = Ids.random();
        AddAttachment command = new AddAttachment(id, attachmentId, AttachmentStore.safeName(file.getOriginalFilename()),
                AttachmentStore.safeType(file.getContentType()), content.length, AttachmentStore.sha256(content),
                visibility);
        Accepted accepted = transactions.execute(status -> {
            store.store(attachmentId, id, content);
            return commands.update(id, command).getBody();
        });
        return ResponseEntity.ok().eTag(ETags.of(accepted.version()))
                .body(new AttachmentAccepted(id, accepted.version(), attachmentId, command.sha256()));
    }

    /** The accepted write with the new attachment's id and digest. */
    record AttachmentAccepted(String id, long version, String attachmentId, String sha256) {
    }
}
