package io.client360.command.inquiry;

import io.swagger.v3.oas.annotations.media.Schema;
import io.client360.kernel.inquiry.Channel;
import io.client360.kernel.inquiry.InquiryType;
import io.client360.kernel.inquiry.Priority;
import io.client360.kernel.inquiry.Visibility;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/** Bodies of the inquiry write API, validated at the edge (text fields are capped). */
final class InquiryRequests {

    static final int ID = 100;
    static final int NAME = 200;
    static final int SUBJECT = 250;
    static final int NOTE = 4000;
    static final int TEXT = 20_000;

    private InquiryRequests() {
    }

    @Schema(name = "CreateInquiryRequest")
    record Create(@NotBlank @Size(max = ID) String clientId,
                  @NotBlank @Size(max = ID) String contactId,
                  @NotBlank @Size(max = NAME) String product,
                  @Size(max = ID) String assetId,
                  @NotNull InquiryType type,
                  @NotNull Channel channel,
                  @NotBlank @Size(max = SUBJECT) String subject,
                  @NotBlank @Size(max = TEXT) String description,
                  @NotNull Priority priority) {
    }

    record Reassignment(@NotBlank @Size(max = NAME) String assignmentGroup,
                        @NotBlank @Size(max = NOTE) String reason) {
    }

    record Assignment(@NotBlank @Size(max = ID) String agentId) {
    }

    record Comment(@NotBlank @Size(max = TEXT) String body,
                   @NotNull Visibility visibility) {
    }

    record PendingClient(@NotBlank @Size(max = ID) String pendingCode,
                         @Size(max = NOTE) String note) {
    }

    record ClientResponse(@NotBlank @Size(max = TEXT) String body) {
    }

    record Resolution(@NotBlank @Size(max = ID) String resolutionCode,
                      @Size(max = NOTE) String note,
                      Boolean override,
                      @Size(max = NOTE) String overrideReason) {

        boolean overriding() {
            return Boolean.TRUE.equals(override);
        }
    }

    record Reopening(@NotBlank @Size(max = NOTE) String reason) {
    }

    record WorkLog(@NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("24")
                   @Digits(integer = 2, fraction = 2) BigDecimal hours,
                   @Size(max = NOTE) String note) {
    }

    record PriorityChange(@NotNull Priority priority) {
    }

    @Schema(name = "NoteRequest")
    record Note(@NotBlank @Size(max = TEXT) String body) {
    }
}
