package io.client360.query.inquiry;

import io.client360.kernel.NotFound;
import io.client360.kernel.inquiry.InquiryStatus;
import io.client360.kernel.inquiry.Priority;
import io.client360.query.web.Page;
import io.client360.query.web.Readers;
import io.client360.query.web.TimeTravel;
import io.client360.query.web.VersionWait;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/**
 * The read API of inquiries: one inquiry (read-your-writes with {@code minVersion}) and the filtered list,
 * each showing a contact only what its settings allow (404 for the rest: existence is not revealed).
 */
@RestController
@RequestMapping(path = "/api/inquiries", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Inquiries")
class InquiryQueryController {

    private final InquiryReadRepository inquiries;
    private final VersionWait versionWait;
    private final Readers readers;
    private final TimeTravel timeTravel;
    private final InquiryProjection projection;

    InquiryQueryController(InquiryReadRepository inquiries, VersionWait versionWait, Readers readers,
                           TimeTravel timeTravel, InquiryProjection projection) {
        this.inquiries = inquiries;
        this.versionWait = versionWait;
        this.readers = readers;
        this.timeTravel = timeTravel;
        this.projection = projection;
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getInquiry", summary = "One inquiry with its comments; minVersion waits (bounded) for a write to show; "
            + "asOf gives it as it was at that instant")
    InquiryView inquiry(@PathVariable @Size(max = 100) String id,
                        @RequestParam(required = false) @Min(0) Long minVersion,
                        @RequestParam(required = false) Instant asOf) {
        if (asOf != null) {
            return timeTravel.asOf(id, asOf, projection, () -> visible(id, null))
                    .orElseThrow(() -> new NotFound("No inquiry " + id + " at " + asOf + "."));
        }
        return visible(id, minVersion)
                .orElseThrow(() -> new NotFound("No inquiry " + id + "."));
    }

    private java.util.Optional<InquiryView> visible(String id, Long minVersion) {
        Readers.Reader reader = readers.current();
        return versionWait.atLeast(minVersion, () -> inquiries.find(id), stored -> stored.view().version())
                .filter(stored -> reader.mayReadInquiry(stored.view().clientId(), stored.view().contactId()))
                .map(stored -> {
                    InquiryView view = stored.view().withComments(inquiries.comments(id).stream()
                            .filter(comment -> reader.mayReadComment(stored.view().clientId(), comment.visibility(),
                                    comment.authorId()))
                            .toList());
                    // files, breaches and pauses are read only when the row says there are some (most have none)
                    if (stored.attachments() > 0) {
                        view = view.withAttachments(inquiries.attachments(id).stream()
                                .filter(file -> reader.mayReadComment(stored.view().clientId(), file.visibility(),
                                        file.authorId()))
                                .toList());
                    }
                    return stored.breaches() > 0 || stored.pauses() > 0
                            ? view.withSla(inquiries.sla(id, view.sla())) : view;
                });
    }

    /**
     * Downloads a file of an inquiry the reader may see, under the same visibility rule as comments (404 otherwise).
     * Always as a download, never rendered inline, and never sniffed as another type.
     */
    @GetMapping("/{id}/attachments/{attachmentId}")
    @io.swagger.v3.oas.annotations.Operation(operationId = "getAttachment", summary = "Download a file of the inquiry")
    org.springframework.http.ResponseEntity<byte[]> attachment(@PathVariable @Size(max = 100) String id,
                                                               @PathVariable @Size(max = 100) String attachmentId) {
        InquiryView view = visible(id, null)
                .orElseThrow(() -> new NotFound("No inquiry " + id + "."));
        InquiryView.AttachmentView file = view.attachments().stream().filter(a -> a.id().equals(attachmentId))
                .findFirst()
                .orElseThrow(() -> new NotFound("No attachment " + attachmentId + "."));
        byte[] content = inquiries.content(id, attachmentId)
                .orElseThrow(() -> new NotFound("No attachment " + attachmentId + "."));
        return org.springframework.http.ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.parseMediaType(file.contentType()))
                .header("Content-Disposition", org.springframework.http.ContentDisposition.attachment()
                        .filename(file.name(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox")
                .body(content);
    }

    @GetMapping
    @Operation(operationId = "listInquiries", summary = "Inquiries filtered by client, contact, group, assignee, status and priority, newest first")
    Page<InquiryView> list(@RequestParam(required = false) @Size(max = 100) String clientId,
                           @RequestParam(required = false) @Size(max = 100) String contactId,
                           @RequestParam(required = false) @Size(max = 200) String assignmentGroup,
                           @RequestParam(required = false) @Size(max = 100) String assigneeId,
                           @RequestParam(required = false) InquiryStatus status,
                           @RequestParam(required = false) Priority priority,
                           @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                           @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return inquiries.list(new InquiryFilter(clientId, contactId, assignmentGroup, assigneeId, status, priority),
                readers.current(), page, size);
    }
}
