package io.client360.kernel.billing;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Issues a bill to a bill unit: positive amount at the currency's scale, equal to its lines' sum when it has lines. */
public record IssueBill(@TargetAggregateIdentifier String billingAccountId,
                        String billId,
                        String billUnitId,
                        BigDecimal amount,
                        LocalDate issueDate,
                        LocalDate dueDate,
                        List<BillLine> lines,
                        @TargetAggregateVersion Long expectedVersion) {
}
