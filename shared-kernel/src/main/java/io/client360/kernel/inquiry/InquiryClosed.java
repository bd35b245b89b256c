package io.client360.kernel.inquiry;

import org.axonframework.serialization.Revision;

/**
 * A resolved inquiry closed; it is final. {@code automatic}: closed by its quiet period rather than by a person.
 * <p>
 * Revision 2 added {@code automatic}; events stored before it are upcast ({@code InquiryClosedUpcaster}) to
 * {@code automatic = true}, since until then the quiet period was the only way an inquiry closed.
 */
@Revision("2")
public record InquiryClosed(String inquiryId,
                            String resolutionCode,
                            boolean automatic) implements InquiryEvent {
}
