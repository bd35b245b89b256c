package io.client360.command.routing;

import io.client360.kernel.ErrorCode;
import io.client360.kernel.inquiry.InquiryType;
import io.client360.kernel.routing.ConfigureRouting;
import io.client360.kernel.routing.RoutingRule;
import io.client360.kernel.routing.RoutingRulesChanged;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.client360.kernel.routing.ConfigureRouting.ROUTING_TABLE_ID;
import static io.client360.command.Refusals.refusedWith;

class RoutingTableTest {

    private static final RoutingRule STUDIO_QUESTIONS =
            new RoutingRule(InquiryType.TECHNICAL_QUESTION, "Studio", "L1.Studio");
    private static final RoutingRule ALL_BILLING = new RoutingRule(InquiryType.BILLING, null, "FIN.Billing");

    private AggregateTestFixture<RoutingTable> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(RoutingTable.class);
    }

    @Test
    void theFirstConfiguration_createsTheRoutingTable() {
        fixture.givenNoPriorActivity()
                .when(new ConfigureRouting(ROUTING_TABLE_ID, "Default", "Sales", List.of(STUDIO_QUESTIONS)))
                .expectEvents(new RoutingRulesChanged(ROUTING_TABLE_ID, "Default", "Sales", List.of(STUDIO_QUESTIONS),
                        List.of()));
    }

    @Test
    void aNewConfiguration_recordsThePreviousRulesForTheAudit() {
        fixture.given(new RoutingRulesChanged(ROUTING_TABLE_ID, null, null, List.of(STUDIO_QUESTIONS), List.of()))
                .when(new ConfigureRouting(ROUTING_TABLE_ID, null, null, List.of(ALL_BILLING)))
                .expectEvents(new RoutingRulesChanged(ROUTING_TABLE_ID, null, null, List.of(ALL_BILLING),
                        List.of(STUDIO_QUESTIONS)))
                .expectResultMessagePayload(1L);
    }

    @Test
    void twoRulesForTheSameTypeAndProduct_areRefused() {
        fixture.givenNoPriorActivity()
                .when(new ConfigureRouting(ROUTING_TABLE_ID, null, null, List.of(STUDIO_QUESTIONS,
                        new RoutingRule(InquiryType.TECHNICAL_QUESTION, "Studio", "L2.Studio"))))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.VALIDATION_FAILED));
    }
}
