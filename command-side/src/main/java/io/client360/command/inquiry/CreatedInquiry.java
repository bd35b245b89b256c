package io.client360.command.inquiry;

import io.client360.command.web.Identified;

/** What opening an inquiry answers: its id, version and the group it was routed to. */
public record CreatedInquiry(String id, long version, String assignmentGroup) implements Identified {
}
