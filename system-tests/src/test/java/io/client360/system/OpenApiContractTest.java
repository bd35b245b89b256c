package io.client360.system;

import io.client360.testing.PostgresTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both sides' OpenAPI documents follow the conventions of the HTTP contract: every operation has an explicit
 * camelCase id (the fixed ones included), a documented success status with a schema, and the shared problem schema
 * on its 4xx answers; no tag starts with a digit; creations answer 201.
 */
class OpenApiContractTest {

    static final List<String> FIXED_IDS = List.of("createDevToken", "createContact", "createInquiry", "addComment",
            "markPendingClient", "addClientResponse", "resolveInquiry", "createContract", "getInquiry", "listInquiries",
            "getInquiryHistory", "getContact", "getContact360", "getClient360", "getContractEntitlements");

    static PostgresTestDatabase database;
    static RunningSystem system;

    @BeforeAll
    static void start() {
        database = PostgresTestDatabase.create("openapi");
        system = RunningSystem.start(database.springProperties());
    }

    @AfterAll
    static void stop() {
        system.close();
        database.close();
    }

    static List<String> violations(JsonNode document) {
        List<String> violations = new ArrayList<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
            String where = entry.getKey().toUpperCase() + " " + path.getKey();
            JsonNode operation = entry.getValue();
            String id = operation.path("operationId").asString("");
            if (!id.matches("[a-z]+[A-Za-z0-9]*") || id.matches(".*_\\d+$")) {
                violations.add(where + ": operationId '" + id + "'");
            }
            boolean success = false;
            for (var response : operation.path("responses").properties()) {
                String status = response.getKey();
                JsonNode content = response.getValue().path("content");
                if (status.startsWith("2")) {
                    success |= content.isEmpty() || content.properties().stream()
                            .anyMatch(media -> !media.getValue().path("schema").isMissingNode());
                } else if (status.startsWith("4") || status.startsWith("5")) {
                    String ref = content.path("application/problem+json").path("schema").path("$ref").asString("");
                    if (!ref.equals("#/components/schemas/Problem")) {
                        violations.add(where + ": " + status + " is not the shared problem");
                    }
                }
            }
            if (!success) {
                violations.add(where + ": no documented success with a schema");
            }
            operation.path("tags").forEach(tag -> {
                if (Character.isDigit(tag.asString().charAt(0))) {
                    violations.add(where + ": tag '" + tag.asString() + "' starts with a digit");
                }
            });
        }));
        return violations;
    }

    static Set<String> operationIds(JsonNode document) {
        Set<String> ids = new HashSet<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties()
                .forEach(entry -> ids.add(entry.getValue().path("operationId").asString(""))));
        return ids;
    }

    /**
     * The documents in {@code docs/openapi/} are the ones the sides serve (clients are generated from them at build
     * time): run with {@code -Dclient360.openapi.update=true} to write them anew after an API change.
     */
    @Test
    void theDocumentsInTheRepository_areTheOnesTheSidesServe() throws java.io.IOException {
        java.nio.file.Path docs = java.nio.file.Path.of("..", "docs", "openapi").toAbsolutePath().normalize();
        tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder()
                .enable(tools.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                .build();
        for (var side : java.util.Map.of("write-api.json", system.commands(), "read-api.json", system.queries())
                .entrySet()) {
            tools.jackson.databind.node.ObjectNode served = (tools.jackson.databind.node.ObjectNode)
                    side.getValue().get("/v3/api-docs").json();
            served.remove("servers");
            java.nio.file.Path file = docs.resolve(side.getKey());
            if (Boolean.getBoolean("client360.openapi.update") || !java.nio.file.Files.exists(file)) {
                java.nio.file.Files.createDirectories(docs);
                java.nio.file.Files.writeString(file, json.writeValueAsString(served) + "\n");
            }
            assertThat(json.readTree(java.nio.file.Files.readString(file)))
                    .as(file + " is what the side serves (-Dclient360.openapi.update=true writes it anew)")
                    .isEqualTo(served);
        }
    }

    @Test
    void bothDocuments_followTheConventions_andKeepTheFixedOperationIds() {
        JsonNode write = system.commands().get("/v3/api-docs").json();
        JsonNode read = system.queries().get("/v3/api-docs").json();

        assertThat(violations(write)).isEmpty();
        assertThat(violations(read)).isEmpty();
        Set<String> ids = new HashSet<>(operationIds(write));
        ids.addAll(operationIds(read));
        assertThat(ids).containsAll(FIXED_IDS.stream().filter(id -> !id.equals("createDevToken")).toList());
        assertThat(write.path("paths").path("/api/inquiries").path("post").path("responses").has("201")).isTrue();
        assertThat(write.path("paths").path("/api/inquiries/{id}/comments").path("post").path("parameters").toString())
                .contains("Idempotency-Key").contains("If-Match");
        assertThat(read.path("components").path("schemas").path("InquiryView").path("properties").path("status")
                .toString()).contains("enum");
        assertThat(write.path("paths").has("/error")).isFalse();
        for (var creation : java.util.Map.of("/api/contacts", "CreateContactRequest", "/api/inquiries",
                "CreateInquiryRequest", "/api/contracts", "CreateContractRequest").entrySet()) {
            assertThat(write.path("paths").path(creation.getKey()).path("post").path("requestBody").path("content")
                    .path("application/json").path("schema").path("$ref").asString())
                    .as("Swagger UI's example body of POST " + creation.getKey() + " is its own request")
                    .endsWith("/" + creation.getValue());
        }
    }
}
