package io.client360.kernel.contact;

import java.util.List;
import java.util.Map;

/** The same preferences were set for one or more products at one client. */
public record ProductPreferencesSet(String contactId,
                                    String clientId,
                                    List<String> products,
                                    Map<String, Object> preferences) implements ContactEvent {
}
