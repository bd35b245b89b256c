package io.client360.command.assignment;

import io.client360.kernel.assignment.AgentPicked;
import io.client360.kernel.assignment.AssignmentGroupConfigured;
import io.client360.kernel.assignment.AssignmentPolicy;
import io.client360.kernel.assignment.ConfigureAssignmentGroup;
import io.client360.kernel.assignment.PickAgent;
import io.client360.kernel.ErrorCode;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.client360.command.Refusals.refusedWith;

class AssignmentGroupTest {

    static final String GROUP = "L1.Studio";
    static final List<String> AGENTS = List.of("ann", "ben", "cat");

    private AggregateTestFixture<AssignmentGroup> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AssignmentGroup.class);
    }

    @Test
    void configuring_setsTheAgentsAndThePolicy() {
        fixture.givenNoPriorActivity()
                .when(new ConfigureAssignmentGroup(GROUP, AssignmentPolicy.ROUND_ROBIN, List.of("ann", "ben", "ann")))
                .expectEvents(new AssignmentGroupConfigured(GROUP, AssignmentPolicy.ROUND_ROBIN, List.of("ann", "ben")));
    }

    @Test
    void anAutomaticPolicyWithoutAgents_isRefused() {
        fixture.givenNoPriorActivity()
                .when(new ConfigureAssignmentGroup(GROUP, AssignmentPolicy.LEAST_OPEN, List.of()))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void roundRobin_givesTheNextAgentInTurn() {
        fixture.given(new AssignmentGroupConfigured(GROUP, AssignmentPolicy.ROUND_ROBIN, AGENTS),
                        new AgentPicked(GROUP, "inq-1", "ann", AssignmentPolicy.ROUND_ROBIN))
                .when(new PickAgent(GROUP, "inq-2", Map.of()))
                .expectEvents(new AgentPicked(GROUP, "inq-2", "ben", AssignmentPolicy.ROUND_ROBIN))
                .expectResultMessagePayload("ben");
    }

    @Test
    void roundRobin_wrapsAround() {
        fixture.given(new AssignmentGroupConfigured(GROUP, AssignmentPolicy.ROUND_ROBIN, AGENTS),
                        new AgentPicked(GROUP, "inq-3", "cat", AssignmentPolicy.ROUND_ROBIN))
                .when(new PickAgent(GROUP, "inq-4", Map.of()))
                .expectResultMessagePayload("ann");
    }

    @Test
    void leastOpen_picksTheAgentWithFewestOpenInquiries_theFirstListedOnATie() {
        fixture.given(new AssignmentGroupConfigured(GROUP, AssignmentPolicy.LEAST_OPEN, AGENTS))
                .when(new PickAgent(GROUP, "inq-1", Map.of("ann", 3L, "ben", 1L, "cat", 1L)))
                .expectEvents(new AgentPicked(GROUP, "inq-1", "ben", AssignmentPolicy.LEAST_OPEN));
    }

    @Test
    void aManualGroup_picksNobody() {
        fixture.given(new AssignmentGroupConfigured(GROUP, AssignmentPolicy.MANUAL, AGENTS))
                .when(new PickAgent(GROUP, "inq-1", Map.of()))
                .expectNoEvents()
                .expectResultMessagePayload(null);
    }
}
