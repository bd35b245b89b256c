package io.client360.query.billing;

import io.client360.kernel.billing.Money;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Reads of the billing read model for the account, the contact 360 and the client 360: balances per bill unit with
 * the earliest due date still unpaid and how many days a unit has been overdue on a given day. Money leaves here as
 * text at its currency's scale ({@code "12.50"}), never through floating point.
 */
@Component
public class BillingReads {

    private final JdbcClient jdbc;

    BillingReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A billing account as its readers see it. */
    @Schema(name = "BillingAccount")
    public record Account(String id, String clientId, String primaryContactId, String currency, boolean closed,
                          List<Unit> billUnits, long version) {
    }

    /**
     * A bill unit on {@code day}: its balance (negative: a credit), the earliest due date of its unpaid bills, whether
     * it is overdue and for how many days (since the earliest unpaid bill past its due date).
     */
    @Schema(name = "BillUnitBalance")
    public record Unit(String billingAccountId, String billUnitId, String name, String currency, String balance,
                       LocalDate nextDueDate, boolean overdue, long daysOverdue) {
    }

    /** What a client owes in one currency: balance due, overdue amount and the number of overdue units. */
    @Schema(name = "ClientBillingTotals")
    public record Totals(String currency, String balanceDue, String overdueAmount, long overdueUnits) {
    }

    /** Who an account belongs to, for the readers' rules. */
    public record Owner(String clientId, String primaryContactId) {
    }

    public Optional<Owner> owner(String accountId) {
        return jdbc.sql("SELECT client_id, primary_contact_id FROM billing_account_view WHERE id = ?").param(accountId)
                .query((rs, row) -> new Owner(rs.getString(1), rs.getString(2))).optional();
    }

    public Optional<Account> account(String accountId, LocalDate day) {
        return jdbc.sql("SELECT id, client_id, primary_contact_id, currency, closed, version FROM billing_account_view "
                        + "WHERE id = ?")
                .param(accountId)
                .query((rs, row) -> new Account(rs.getString("id"), rs.getString("client_id"),
                        rs.getString("primary_contact_id"), rs.getString("currency"), rs.getBoolean("closed"),
                        List.of(), rs.getLong("version")))
                .optional()
                .map(account -> new Account(account.id(), account.clientId(), account.primaryContactId(),
                        account.currency(), account.closed(), units("u.billing_account_id = ?", accountId, day),
                        account.version()));
    }

    /** The bill units of the accounts whose primary party is {@code contactId} (the contact 360's balances). */
    public List<Unit> unitsOfPrimaryContact(String contactId, LocalDate day) {
        return units("u.billing_account_id IN (SELECT id FROM billing_account_view WHERE primary_contact_id = ?)",
                contactId, day);
    }

    private List<Unit> units(String where, String param, LocalDate day) {
        return jdbc.sql("SELECT u.billing_account_id, u.bill_unit_id, u.name, a.currency, u.balance, u.overdue, "
                        + "(SELECT MIN(b.due_date) FROM bill_view b WHERE b.billing_account_id = u.billing_account_id "
                        + "AND b.bill_unit_id = u.bill_unit_id AND b.outstanding > 0) AS next_due, "
                        + "(SELECT MIN(b.due_date) FROM bill_view b WHERE b.billing_account_id = u.billing_account_id "
                        + "AND b.bill_unit_id = u.bill_unit_id AND b.outstanding > 0 AND b.due_date < ?) AS past_due "
                        + "FROM bill_unit_view u JOIN billing_account_view a ON a.id = u.billing_account_id WHERE "
                        + where + " ORDER BY u.billing_account_id, u.position")
                .params(Date.valueOf(day), param)
                .query((rs, row) -> {
                    String currency = rs.getString("currency");
                    boolean overdue = rs.getBoolean("overdue");
                    LocalDate pastDue = rs.getObject("past_due", LocalDate.class);
                    return new Unit(rs.getString("billing_account_id"), rs.getString("bill_unit_id"),
                            rs.getString("name"), currency, amount(rs.getBigDecimal("balance"), currency),
                            rs.getObject("next_due", LocalDate.class), overdue,
                            overdue && pastDue != null ? ChronoUnit.DAYS.between(pastDue, day) : 0);
                })
                .list();
    }

    /**
     * A client's totals from its units, which carry their account's client and currency; on PostgreSQL from the
     * index of those alone (V29).
     */
    static final String TOTALS_OF_CLIENT = "SELECT u.currency, "
            + "SUM(CASE WHEN u.balance > 0 THEN u.balance ELSE 0 END) AS due, "
            + "SUM(CASE WHEN u.overdue AND u.balance > 0 THEN u.balance ELSE 0 END) AS overdue_amount, "
            + "SUM(CASE WHEN u.overdue THEN 1 ELSE 0 END) AS overdue_units "
            + "FROM bill_unit_view u WHERE u.client_id = ? GROUP BY u.currency ORDER BY u.currency";

    /** A client's totals per currency: what its units owe, what of it is overdue, and how many units are. */
    public List<Totals> totalsOfClient(String clientId) {
        return jdbc.sql(TOTALS_OF_CLIENT).param(clientId)
                .query((rs, row) -> new Totals(rs.getString(1), amount(rs.getBigDecimal(2), rs.getString(1)),
                        amount(rs.getBigDecimal(3), rs.getString(1)), rs.getLong(4)))
                .list();
    }

    /** {@code value} as text at the currency's scale. */
    public static String amount(BigDecimal value, String currency) {
        int digits = Money.currency(currency).map(java.util.Currency::getDefaultFractionDigits).orElse(2);
        return value.setScale(digits, java.math.RoundingMode.UNNECESSARY).toPlainString();
    }
}
