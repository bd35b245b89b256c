package io.client360.query.seal;

import io.client360.kernel.PublishedEvents;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Publishes the feed's {@code data} shapes: one schema per event type, {@code Event<type>} (for instance
 * {@code EventInquiryCreated}), with the types they use also prefixed ({@code EventRoutingRule}), so that an event's
 * record never clashes with a view or request of the same name. A field that is not set is {@code null}. (No event
 * type's name starts with the prefix, so a reference that has it is already published.)
 */
@Component
class FeedSchemas implements OpenApiCustomizer {

    static final String PREFIX = "Event";
    private static final String REFS = "#/components/schemas/";

    @Override
    @SuppressWarnings("rawtypes")
    public void customise(OpenAPI openApi) {
        Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
        ModelConverters converters = ModelConverters.getInstance(openApi.getSpecVersion() == SpecVersion.V31);
        Map<String, Schema> published = new TreeMap<>();
        for (Class<?> type : PublishedEvents.all()) {
            converters.readAll(new AnnotatedType(type)).forEach((name, schema) -> published.put(PREFIX + name,
                    prefixed(schema)));
            Schema event = published.get(PREFIX + type.getSimpleName());
            event.description("The data of a feed item of type " + type.getSimpleName() + ".");
        }
        published.forEach(components::addSchemas);
        openApi.setComponents(components);
    }

    /** The schema with every reference to another component pointed at its prefixed name. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema prefixed(Schema schema) {
        if (schema == null) {
            return null;
        }
        if (schema.get$ref() != null && schema.get$ref().startsWith(REFS)
                && !schema.get$ref().startsWith(REFS + PREFIX)) {
            schema.set$ref(REFS + PREFIX + schema.get$ref().substring(REFS.length()));
        }
        if (schema.getProperties() != null) {
            ((Map<String, Schema>) schema.getProperties()).values().forEach(FeedSchemas::prefixed);
        }
        prefixed(schema.getItems());
        if (schema.getAdditionalProperties() instanceof Schema additional) {
            prefixed(additional);
        }
        for (List<Schema> composed : new List[]{schema.getAllOf(), schema.getAnyOf(), schema.getOneOf()}) {
            if (composed != null) {
                composed.forEach(FeedSchemas::prefixed);
            }
        }
        return schema;
    }
}
