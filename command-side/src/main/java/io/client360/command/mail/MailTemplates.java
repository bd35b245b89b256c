package io.client360.command.mail;

import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;

/**
 * Renders mail bodies from Thymeleaf templates under {@code mail/} on the classpath: {@code <kind>.txt} (TEXT mode)
 * and {@code <kind>.html} (HTML mode, every value escaped). Instants are shown in the recipient's time zone.
 */
@Component
class MailTemplates {

    private final TemplateEngine text = engine(TemplateMode.TEXT, ".txt");
    private final TemplateEngine html = engine(TemplateMode.HTML, ".html");

    /** A rendered mail body in both forms. */
    record Body(String text, String html) {
    }

    Body render(String kind, Map<String, Object> values, String timeZone) {
        Context context = new Context(Locale.ENGLISH);
        context.setVariables(values);
        context.setVariable("zone", zone(timeZone));
        context.setVariable("dates", new Dates(zone(timeZone)));
        return new Body(text.process(kind, context), html.process(kind, context));
    }

    private static ZoneId zone(String timeZone) {
        try {
            return timeZone == null ? ZoneId.of("UTC") : ZoneId.of(timeZone);
        } catch (RuntimeException unknown) {
            return ZoneId.of("UTC");
        }
    }

    private static TemplateEngine engine(TemplateMode mode, String suffix) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("mail/");
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }

    /** Formats instants for the templates in the recipient's zone ({@code ${dates.format(due)}}). */
    public record Dates(ZoneId zone) {
        public String format(Instant instant) {
            return instant == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                    .withLocale(Locale.ENGLISH).withZone(zone).format(instant) + " (" + zone.getId() + ")";
        }
    }
}
