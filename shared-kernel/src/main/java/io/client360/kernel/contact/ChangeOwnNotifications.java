package io.client360.kernel.contact;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * A contact changes its own portal settings at one client without administering it: only {@code notifications} may
 * change; its visibility permissions ({@code showAllInquiries}, {@code showSensitive}) are its administrator's to set,
 * so they may only be left out (null) or repeated as they are.
 */
public record ChangeOwnNotifications(@TargetAggregateIdentifier String contactId,
                                     String clientId,
                                     Boolean notifications,
                                     Boolean showAllInquiries,
                                     Boolean showSensitive,
                                     @TargetAggregateVersion Long expectedVersion) {
}
