package io.client360.kernel;

import io.client360.kernel.asset.AssetEvent;
import io.client360.kernel.assignment.AssignmentGroupEvent;
import io.client360.kernel.billing.BillingEvent;
import io.client360.kernel.client.ClientEvent;
import io.client360.kernel.contact.ContactEvent;
import io.client360.kernel.contract.ContractEvent;
import io.client360.kernel.inbound.InboundMailEvent;
import io.client360.kernel.inquiry.InquiryEvent;
import io.client360.kernel.routing.RoutingRulesChanged;
import io.client360.kernel.webhook.WebhookSubscribed;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every event type the store holds, by its simple name: the integration feed's {@code type}, its published schema
 * (the record's fields) and the names a feed or webhook filter may ask for.
 */
public final class PublishedEvents {

    private static final List<Class<?>> ALL = Stream.concat(Stream.of(InquiryEvent.class, ContactEvent.class,
                            ContractEvent.class, AssetEvent.class, BillingEvent.class, AssignmentGroupEvent.class,
                            InboundMailEvent.class, ClientEvent.class)
                    .flatMap(family -> Stream.of(family.getPermittedSubclasses())),
                    Stream.of(RoutingRulesChanged.class, WebhookSubscribed.class))
            .sorted(Comparator.comparing(Class::getSimpleName))
            .toList();

    private PublishedEvents() {
    }

    /** Every event type, ordered by simple name. */
    public static List<Class<?>> all() {
        return ALL;
    }

    /** The first of {@code names} that names no event type, if one does not (a filter's misspelt type). */
    public static Optional<String> firstUnknown(List<String> names) {
        return names.stream().filter(name -> named(name).isEmpty()).findFirst();
    }

    /** The event type of this simple name, if there is one. */
    public static Optional<Class<?>> named(String simpleName) {
        return ALL.stream().filter(type -> type.getSimpleName().equals(simpleName)).findFirst();
    }
}
