package io.client360.command.assignment;

import io.client360.kernel.assignment.AssignmentGroupConfigured;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Which groups assign automatically, in the same transaction as their configuration events. */
@Component
@ProcessingGroup(AssignmentLookupProjection.PROCESSING_GROUP)
class AssignmentLookupProjection {

    static final String PROCESSING_GROUP = "assignment-lookup";

    private final JdbcClient jdbc;

    AssignmentLookupProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AssignmentGroupConfigured event) {
        jdbc.sql("DELETE FROM assignment_group_config WHERE assignment_group = ?").param(event.assignmentGroup()).update();
        jdbc.sql("INSERT INTO assignment_group_config (assignment_group, policy) VALUES (?, ?)")
                .params(event.assignmentGroup(), event.policy().name()).update();
    }
}
