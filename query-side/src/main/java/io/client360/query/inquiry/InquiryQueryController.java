package io.client360.query.inquiry;

import io.client360.kernel.DomainRuleViolation;
import io.client360.kernel.ErrorCode;
import io.client360.kernel.inquiry.InquiryStatus;
import io.client360.kernel.inquiry.Priority;
import io.client360.query.web.Page;
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

/** The read API of inquiries: one inquiry (read-your-writes with {@code minVersion}) and the filtered list. */
@RestController
@RequestMapping(path = "/api/inquiries", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Inquiries")
class InquiryQueryController {

    private final InquiryReadRepository inquiries;
    private final VersionWait versionWait;

    InquiryQueryController(InquiryReadRepository inquiries, VersionWait versionWait) {
        this.inquiries = inquiries;
        this.versionWait = versionWait;
    }

    @GetMapping("/{id}")
    @Operation(summary = "One inquiry with its comments; minVersion waits (bounded) for a write to show")
    InquiryView inquiry(@PathVariable @Size(max = 100) String id,
                        @RequestParam(required = false) @Min(0) Long minVersion) {
        InquiryView view = versionWait.atLeast(minVersion, () -> inquiries.find(id), InquiryView::version)
                .orElseThrow(() -> new DomainRuleViolation(ErrorCode.NOT_FOUND, "No inquiry " + id + "."));
        return view.withComments(inquiries.comments(id)).withSla(inquiries.sla(id, view.sla()));
    }

    @GetMapping
    @Operation(summary = "Inquiries filtered by client, contact, group, assignee, status and priority, newest first")
    Page<InquiryView> list(@RequestParam(required = false) @Size(max = 100) String clientId,
                           @RequestParam(required = false) @Size(max = 100) String contactId,
                           @RequestParam(required = false) @Size(max = 200) String assignmentGroup,
                           @RequestParam(required = false) @Size(max = 100) String assigneeId,
                           @RequestParam(required = false) InquiryStatus status,
                           @RequestParam(required = false) Priority priority,
                           @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                           @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return inquiries.list(new InquiryFilter(clientId, contactId, assignmentGroup, assigneeId, status, priority),
                page, size);
    }
}
