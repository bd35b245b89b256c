package io.client360.command.billing;

import io.client360.platform.ids.Ids;
import io.client360.kernel.NotFound;
import io.client360.command.billing.BillingRegistry.RegisteredAccount;
import io.client360.command.billing.BillingResults.IssuedBill;
import io.client360.command.billing.BillingResults.OpenedAccount;
import io.client360.command.billing.BillingResults.TakenPayment;
import io.client360.command.contact.ContactRegistry;
import io.client360.command.idempotency.Idempotency;
import io.client360.command.web.CommandDispatcher;
import io.client360.command.web.CommandDispatcher.Accepted;
import io.client360.command.web.Creations;
import io.client360.command.web.ETags;
import io.client360.kernel.billing.BillLine;
import io.client360.kernel.billing.BillUnit;
import io.client360.kernel.billing.CloseBillingAccount;
import io.client360.kernel.billing.IssueBill;
import io.client360.kernel.billing.Money;
import io.client360.kernel.billing.OpenBillingAccount;
import io.client360.kernel.billing.PaymentMethod;
import io.client360.kernel.billing.TakePayment;
import io.client360.platform.authorization.Actor;
import io.client360.platform.web.InvalidRequestException;
import io.client360.platform.web.StrictJson;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The write API of billing accounts: opening one (staff), issuing bills (staff, or an INVOICE_ADMIN or STANDARD_ADMIN
 * contact of its client), taking payments (the same, and the account's primary party) and closing it (staff).
 * Amounts are checked against the account's currency here, with field errors; the aggregate checks them again.
 */
@RestController
@RequestMapping(path = "/api/billing-accounts", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Billing accounts")
class BillingController {

    static final int MAX_BILL_UNITS = 50;

    private final CommandDispatcher commands;
    private final Creations creations;
    private final ContactRegistry contacts;
    private final BillingRegistry accounts;
    private final HttpServletRequest request;

    BillingController(CommandDispatcher commands, Creations creations, ContactRegistry contacts,
                      BillingRegistry accounts, HttpServletRequest request) {
        this.commands = commands;
        this.creations = creations;
        this.contacts = contacts;
        this.accounts = accounts;
        this.request = request;
    }

    @Schema(name = "OpenBillingAccountRequest")
    record Open(@NotBlank @Size(max = 100) String clientId,
                @NotBlank @Size(max = 100) String primaryContactId,
                @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
                @NotEmpty @Size(max = MAX_BILL_UNITS) List<@Valid @NotNull BillUnitRequest> billUnits) {
    }

    @Schema(name = "BillUnitRequest")
    record BillUnitRequest(@NotBlank @Size(max = 200) String name) {
    }

    @Schema(name = "IssueBillRequest")
    record Bill(@NotBlank @Size(max = 100) String billUnitId,
                @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 12, fraction = 4)
                @Schema(type = "string", example = "120.00") BigDecimal amount,
                @Pattern(regexp = "[A-Z]{3}") String currency,
                @NotNull LocalDate issueDate,
                @NotNull LocalDate dueDate,
                @Size(max = 200) List<@Valid @NotNull Line> lines) {
    }

    @Schema(name = "BillLineRequest")
    record Line(@NotBlank @Size(max = 500) String description,
                @NotNull @Digits(integer = 12, fraction = 4) @Schema(type = "string", example = "60.00") BigDecimal amount) {
    }

    @Schema(name = "TakePaymentRequest")
    record Payment(@NotBlank @Size(max = 100) String billUnitId,
                   @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 12, fraction = 4)
                   @Schema(type = "string", example = "50.00") BigDecimal amount,
                   @Pattern(regexp = "[A-Z]{3}") String currency,
                   @NotNull PaymentMethod method,
                   @Size(max = 200) String reference) {
    }

    @Schema(name = "CloseBillingAccountRequest")
    record Closure(@NotBlank @Size(max = 2000) String reason) {
    }

    @PostMapping
    @Operation(operationId = "openBillingAccount", summary = "Open a billing account of a client with its currency and bill units; the response adds their billUnitIds")
    ResponseEntity<OpenedAccount> open(@Valid @RequestBody Open body) {
        List<BillUnit> units = new ArrayList<>();
        for (int i = 0; i < body.billUnits().size(); i++) {
            units.add(new BillUnit("unit-" + (i + 1), body.billUnits().get(i).name()));
        }
        OpenBillingAccount command = new OpenBillingAccount(Ids.random(), body.clientId(),
                body.primaryContactId(), body.currency(), List.copyOf(units));
        commands.authorize(command);
        if (Money.currency(body.currency()).isEmpty()) {
            throw new InvalidRequestException("currency", "is no ISO 4217 currency with a fixed number of decimals");
        }
        var contact = contacts.standing(body.primaryContactId())
                .orElseThrow(() -> new NotFound("No contact " + body.primaryContactId() + "."));
        if (!contact.clients().contains(body.clientId())) {
            throw new InvalidRequestException("primaryContactId", "is no contact of client " + body.clientId());
        }
        return creations.create("/api/billing-accounts", command, String.class, id -> new OpenedAccount(id, 0, units));
    }

    @PostMapping("/{id}/bills")
    @Operation(operationId = "issueBill", summary = "Issue a bill to a bill unit (staff, or an invoice administrator of its client); the response adds its billId")
    ResponseEntity<IssuedBill> issueBill(@PathVariable @Size(max = 100) String id, @Valid @RequestBody Bill body,
                                         @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        IssueBill command = new IssueBill(id, Ids.random(), body.billUnitId(), body.amount(),
                body.issueDate(), body.dueDate(), body.lines() == null ? List.of()
                : body.lines().stream().map(line -> new BillLine(line.description(), line.amount())).toList(),
                ETags.expectedVersion(ifMatch));
        commands.authorize(command);
        RegisteredAccount account = known(id);
        requireUnit(account, body.billUnitId());
        requireCurrency(account, body.currency());
        requireScale(account, "amount", body.amount());
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; body.lines() != null && i < body.lines().size(); i++) {
            requireScale(account, "lines[" + i + "].amount", body.lines().get(i).amount());
            sum = sum.add(body.lines().get(i).amount());
        }
        if (body.lines() != null && !body.lines().isEmpty() && sum.compareTo(body.amount()) != 0) {
            throw new InvalidRequestException("lines", "add up to " + sum.toPlainString() + ", not to the amount");
        }
        StrictJson.requirePlausible("issueDate", body.issueDate());
        StrictJson.requirePlausible("dueDate", body.dueDate());
        if (body.dueDate().isBefore(body.issueDate())) {
            throw new InvalidRequestException("dueDate", "must not be before issueDate");
        }
        IssuedBill issued = commands.write(command, IssuedBill.class);
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/billing-accounts/" + id + "/bills/" + issued.billId()))
                .eTag(ETags.of(issued.version())).body(issued);
    }

    @PostMapping("/{id}/payments")
    @Operation(operationId = "takePayment", summary = "Take a payment against a bill unit; honours Idempotency-Key (a retried payment is charged once); the response adds its paymentId")
    ResponseEntity<TakenPayment> takePayment(@PathVariable @Size(max = 100) String id, @Valid @RequestBody Payment body,
                                             @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        TakePayment command = new TakePayment(id, paymentId(id), body.billUnitId(), body.amount(), body.method(),
                body.reference(), ETags.expectedVersion(ifMatch));
        commands.authorize(command);
        RegisteredAccount account = known(id);
        requireUnit(account, body.billUnitId());
        requireCurrency(account, body.currency());
        requireScale(account, "amount", body.amount());
        TakenPayment taken = commands.write(command, TakenPayment.class);
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/billing-accounts/" + id + "/payments/" + taken.paymentId()))
                .eTag(ETags.of(taken.version())).body(taken);
    }

    @PostMapping("/{id}/closure")
    @Operation(operationId = "closeBillingAccount", summary = "Close a billing account: no more bills or payments (staff)")
    ResponseEntity<Accepted> close(@PathVariable @Size(max = 100) String id, @Valid @RequestBody Closure body,
                                   @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return commands.update(id, new CloseBillingAccount(id, body.reason(), ETags.expectedVersion(ifMatch)));
    }

    /**
     * A payment's id: with an {@code Idempotency-Key}, derived from caller, account and key, so that even a retry the
     * idempotency store has not seen yet (two at once) is the same payment to the aggregate.
     */
    private String paymentId(String accountId) {
        String key = request.getHeader(Idempotency.HEADER);
        if (key == null || key.isBlank()) {
            return Ids.random();
        }
        return UUID.nameUUIDFromBytes((Actor.current().id() + '\u001f' + accountId + '\u001f' + key)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    private RegisteredAccount known(String id) {
        return accounts.account(id)
                .orElseThrow(() -> new NotFound("No billing account " + id + "."));
    }

    private static void requireUnit(RegisteredAccount account, String billUnitId) {
        if (!account.billUnits().contains(billUnitId)) {
            throw new InvalidRequestException("billUnitId", "is no bill unit of billing account " + account.billingAccountId());
        }
    }

    private static void requireCurrency(RegisteredAccount account, String currency) {
        if (currency != null && !currency.equals(account.currency())) {
            throw new InvalidRequestException("currency", "must be the account's currency, " + account.currency());
        }
    }

    private static void requireScale(RegisteredAccount account, String field, BigDecimal amount) {
        if (Money.atScale(amount, account.currency()).isEmpty()) {
            throw new InvalidRequestException(field, "has more decimals than " + account.currency() + " allows");
        }
    }
}
