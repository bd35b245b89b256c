package io.client360.command.contract;

import io.client360.platform.ids.Ids;
import io.swagger.v3.oas.annotations.media.Schema;
import io.client360.kernel.contract.EntitlementSpec;
import io.client360.kernel.contract.EntitlementUnit;
import io.client360.kernel.contract.SlaDefinition;
import io.client360.kernel.inquiry.Channel;
import io.client360.kernel.inquiry.Priority;
import io.client360.platform.web.InvalidRequestException;
import io.client360.platform.web.StrictJson;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Bodies of the contract write API, validated at the edge. */
final class ContractRequests {

    private ContractRequests() {
    }

    @Schema(name = "CreateContractRequest")
    record Create(@NotBlank @Size(max = 100) String clientId,
                  @NotBlank @Size(max = 200) String name,
                  @NotNull LocalDate startDate,
                  @NotNull LocalDate endDate,
                  @Size(max = 500) List<@NotBlank @Size(max = 200) String> coveredProducts,
                  @Size(max = 500) List<@NotBlank @Size(max = 100) String> coveredAssets,
                  @Size(max = 500) List<@NotBlank @Size(max = 100) String> coveredContacts,
                  @Size(max = 4) List<@NotNull Channel> channels,
                  @Size(max = 50) List<@Valid @NotNull Entitlement> entitlements,
                  @Size(max = 4) List<@Valid @NotNull Sla> slas) {

        void check() {
            StrictJson.requirePlausible("startDate", startDate);
            StrictJson.requirePlausible("endDate", endDate);
            if (endDate.isBefore(startDate)) {
                throw new InvalidRequestException("endDate", "must not be before startDate");
            }
            if (slas != null && slas.stream().map(Sla::priority).distinct().count() != slas.size()) {
                throw new InvalidRequestException("slas", "has two definitions for one priority");
            }
        }
    }

    @Schema(name = "EntitlementRequest")
    record Entitlement(@NotBlank @Size(max = 200) String name,
                       @NotNull EntitlementUnit unit,
                       @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000000")
                       @Digits(integer = 7, fraction = 2) BigDecimal totalUnits,
                       Boolean perUnit) {

        EntitlementSpec toSpec() {
            return new EntitlementSpec(Ids.random(), name, unit, totalUnits, !Boolean.FALSE.equals(perUnit));
        }
    }

    @Schema(name = "SlaRequest")
    record Sla(@NotNull Priority priority,
               @NotNull @Min(1) @Max(525_600) Integer responseMinutes,
               @NotNull @Min(1) @Max(525_600) Integer resolutionMinutes,
               Boolean pauseOnPendingClient) {

        SlaDefinition toDefinition() {
            return new SlaDefinition(priority, responseMinutes, resolutionMinutes, !Boolean.FALSE.equals(pauseOnPendingClient));
        }
    }

    @Schema(name = "ConsumptionRequest")
    record Consumption(@NotBlank @Size(max = 100) String inquiryId,
                       @NotBlank @Size(max = 120) String kind,
                       @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("10000")
                       @Digits(integer = 5, fraction = 2) BigDecimal units) {
    }

    @Schema(name = "ReversalRequest")
    record Reversal(@NotBlank @Size(max = 100) String inquiryId,
                    @NotBlank @Size(max = 120) String kind,
                    @NotBlank @Size(max = 2000) String reason) {
    }

    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
