package io.client360.command.web;

import io.client360.command.CommandSideApplication;
import io.client360.testing.FreshPostgresDatabase;
import io.client360.testing.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The write side's OpenAPI document describes each operation's own request body, field for field. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + CommandSideApplication.CONFIG_NAME)
@ContextConfiguration(initializers = FreshPostgresDatabase.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class OpenApiDocumentTest {

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyRequestBodySchema_hasExactlyTheFieldsOfItsRequestRecord() {
        JsonNode document = new Http(port).get("/v3/api-docs").json();
        int checked = 0;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            MethodParameter body = Arrays.stream(mapping.getValue().getMethodParameters())
                    .filter(parameter -> parameter.hasParameterAnnotation(RequestBody.class))
                    .findFirst().orElse(null);
            if (body == null || !body.getParameterType().isRecord()) {
                continue;
            }
            for (String path : mapping.getKey().getPathPatternsCondition().getPatternValues()) {
                for (RequestMethod method : mapping.getKey().getMethodsCondition().getMethods()) {
                    JsonNode operation = document.path("paths").path(path).path(method.name().toLowerCase());
                    String ref = operation.path("requestBody").path("content").path("application/json")
                            .path("schema").path("$ref").asString("");
                    assertThat(ref).as(method + " " + path + " documents its body").isNotEmpty();
                    JsonNode schema = document.path("components").path("schemas")
                            .path(ref.substring(ref.lastIndexOf('/') + 1));
                    Set<String> documented = new TreeSet<>();
                    schema.path("properties").propertyNames().forEach(documented::add);
                    Set<String> declared = Arrays.stream(body.getParameterType().getRecordComponents())
                            .map(RecordComponent::getName).collect(Collectors.toCollection(TreeSet::new));
                    assertThat(documented).as(method + " " + path + " (" + ref + ")").isEqualTo(declared);
                    checked++;
                }
            }
        }
        assertThat(checked).as("operations with a request body").isGreaterThan(15);
    }
}
