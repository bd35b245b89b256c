package io.client360.kernel.contact;

/**
 * A contact's role is derived from its access flags, never typed in: no portal access is CALLER_ONLY;
 * client administrators are STANDARD_ADMIN; invoice access makes INVOICE_ADMIN; otherwise ASSOCIATE.
 */
public enum ContactRole {
    CALLER_ONLY, ASSOCIATE, INVOICE_ADMIN, STANDARD_ADMIN;

    public static ContactRole derive(boolean portalAccess, boolean clientAdmin, boolean invoiceAccess) {
        if (!portalAccess) {
            return CALLER_ONLY;
        }
        if (clientAdmin) {
            return STANDARD_ADMIN;
        }
        if (invoiceAccess) {
            return INVOICE_ADMIN;
        }
        return ASSOCIATE;
    }
}
