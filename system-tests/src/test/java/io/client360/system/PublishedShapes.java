package io.client360.system;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks the integration feed's items against the read API's published event schemas ({@code Event<type>}): every
 * item's type has one, every field of its {@code data} is documented, of the documented JSON type and, for enums,
 * one of the documented values. A field that is not set may be null.
 */
final class PublishedShapes {

    private static final String REFS = "#/components/schemas/";

    private PublishedShapes() {
    }

    /** What in the system's whole feed its read API document does not describe. */
    static List<String> violations(RunningSystem system) {
        List<JsonNode> items = new ArrayList<>();
        long after = -1;
        while (true) {
            JsonNode page = system.queries().get("/api/feed?limit=500" + (after < 0 ? "" : "&after=" + after)).json();
            page.get("items").forEach(items::add);
            if (page.get("items").isEmpty()) {
                return violations(system.queries().get("/v3/api-docs").json(), items);
            }
            after = page.get("next").asLong();
        }
    }

    /** What in {@code items} the document does not describe, each as "position type path: what". */
    static List<String> violations(JsonNode document, Iterable<JsonNode> items) {
        List<String> violations = new ArrayList<>();
        JsonNode schemas = document.path("components").path("schemas");
        for (JsonNode item : items) {
            String type = item.path("type").asString();
            String where = item.path("position").asLong() + " " + type;
            JsonNode schema = schemas.path("Event" + type);
            if (schema.isMissingNode()) {
                violations.add(where + ": no published schema");
            } else {
                check(item.path("data"), schema, schemas, where + " data", violations);
            }
        }
        return violations;
    }

    private static void check(JsonNode value, JsonNode schema, JsonNode schemas, String path, List<String> out) {
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asString();
            JsonNode target = schemas.path(ref.substring(REFS.length()));
            if (target.isMissingNode()) {
                out.add(path + ": dangling " + ref);
                return;
            }
            check(value, target, schemas, path, out);
            return;
        }
        if (value == null || value.isNull() || value.isMissingNode()) {
            return;
        }
        Set<String> types = new java.util.HashSet<>();
        if (schema.path("type").isArray()) {
            schema.get("type").forEach(type -> types.add(type.asString()));
        } else if (schema.has("type")) {
            types.add(schema.get("type").asString());
        }
        if (types.isEmpty()) {
            return; // any value
        }
        if (value.isObject() && types.contains("object")) {
            JsonNode properties = schema.path("properties");
            JsonNode additional = schema.path("additionalProperties");
            value.properties().forEach(field -> {
                if (properties.has(field.getKey())) {
                    check(field.getValue(), properties.get(field.getKey()), schemas, path + "." + field.getKey(), out);
                } else if (additional.isObject()) {
                    check(field.getValue(), additional, schemas, path + "." + field.getKey(), out);
                } else if (!properties.isMissingNode() || additional.isBoolean() && !additional.asBoolean()) {
                    out.add(path + "." + field.getKey() + ": not documented");
                }
            });
            schema.path("required").forEach(required -> {
                if (!value.has(required.asString())) {
                    out.add(path + "." + required.asString() + ": required, missing");
                }
            });
        } else if (value.isArray() && types.contains("array")) {
            int i = 0;
            for (JsonNode element : value) {
                check(element, schema.path("items"), schemas, path + "[" + i++ + "]", out);
            }
        } else if (value.isString() && types.contains("string")) {
            if (schema.has("enum")) {
                List<String> values = new ArrayList<>();
                schema.get("enum").forEach(allowed -> values.add(allowed.asString()));
                if (!values.contains(value.asString())) {
                    out.add(path + ": '" + value.asString() + "' is none of " + values);
                }
            }
        } else if (!(value.isIntegralNumber() && types.contains("integer"))
                && !(value.isNumber() && types.contains("number"))
                && !(value.isBoolean() && types.contains("boolean"))) {
            out.add(path + ": " + value.getNodeType() + " where the schema says " + types);
        }
    }
}
