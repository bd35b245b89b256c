package io.client360.command.web;

import io.client360.command.idempotency.Idempotency;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * What the write side's document must say beyond the annotations: every write honours {@code Idempotency-Key}, and
 * creations answer 201 with {@code Location} and {@code ETag}.
 */
@Component
class WriteApiDocumentation implements OpenApiCustomizer {

    static final Set<String> CREATIONS = Set.of("createContact", "createInquiry", "createContract", "createAsset",
            "openBillingAccount", "issueBill", "takePayment", "subscribeWebhook");

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            if (method == PathItem.HttpMethod.GET || path.startsWith("/api/dev/")) {
                return;
            }
            operation.addParametersItem(new HeaderParameter().name(Idempotency.HEADER).required(false)
                    .description("The same key with the same request answers the first result again and writes "
                            + "nothing; with another request it is 409 IDEMPOTENCY_KEY_REUSED. Keys belong to the "
                            + "caller.")
                    .schema(new StringSchema().maxLength(200)));
            if (CREATIONS.contains(operation.getOperationId()) && operation.getResponses() != null) {
                ApiResponse ok = operation.getResponses().remove("200");
                if (ok != null) {
                    ok.description("Created. ETag is the version right after the creation; policies may add events "
                            + "at once (an inquiry's entitlement decision), so read the current version (the read "
                            + "side's version, or minVersion) before sending If-Match.");
                    ok.addHeaderObject("Location", new Header().description("Where the new aggregate is read")
                            .schema(new StringSchema()));
                    ok.addHeaderObject("ETag", new Header().description("The version after the creation, quoted")
                            .schema(new StringSchema()));
                    operation.getResponses().addApiResponse("201", ok);
                }
            }
        }));
    }
}
