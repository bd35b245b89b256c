package io.client360.query.queue;

import io.client360.kernel.Forbidden;
import io.client360.query.web.Readers;
import io.client360.query.web.Timestamps;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/** The work queue of an assignment group: its open inquiries (most urgent, then oldest first) and per-agent counts. */
@RestController
@Tag(name = "Queues")
class QueueController {

    /**
     * A group's open inquiries, most urgent first, then the oldest: on PostgreSQL read in this order from the queue's
     * own index (V27), whose expression is {@link io.client360.query.web.Urgency#MOST_URGENT_FIRST}.
     */
    static final String OPEN_INQUIRIES = "SELECT id, client_id, subject, status, priority, assignee_id, created_at "
            + "FROM inquiry_view WHERE assignment_group = ? AND status NOT IN ('RESOLVED', 'CLOSED') "
            + "ORDER BY " + io.client360.query.web.Urgency.MOST_URGENT_FIRST + ", created_at, id";

    private final JdbcClient jdbc;
    private final Readers readers;

    QueueController(JdbcClient jdbc, Readers readers) {
        this.jdbc = jdbc;
        this.readers = readers;
    }

    @GetMapping(path = "/api/queues/{assignmentGroup}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "getQueue", summary = "Open inquiries of an assignment group with per-agent counts (staff only)")
    Queue queue(@PathVariable @Size(max = 200) String assignmentGroup) {
        if (!readers.current().isStaff()) {
            throw new Forbidden("Queues are for staff.");
        }
        List<QueuedInquiry> inquiries = jdbc.sql(OPEN_INQUIRIES)
                .param(assignmentGroup)
                .query((rs, row) -> new QueuedInquiry(rs.getString("id"), rs.getString("client_id"),
                        rs.getString("subject"), rs.getString("status"), rs.getString("priority"),
                        rs.getString("assignee_id"), Timestamps.read(rs, "created_at")))
                .list();
        // the per-agent counts from the open inquiries just read (all of the group's), in agent id order
        List<AgentLoad> agents = inquiries.stream().map(QueuedInquiry::assigneeId).filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.groupingBy(agent -> agent, java.util.TreeMap::new,
                        java.util.stream.Collectors.counting()))
                .entrySet().stream().map(load -> new AgentLoad(load.getKey(), load.getValue())).toList();
        long unassigned = inquiries.stream().filter(inquiry -> inquiry.assigneeId() == null).count();
        return new Queue(assignmentGroup, inquiries.size(), unassigned, agents, inquiries);
    }

    record Queue(String assignmentGroup, long open, long unassigned, List<AgentLoad> agents,
                 List<QueuedInquiry> inquiries) {
    }

    record AgentLoad(String agentId, long open) {
    }

    record QueuedInquiry(String id, String clientId, String subject, String status, String priority, String assigneeId,
                         Instant createdAt) {
    }
}
