package io.client360.kernel;

/** Not now: the caller should retry later ({@code NOT_YET_VISIBLE}, {@code SERVICE_UNAVAILABLE}, {@code TOO_MANY_REQUESTS}). */
public class Unavailable extends Refusal {

    public Unavailable(ErrorCode code, String detail) {
        super(code, detail);
    }
}
