package io.client360.platform.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Request bodies are read strictly: an enum is its name, never its position ({@code "priority": 1} is a 400); a key
 * given twice is a 400, not "last one wins"; a date or an instant is an ISO-8601 string, never an array or a number.
 * {@link #requirePlausible} keeps dates within the years a client-service record can have.
 */
public final class StrictJson {

    static final int FIRST_YEAR = 1900;
    static final int LAST_YEAR = 9999;

    private StrictJson() {
    }

    public static JsonMapperBuilderCustomizer customizer() {
        return builder -> builder.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }

    public static SimpleModule datesAsText() {
        return new SimpleModule("client360-dates-as-text")
                .addDeserializer(LocalDate.class, new Text<>(LocalDate.class, LocalDate::parse, "a date such as 2026-11-26"))
                .addDeserializer(Instant.class, new Text<>(Instant.class, Instant::parse,
                        "an instant such as 2026-11-26T09:00:00Z"));
    }

    /** Refuses a date outside the years {@value FIRST_YEAR} to {@value LAST_YEAR} as a field error (400). */
    public static void requirePlausible(String field, LocalDate date) {
        if (date != null && (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR)) {
            throw new InvalidRequestException(field,
                    "must be a date between the years " + FIRST_YEAR + " and " + LAST_YEAR);
        }
    }

    private static final class Text<T> extends StdScalarDeserializer<T> {
        private final java.util.function.Function<String, T> parse;
        private final String expected;

        Text(Class<T> type, java.util.function.Function<String, T> parse, String expected) {
            super(type);
            this.parse = parse;
            this.expected = expected;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (T) context.handleUnexpectedToken(handledType(), parser);
            }
            String text = parser.getString();
            try {
                return parse.apply(text.strip());
            } catch (DateTimeParseException e) {
                throw context.weirdStringException(text, handledType(), "must be " + expected);
            }
        }
    }
}
