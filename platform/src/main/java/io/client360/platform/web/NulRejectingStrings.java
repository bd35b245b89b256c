package io.client360.platform.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Request bodies may not carry the NUL character in a string: PostgreSQL cannot store it, so it is refused at the
 * edge as a field error (400) instead of failing the write later.
 */
public final class NulRejectingStrings extends StdScalarDeserializer<String> {

    private NulRejectingStrings() {
        super(String.class);
    }

    public static SimpleModule module() {
        return new SimpleModule("client360-nul-rejecting-strings").addDeserializer(String.class, new NulRejectingStrings());
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) {
        String value = StringDeserializer.instance.deserialize(parser, context);
        if (value != null && value.indexOf('\0') >= 0) {
            throw context.weirdStringException(value, String.class, "must not contain the NUL character");
        }
        return value;
    }
}
