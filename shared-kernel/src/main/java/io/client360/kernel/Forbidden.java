package io.client360.kernel;

/**
 * The caller may not do this: 403 with {@code FORBIDDEN}, or a more precise code ({@code NOT_CLIENT_ADMIN},
 * {@code SUPERVISOR_REQUIRED}, {@code NO_PORTAL_ACCESS}).
 */
public class Forbidden extends Refusal {

    public Forbidden(String detail) {
        this(ErrorCode.FORBIDDEN, detail);
    }

    public Forbidden(ErrorCode code, String detail) {
        super(code, detail);
        if (code.category() != ErrorCode.Category.FORBIDDEN) {
            throw new IllegalArgumentException(code + " is no refusal of rights");
        }
    }
}
