package io.client360.query.asset;

import io.client360.query.web.Readers;
import io.client360.query.web.Timestamps;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads of the asset read model for the asset API, its feed and the contact 360. */
@Component
public class AssetReads {

    /** How long a cancelled asset stays in the contact 360. */
    public static final java.time.Period INACTIVE_SHOWN_FOR = java.time.Period.ofMonths(3);

    private final JdbcClient jdbc;

    AssetReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An asset of the contact 360, with what its reader may do with it. */
    @Schema(name = "Contact360Asset")
    public record Contact360Asset(String id, String name, String product, String offerType, String status,
                                  Instant statusSince, String billingAccountId, List<String> actions) {
    }

    /** Whether {@code reader} may read the asset (an unknown asset: no). */
    public boolean mayRead(Readers.Reader reader, String assetId) {
        return jdbc.sql("SELECT a.client_id, a.primary_contact_id, b.primary_contact_id FROM asset_view a "
                        + "LEFT JOIN billing_account_view b ON b.id = a.billing_account_id WHERE a.id = ?")
                .param(assetId)
                .query((rs, row) -> reader.mayReadAsset(rs.getString(1), rs.getString(2), rs.getString(3)))
                .optional().orElse(false);
    }

    /** The ids of the assets of which {@code contactId} is primary party, directly or through their billing account. */
    public List<String> idsOfContact(String contactId) {
        return jdbc.sql("SELECT id FROM asset_view WHERE primary_contact_id = ? UNION SELECT id FROM asset_view "
                        + "WHERE billing_account_id IN (SELECT id FROM billing_account_view WHERE primary_contact_id = ?)")
                .params(contactId, contactId).query(String.class).list();
    }

    /**
     * The assets of which {@code contactId} is primary party, directly or through the billing account they are billed
     * on: ACTIVE and SUSPENDED ones, and INACTIVE ones cancelled at {@code now} minus three months or later. Staff may
     * suspend, resume or cancel them; view bill and take payment are offered where the contact is the account's
     * primary party.
     */
    public List<Contact360Asset> ofContact(String contactId, Instant now, boolean staff) {
        Instant shownSince = now.atZone(java.time.ZoneOffset.UTC).minus(INACTIVE_SHOWN_FOR).toInstant();
        return jdbc.sql("SELECT a.id, a.name, a.product, a.offer_type, a.status, a.status_since, a.billing_account_id, "
                        + "b.primary_contact_id AS account_contact FROM asset_view a "
                        + "LEFT JOIN billing_account_view b ON b.id = a.billing_account_id "
                        + "WHERE a.id IN (SELECT id FROM asset_view WHERE primary_contact_id = ? UNION "
                        + "SELECT id FROM asset_view WHERE billing_account_id IN "
                        + "(SELECT id FROM billing_account_view WHERE primary_contact_id = ?)) "
                        + "AND (a.status <> 'INACTIVE' OR a.status_since >= ?) "
                        + "ORDER BY CASE a.status WHEN 'ACTIVE' THEN 0 WHEN 'SUSPENDED' THEN 1 ELSE 2 END, a.name, a.id")
                .params(contactId, contactId, Timestamps.column(shownSince))
                .query((rs, row) -> {
                    String status = rs.getString("status");
                    List<String> actions = new ArrayList<>();
                    if (staff && "ACTIVE".equals(status)) {
                        actions.addAll(List.of("SUSPEND", "CANCEL"));
                    } else if (staff && "SUSPENDED".equals(status)) {
                        actions.addAll(List.of("RESUME", "CANCEL"));
                    }
                    if (contactId.equals(rs.getString("account_contact"))) {
                        actions.addAll(List.of("VIEW_BILL", "TAKE_PAYMENT"));
                    }
                    return new Contact360Asset(rs.getString("id"), rs.getString("name"), rs.getString("product"),
                            rs.getString("offer_type"), status, Timestamps.read(rs, "status_since"),
                            rs.getString("billing_account_id"), List.copyOf(actions));
                })
                .list();
    }
}
