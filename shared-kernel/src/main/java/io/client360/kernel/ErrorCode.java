package io.client360.kernel;

/**
 * Machine-readable codes of every refusal the API can answer with. The web edge maps the
 * {@link Category} to an HTTP status; the code itself travels unchanged to the client.
 */
public enum ErrorCode {
    VALIDATION_FAILED(Category.INVALID),
    MALFORMED_REQUEST(Category.INVALID),
    WEBHOOK_TARGET_REFUSED(Category.INVALID),
    UNAUTHORIZED(Category.UNAUTHENTICATED),
    FORBIDDEN(Category.FORBIDDEN),
    NOT_CLIENT_ADMIN(Category.FORBIDDEN),
    NOT_FOUND(Category.NOT_FOUND),
    INQUIRY_CLOSED(Category.REFUSED),
    FOLLOW_UP_WINDOW_OPEN(Category.REFUSED),
    INVALID_TRANSITION(Category.REFUSED),
    NO_CHANGE(Category.REFUSED),
    CONCURRENT_MODIFICATION(Category.REFUSED),
    IDEMPOTENCY_KEY_REUSED(Category.REFUSED),
    DUPLICATE_CONTACT(Category.REFUSED),
    CONTACT_LOCKED(Category.REFUSED),
    CONTACT_MERGED(Category.REFUSED),
    UNKNOWN_CONTACT(Category.REFUSED),
    NOT_A_CLIENT_OF_CONTACT(Category.REFUSED),
    PRIMARY_CLIENT_REQUIRED(Category.REFUSED),
    ACCOUNT_ACCESS_INQUIRY_REQUIRED(Category.REFUSED),
    ENTITLEMENT_EXHAUSTED(Category.REFUSED),
    TOO_MANY_PRODUCT_PREFERENCES(Category.REFUSED),
    DOMAIN_TAKEN(Category.REFUSED),
    ATTACHMENT_TOO_LARGE(Category.INVALID),
    UNKNOWN_ENTITLEMENT(Category.REFUSED),
    UNKNOWN_CONSUMPTION(Category.REFUSED),
    REPLAY_RUNNING(Category.REFUSED),
    ACCOUNT_CLOSED(Category.REFUSED),
    NO_PORTAL_ACCESS(Category.FORBIDDEN),
    SUPERVISOR_REQUIRED(Category.FORBIDDEN),
    VERSION_CONFLICT(Category.VERSION_CONFLICT),
    TOO_MANY_REQUESTS(Category.TOO_MANY),
    NOT_YET_VISIBLE(Category.UNAVAILABLE),
    SERVICE_UNAVAILABLE(Category.UNAVAILABLE),
    INTERNAL_ERROR(Category.INTERNAL);

    /** How a code is answered at the HTTP edge. */
    public enum Category { INVALID, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, REFUSED, VERSION_CONFLICT, TOO_MANY, UNAVAILABLE, INTERNAL }

    private final Category category;

    ErrorCode(Category category) {
        this.category = category;
    }

    public Category category() {
        return category;
    }
}
