package io.client360.command.inquiry;

import io.client360.kernel.MetadataKeys;
import io.client360.kernel.inquiry.Channel;
import io.client360.kernel.inquiry.CreateInquiry;
import io.client360.kernel.inquiry.InquiryCreated;
import io.client360.kernel.inquiry.InquiryPendingClient;
import io.client360.kernel.inquiry.InquiryResolved;
import io.client360.kernel.inquiry.InquiryType;
import io.client360.kernel.inquiry.Priority;
import io.client360.kernel.inquiry.RoutingMatch;
import org.axonframework.messaging.MetaData;

import java.time.Duration;
import java.time.Instant;

/** Test data for inquiries (the library's PatronFixture habit). */
final class InquiryFixtures {

    static final String ID = "inq-1";
    static final String GROUP = "TOP.1.Developer Studio- CustomerSupport";
    static final Instant NOW = Instant.parse("2026-11-02T09:00:00Z");
    static final Duration WINDOW = Duration.ofDays(3);
    static final Duration QUIET = Duration.ofDays(7);

    private InquiryFixtures() {
    }

    static CreateInquiry createInquiry() {
        return new CreateInquiry(ID, "client-1", "contact-1", "Studio", null, InquiryType.TECHNICAL_QUESTION,
                Channel.PORTAL, "Build fails", "The build fails since the upgrade.", Priority.HIGH);
    }

    static InquiryCreated created() {
        return new InquiryCreated(ID, "client-1", "contact-1", "Studio", null, InquiryType.TECHNICAL_QUESTION,
                Channel.PORTAL, "Build fails", "The build fails since the upgrade.", Priority.HIGH, GROUP,
                RoutingMatch.DEFAULT_GROUP);
    }

    static InquiryPendingClient pendingClient() {
        return new InquiryPendingClient(ID, "AWAITING_CLIENT_INFO", "Need logs", NOW.plus(WINDOW));
    }

    static InquiryResolved resolved() {
        return new InquiryResolved(ID, "FIXED", "Patched", false, null, false, NOW.plus(QUIET));
    }

    static MetaData agent(String id) {
        return MetaData.with(MetadataKeys.ACTOR_ID, id).and(MetadataKeys.ACTOR_KIND, "AGENT");
    }

    static MetaData contact(String id) {
        return MetaData.with(MetadataKeys.ACTOR_ID, id).and(MetadataKeys.ACTOR_KIND, "CONTACT");
    }
}
