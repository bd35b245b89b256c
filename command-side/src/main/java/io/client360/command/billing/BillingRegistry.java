package io.client360.command.billing;

import io.client360.kernel.billing.BillingAccountClosed;
import io.client360.kernel.billing.BillingAccountOpened;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The command-side lookup of billing accounts (client, primary party, currency, bill units, closed), written in the
 * transaction of their events; asked by authorization and by the edge's checks of amounts and references.
 */
@Component
@ProcessingGroup(BillingRegistry.PROCESSING_GROUP)
public class BillingRegistry {

    public static final String PROCESSING_GROUP = "billing-lookup";

    private final JdbcClient jdbc;

    BillingRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A billing account as far as rules outside its aggregate need it. */
    public record RegisteredAccount(String billingAccountId, String clientId, String primaryContactId, String currency,
                                    boolean closed, Set<String> billUnits) {
    }

    @EventHandler
    void on(BillingAccountOpened event) {
        jdbc.sql("INSERT INTO billing_account_registry (billing_account_id, client_id, primary_contact_id, currency, "
                        + "closed) VALUES (?, ?, ?, ?, FALSE)")
                .params(event.billingAccountId(), event.clientId(), event.primaryContactId(), event.currency())
                .update();
        event.billUnits().forEach(unit -> jdbc.sql("INSERT INTO bill_unit_registry (billing_account_id, bill_unit_id) "
                + "VALUES (?, ?)").params(event.billingAccountId(), unit.billUnitId()).update());
    }

    @EventHandler
    void on(BillingAccountClosed event) {
        jdbc.sql("UPDATE billing_account_registry SET closed = TRUE WHERE billing_account_id = ?")
                .param(event.billingAccountId()).update();
    }

    public Optional<RegisteredAccount> account(String billingAccountId) {
        return jdbc.sql("SELECT billing_account_id, client_id, primary_contact_id, currency, closed "
                        + "FROM billing_account_registry WHERE billing_account_id = ?")
                .param(billingAccountId)
                .query((rs, row) -> new RegisteredAccount(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getBoolean(5), new LinkedHashSet<>(jdbc.sql("SELECT bill_unit_id "
                                + "FROM bill_unit_registry WHERE billing_account_id = ? ORDER BY bill_unit_id")
                        .param(billingAccountId).query(String.class).list())))
                .optional();
    }
}
