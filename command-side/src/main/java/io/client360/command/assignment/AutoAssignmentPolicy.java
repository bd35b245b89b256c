package io.client360.command.assignment;

import io.client360.kernel.assignment.AssignmentPolicy;
import io.client360.kernel.assignment.PickAgent;
import io.client360.kernel.inquiry.AutoAssignInquiry;
import io.client360.kernel.inquiry.InquiryCreated;
import io.client360.kernel.inquiry.InquiryReassigned;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * Auto-assignment: an inquiry that arrives in a group configured for ROUND_ROBIN or LEAST_OPEN (new or
 * reassigned) is given to the agent the group picks, audited as an assignment. Runs on a streaming
 * processor (one segment, token in the database); its commands are never refused, so it cannot jam.
 */
@Component
@ProcessingGroup(AutoAssignmentPolicy.PROCESSING_GROUP)
class AutoAssignmentPolicy {

    static final String PROCESSING_GROUP = "assignment-policy";

    private final CommandGateway commands;
    private final JdbcClient jdbc;

    AutoAssignmentPolicy(CommandGateway commands, JdbcClient jdbc) {
        this.commands = commands;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(InquiryCreated event) {
        assign(event.inquiryId(), event.assignmentGroup());
    }

    @EventHandler
    void on(InquiryReassigned event) {
        assign(event.inquiryId(), event.toGroup());
    }

    private void assign(String inquiryId, String group) {
        boolean automatic = jdbc.sql("SELECT policy FROM assignment_group_config WHERE assignment_group = ?")
                .param(group).query(String.class).optional()
                .filter(policy -> !AssignmentPolicy.MANUAL.name().equals(policy))
                .isPresent();
        if (!automatic) {
            return;
        }
        Map<String, Long> open = new HashMap<>();
        jdbc.sql("SELECT assignee_id, COUNT(*) FROM inquiry_registry WHERE open_now = TRUE AND assignee_id IS NOT NULL "
                        + "GROUP BY assignee_id")
                .query((rs, row) -> open.put(rs.getString(1), rs.getLong(2)))
                .list();
        String agent = commands.sendAndWait(new PickAgent(group, inquiryId, open));
        if (agent != null) {
            commands.sendAndWait(new AutoAssignInquiry(inquiryId, group, agent));
        }
    }
}
