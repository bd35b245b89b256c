package io.client360.system;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.client360.kernel.inquiry.InquiryEvent;
import org.axonframework.spring.stereotype.Aggregate;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The module edges and the purity rules, checked on the compiled classes. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.client360");

    @Test
    void theCommandSide_neverDependsOnTheQuerySide() {
        noClasses().that().resideInAPackage("io.client360.command..")
                .should().dependOnClassesThat().resideInAPackage("io.client360.query..")
                .check(CLASSES);
    }

    @Test
    void theQuerySide_neverDependsOnTheCommandSide() {
        noClasses().that().resideInAPackage("io.client360.query..")
                .should().dependOnClassesThat().resideInAPackage("io.client360.command..")
                .check(CLASSES);
    }

    @Test
    void theSharedKernel_hasNoSpring_andNoOtherModule() {
        noClasses().that().resideInAPackage("io.client360.kernel..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "io.client360.command..",
                        "io.client360.query..", "io.client360.platform..", "jakarta.persistence..")
                .check(CLASSES);
    }

    @Test
    void thePlatform_knowsNeitherSide() {
        noClasses().that().resideInAPackage("io.client360.platform..")
                .should().dependOnClassesThat().resideInAnyPackage("io.client360.command..", "io.client360.query..")
                .check(CLASSES);
    }

    @Test
    void aggregates_doNoIo() {
        noClasses().that().areAnnotatedWith(Aggregate.class)
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..",
                        "org.springframework.jdbc..", "java.net..", "java.io..", "java.nio.file..")
                .check(CLASSES);
    }

    @Test
    void events_areImmutableRecords() {
        classes().that().implement(InquiryEvent.class)
                .should().beRecords()
                .check(CLASSES);
    }

    @Test
    void everyEventAnAggregateAppliesOrAHandlerTakes_isPublished() {
        java.util.Set<String> published = new java.util.HashSet<>(io.client360.kernel.PublishedEvents.all().stream()
                .map(Class::getName).toList());
        java.util.List<String> unpublished = new java.util.ArrayList<>();
        CLASSES.stream().flatMap(type -> type.getMethods().stream())
                .filter(method -> method.isAnnotatedWith(org.axonframework.eventsourcing.EventSourcingHandler.class)
                        || method.isAnnotatedWith(org.axonframework.eventhandling.EventHandler.class))
                .filter(method -> !method.getRawParameterTypes().isEmpty())
                .map(method -> method.getRawParameterTypes().get(0))
                .filter(type -> type.getPackageName().startsWith("io.client360.kernel"))
                .filter(type -> !type.isInterface() && !published.contains(type.getName()))
                .forEach(type -> unpublished.add(type.getName()));
        assertThat(unpublished).as("event types missing from PublishedEvents (the feed's schemas)").isEmpty();
    }

    /** Every main source file of the project, with its path. */
    private static java.util.List<java.nio.file.Path> mainSources() throws java.io.IOException {
        java.nio.file.Path root = java.nio.file.Path.of("..").toAbsolutePath().normalize();
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> file.toString().contains("/src/main/java/"))
                    .filter(file -> !file.toString().contains("/target/"))
                    .toList();
        }
    }

    @Test
    void idempotency_hasOneHome_nothingElseTouchesItsTable() throws java.io.IOException {
        java.util.List<String> strangers = new java.util.ArrayList<>();
        for (java.nio.file.Path file : mainSources()) {
            if (!file.toString().contains("/idempotency/")
                    && java.nio.file.Files.readString(file).toLowerCase(java.util.Locale.ROOT).contains("idempotency_record")) {
                strangers.add(file.toString());
            }
        }
        assertThat(strangers).isEmpty();
        classes().that().haveSimpleName("IdempotencyStore").should().resideInAPackage("..idempotency..")
                .andShould().notBePublic().check(CLASSES);
    }

    @Test
    void roleNames_areSpelledOnlyInTheAuthorizationPackages() throws java.io.IOException {
        java.util.regex.Pattern roleLiteral = java.util.regex.Pattern.compile(
                "\"(AGENT|SUPERVISOR|ADMIN|CONTACT|AUDITOR|INTEGRATION)\"");
        java.util.List<String> strangers = new java.util.ArrayList<>();
        for (java.nio.file.Path file : mainSources()) {
            if (!file.toString().contains("/authorization/")
                    && roleLiteral.matcher(java.nio.file.Files.readString(file)).find()) {
                strangers.add(file.toString());
            }
        }
        assertThat(strangers).isEmpty();
    }
}
