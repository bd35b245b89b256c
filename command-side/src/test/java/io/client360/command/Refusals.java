package io.client360.command;

import io.client360.kernel.Refusal;
import io.client360.kernel.ErrorCode;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matchers for domain refusals in fixture tests. */
public final class Refusals {

    private Refusals() {
    }

    /** Matches a {@link Refusal} with the given code. */
    public static Matcher<Refusal> refusedWith(ErrorCode code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Refusal violation) {
                return violation.code() == code;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a refusal with code " + code);
            }
        };
    }
}
