package io.client360.kernel;

/** No such thing, or none the caller may see (its existence is not revealed): 404 {@code NOT_FOUND}. */
public class NotFound extends Refusal {

    public NotFound(String detail) {
        super(ErrorCode.NOT_FOUND, detail);
    }
}
