package io.client360.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Documents every error answer the way it is sent: one shared RFC 9457 {@code Problem} schema ({@code type, title,
 * status, detail, code, errors[{field, message}]}) as {@code application/problem+json} on the 4xx and 503 answers of
 * every operation, so a generated client parses refusals instead of failing on them.
 */
public class ProblemsInOpenApi implements OpenApiCustomizer {

    static final String PROBLEM = "Problem";
    private static final Map<String, String> ANSWERS = new LinkedHashMap<>();

    static {
        ANSWERS.put("400", "Malformed or invalid input (VALIDATION_FAILED with field errors, MALFORMED_REQUEST)");
        ANSWERS.put("401", "No valid bearer token (UNAUTHORIZED)");
        ANSWERS.put("403", "Not allowed (FORBIDDEN, NOT_CLIENT_ADMIN)");
        ANSWERS.put("404", "Unknown, or not visible to the caller (NOT_FOUND)");
        ANSWERS.put("409", "A domain rule refused it (the code says which)");
        ANSWERS.put("429", "Past a rate limit (TOO_MANY_REQUESTS; see Retry-After)");
        ANSWERS.put("503", "The database is not reachable, or a minVersion read is not there yet (see Retry-After)");
    }

    @Override
    public void customise(OpenAPI openApi) {
        Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
        components.addSchemas(PROBLEM, problemSchema());
        openApi.setComponents(components);
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            ANSWERS.forEach((status, description) -> responses.addApiResponse(status, problem(description)));
            if (operation.getParameters() != null && operation.getParameters().stream()
                    .anyMatch(parameter -> "If-Match".equalsIgnoreCase(parameter.getName()))) {
                responses.addApiResponse("412", problem("If-Match names another version (VERSION_CONFLICT)"));
            }
            operation.setResponses(responses);
        }));
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(
                "application/problem+json", new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        ObjectSchema fieldError = new ObjectSchema();
        fieldError.addProperty("field", new StringSchema());
        fieldError.addProperty("message", new StringSchema());
        ObjectSchema problem = new ObjectSchema();
        problem.description("RFC 9457 problem details with a machine-readable code");
        problem.addProperty("type", new StringSchema());
        problem.addProperty("title", new StringSchema());
        problem.addProperty("status", new IntegerSchema());
        problem.addProperty("detail", new StringSchema());
        problem.addProperty("instance", new StringSchema());
        StringSchema code = new StringSchema();
        Arrays.stream(io.client360.kernel.ErrorCode.values()).forEach(value -> code.addEnumItem(value.name()));
        problem.addProperty("code", code);
        problem.addProperty("errors", new ArraySchema().items(fieldError));
        problem.required(java.util.List.of("status", "code"));
        return problem;
    }

}
