package io.client360.system;

import io.client360.testing.Http;
import io.client360.testing.TestTokens;
import io.client360.testing.Http.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole inquiry lifecycle end to end: HTTP write, event stored, read model updated. Subclasses
 * choose the database.
 */
abstract class InquiryLifecycleScenario {

    static final String AGENT = "agent-7";

    abstract RunningSystem system();

    static String newInquiry(String contactId, String type) {
        return """
                {"clientId":"client-1","contactId":"%s","product":"Studio","type":"%s","channel":"PORTAL",
                 "subject":"Build fails","description":"The build fails since the upgrade.","priority":"HIGH"}"""
                .formatted(contactId, type);
    }

    String newInquiry(String type) {
        return newInquiry(system().newContact("client-1", false), type);
    }

    Response write(String method, String path, String body) {
        Response response = system().commands().send(method, path, body, TestTokens.bearer(TestTokens.agent(AGENT)));
        assertThat(response.status()).as(method + " " + path + " -> " + response).isBetween(200, 201);
        return response;
    }

    JsonNode viewAtVersion(String id, long version) {
        Http queries = system().queries();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Response view = queries.get("/api/inquiries/" + id);
            return view.status() == 200 && view.json().get("version").asLong() >= version;
        });
        return queries.get("/api/inquiries/" + id).json();
    }

    JsonNode awaitStatus(String id, String status) {
        Http queries = system().queries();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Response view = queries.get("/api/inquiries/" + id);
            return view.status() == 200 && status.equals(view.json().get("status").asString());
        });
        return queries.get("/api/inquiries/" + id).json();
    }

    @Test
    void anInquiry_goesFromOpeningToAutomaticResolutionAndClose_visibleOnTheReadSide() {
        assertThat(system().commands().put("/api/routing-rules", // as an ADMIN: agents may not route
                "{\"rules\":[{\"type\":\"PRODUCTION_ISSUE\",\"assignmentGroup\":\"L2.Production\"}]}").status())
                .isEqualTo(200);
        Response created = write("POST", "/api/inquiries", newInquiry("PRODUCTION_ISSUE"));
        String id = created.text("id");
        assertThat(created.text("assignmentGroup")).isEqualTo("L2.Production");

        JsonNode opened = viewAtVersion(id, 0);
        assertThat(opened.get("status").asString()).isEqualTo("NEW");
        assertThat(opened.get("assignmentGroup").asString()).isEqualTo("L2.Production");

        write("POST", "/api/inquiries/" + id + "/reassignment",
                "{\"assignmentGroup\":\"L3.Platform\",\"reason\":\"Platform bug\"}");
        write("POST", "/api/inquiries/" + id + "/assignment", "{\"agentId\":\"agent-9\"}");
        write("POST", "/api/inquiries/" + id + "/comments", "{\"body\":\"Reproduced\",\"visibility\":\"PUBLIC\"}");
        write("POST", "/api/inquiries/" + id + "/comments", "{\"body\":\"Cache bug\",\"visibility\":\"INTERNAL\"}");
        write("POST", "/api/inquiries/" + id + "/work-logs", "{\"hours\":1.5,\"note\":\"Reproduction\"}");
        Response changed = write("PUT", "/api/inquiries/" + id + "/priority", "{\"priority\":\"CRITICAL\"}");

        JsonNode worked = viewAtVersion(id, changed.json().get("version").asLong());
        assertThat(worked.get("status").asString()).isEqualTo("IN_PROGRESS");
        JsonNode asOpened = system().queries().get("/api/inquiries/" + id + "?asOf="
                + java.time.Instant.parse(worked.get("createdAt").asString()).plusMillis(1)).json();
        assertThat(asOpened.get("assignmentGroup").asString()).as("time travel on this database")
                .isEqualTo("L2.Production");
        assertThat(system().queries().get("/api/inquiries/" + id).json().get("assignmentGroup").asString())
                .as("the live view after time travel").isEqualTo("L3.Platform");
        String requester = worked.get("contactId").asString();
        JsonNode contact360AsOpened = system().queries().get("/api/contacts/" + requester + "/360?asOf="
                + java.time.Instant.parse(worked.get("createdAt").asString()).plusMillis(1)).json();
        assertThat(contact360AsOpened.get("serviceRequests").findValuesAsString("priority"))
                .as("a composed view as it was, on this database").contains("HIGH").doesNotContain("CRITICAL");
        assertThat(worked.get("assignmentGroup").asString()).isEqualTo("L3.Platform");
        assertThat(worked.get("assigneeId").asString()).isEqualTo("agent-9");
        assertThat(worked.get("priority").asString()).isEqualTo("CRITICAL");
        assertThat(worked.get("comments")).hasSize(2);
        assertThat(worked.get("hoursLogged").decimalValue()).isEqualByComparingTo("1.5");

        write("POST", "/api/inquiries/" + id + "/pending-client", "{\"pendingCode\":\"AWAITING_CLIENT_INFO\"}");
        assertThat(awaitStatus(id, "PENDING_CLIENT").get("pendingCode").asString()).isEqualTo("AWAITING_CLIENT_INFO");
        write("POST", "/api/inquiries/" + id + "/client-responses", "{\"body\":\"Here are the logs\"}");
        awaitStatus(id, "IN_PROGRESS");

        write("POST", "/api/inquiries/" + id + "/pending-client", "{\"pendingCode\":\"AWAITING_CLIENT_INFO\"}");
        JsonNode resolved = awaitStatus(id, "RESOLVED");
        assertThat(resolved.get("resolutionCode").asString()).isEqualTo("NO_CLIENT_RESPONSE");
        awaitStatus(id, "CLOSED");

        Response refused = system().commands().post("/api/inquiries/" + id + "/comments",
                "{\"body\":\"Anyone?\",\"visibility\":\"PUBLIC\"}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("INQUIRY_CLOSED");

        List<String> events = new ArrayList<>();
        List<String> actors = new ArrayList<>();
        system().queries().get("/api/inquiries/" + id + "/history").json().forEach(entry -> {
            events.add(entry.get("event").asString());
            actors.add(entry.get("actorKind").asString());
        });
        assertThat(events).startsWith("InquiryCreated")
                .containsSubsequence("InquiryReassigned", "InquiryAssigned", "CommentAdded", "WorkLogged",
                        "PriorityChanged", "InquiryPendingClient", "ClientResponded", "InquiryPendingClient",
                        "InquiryResolved", "InquiryClosed")
                .contains("InquiryNotEntitled");
        assertThat(actors.get(0)).isEqualTo("AGENT");
        assertThat(actors.get(actors.size() - 1)).isEqualTo("SYSTEM");
    }

    @Test
    void aResolvedInquiry_reopensOnAClientReply_andOnRequest() {
        String id = write("POST", "/api/inquiries", newInquiry("TECHNICAL_QUESTION")).text("id");
        write("POST", "/api/inquiries/" + id + "/resolution", "{\"resolutionCode\":\"FIXED\",\"note\":\"Patched\"}");
        awaitStatus(id, "RESOLVED");

        write("POST", "/api/inquiries/" + id + "/client-responses", "{\"body\":\"Still broken\"}");
        awaitStatus(id, "IN_PROGRESS");

        write("POST", "/api/inquiries/" + id + "/resolution", "{\"resolutionCode\":\"FIXED\",\"note\":\"Again\"}");
        awaitStatus(id, "RESOLVED");
        Response reopened = write("POST", "/api/inquiries/" + id + "/reopening", "{\"reason\":\"Regression\"}");

        JsonNode view = viewAtVersion(id, reopened.json().get("version").asLong());
        assertThat(view.get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(view.get("resolutionCode").isNull()).isTrue();
    }
}
