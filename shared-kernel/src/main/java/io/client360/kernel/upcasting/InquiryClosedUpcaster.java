package io.client360.kernel.upcasting;

import io.client360.kernel.inquiry.InquiryClosed;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link InquiryClosed} revision 1 (no revision stored) → 2: adds {@code automatic = true}, because every inquiry
 * closed before revision 2 was closed by its quiet period.
 */
public final class InquiryClosedUpcaster extends SingleEventUpcaster {

    private static final SerializedType FIRST = new SimpleSerializedType(InquiryClosed.class.getName(), null);
    private static final SerializedType SECOND = new SimpleSerializedType(InquiryClosed.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(FIRST);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(SECOND, ObjectNode.class, payload -> payload.put("automatic", true));
    }
}
