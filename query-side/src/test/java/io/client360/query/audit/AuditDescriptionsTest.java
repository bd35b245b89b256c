package io.client360.query.audit;

import io.client360.kernel.inquiry.InquiryEvent;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class AuditDescriptionsTest {

    @Test
    void everyInquiryEventType_hasAnAuditDescription() throws Exception {
        Class<?>[] types = InquiryEvent.class.getPermittedSubclasses();
        assertThat(types).isNotEmpty();
        for (Class<?> type : types) {
            InquiryEvent sample = (InquiryEvent) sampleOf(type);

            AuditDescription description = InquiryAuditDescriptions.describe(sample);

            assertThat(description.summary()).as(type.getSimpleName()).isNotBlank();
            assertThat(description.category()).as(type.getSimpleName()).isNotNull();
        }
    }

    @Test
    void everyContactEventType_hasAnAuditDescription() throws Exception {
        Class<?>[] types = io.client360.kernel.contact.ContactEvent.class.getPermittedSubclasses();
        assertThat(types).isNotEmpty();
        for (Class<?> type : types) {
            var sample = (io.client360.kernel.contact.ContactEvent) sampleOf(type);

            AuditDescription description = ContactAuditDescriptions.describe(sample);

            assertThat(description.summary()).as(type.getSimpleName()).isNotBlank();
        }
    }

    @Test
    void everyContractEventType_hasAnAuditDescription() throws Exception {
        Class<?>[] types = io.client360.kernel.contract.ContractEvent.class.getPermittedSubclasses();
        assertThat(types).isNotEmpty();
        for (Class<?> type : types) {
            var sample = (io.client360.kernel.contract.ContractEvent) sampleOf(type);

            assertThat(ContractAuditDescriptions.describe(sample).summary()).as(type.getSimpleName()).isNotBlank();
        }
    }

    @Test
    void aCommentEntry_keepsItsVisibility_forTheReadersFilter() {
        var comment = new io.client360.kernel.inquiry.CommentAdded("i", "c", "secret",
                io.client360.kernel.inquiry.Visibility.INTERNAL, "agent-1", "AGENT");

        AuditDescription description = InquiryAuditDescriptions.describe(comment);

        assertThat(description.category()).isEqualTo(AuditCategory.CORRESPONDENCE);
        assertThat(description.visibility()).isEqualTo("INTERNAL");
    }

    private static Object sampleOf(Class<?> record) throws Exception {
        RecordComponent[] components = record.getRecordComponents();
        Class<?>[] parameterTypes = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Constructor<?> constructor = record.getDeclaredConstructor(parameterTypes);
        Object[] values = Arrays.stream(parameterTypes).map(AuditDescriptionsTest::sampleValue).toArray();
        return constructor.newInstance(values);
    }

    private static Object sampleValue(Class<?> type) {
        if (type == String.class) {
            return "sample";
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == BigDecimal.class) {
            return BigDecimal.ONE;
        }
        if (type == Instant.class) {
            return Instant.EPOCH;
        }
        if (type == java.time.LocalDate.class) {
            return java.time.LocalDate.EPOCH;
        }
        if (type == java.time.Duration.class) {
            return java.time.Duration.ZERO;
        }
        if (type == Integer.class || type == int.class) {
            return 1;
        }
        if (type == Long.class || type == long.class) {
            return 1L;
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        if (type == java.util.List.class) {
            return java.util.List.of();
        }
        if (type == java.util.Map.class) {
            return java.util.Map.of();
        }
        if (type.isRecord()) {
            try {
                return sampleOf(type);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalArgumentException("No sample value for " + type);
    }
}
