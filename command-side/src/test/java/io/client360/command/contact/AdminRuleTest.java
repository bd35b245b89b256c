package io.client360.command.contact;

import io.client360.kernel.DomainRuleViolation;
import io.client360.kernel.ErrorCode;
import io.client360.kernel.contact.ChangeContactAccess;
import io.client360.kernel.contact.ClientMembership;
import io.client360.kernel.contact.ContactSource;
import io.client360.kernel.contact.ContactStatus;
import io.client360.kernel.contact.CreateContact;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdminRuleTest {

    private final InMemoryContactRegistry registry = new InMemoryContactRegistry()
            .contact("admin-of-both", ContactStatus.ACTIVE, true, "acme", "globex")
            .contact("admin-of-acme", ContactStatus.ACTIVE, true, "acme")
            .contact("member-of-both", ContactStatus.ACTIVE, false, "acme", "globex")
            .contact("locked-admin", ContactStatus.LOCKED, true, "acme", "globex")
            .contact("target", ContactStatus.ACTIVE, false, "acme", "globex");
    private final AdminRule rule = new AdminRule(registry);

    private static CreateContact contactAt(String... clients) {
        return new CreateContact("new", "Ada", "Lovelace", "ada@acme.test", List.of(), null, null,
                ContactSource.DIRECT_ENTRY, true, false, false,
                java.util.Arrays.stream(clients).map(c -> new ClientMembership(c, null, null)).toList(), clients[0]);
    }

    @Test
    void staffWithAdmin_mayDoEverything() {
        assertThatCode(() -> rule.authorize(contactAt("acme", "globex"), "agent-1", "AGENT", "AGENT,ADMIN"))
                .doesNotThrowAnyException();
    }

    @Test
    void staffWithoutAdmin_isRefused() {
        assertThatThrownBy(() -> rule.authorize(contactAt("acme"), "agent-1", "AGENT", "AGENT,SUPERVISOR"))
                .isInstanceOfSatisfying(DomainRuleViolation.class,
                        violation -> assertThat(violation.code()).isEqualTo(ErrorCode.NOT_CLIENT_ADMIN));
    }

    @Test
    void aClientAdministratorOfEveryNamedClient_mayCreateThere() {
        assertThatCode(() -> rule.authorize(contactAt("acme", "globex"), "admin-of-both", "CONTACT", ""))
                .doesNotThrowAnyException();
    }

    @Test
    void aClientAdministratorOfOnlySomeNamedClients_isRefused() {
        assertThatThrownBy(() -> rule.authorize(contactAt("acme", "globex"), "admin-of-acme", "CONTACT", ""))
                .isInstanceOf(DomainRuleViolation.class);
    }

    @Test
    void aMemberWithoutAdministratorPrivileges_isRefused() {
        assertThatThrownBy(() -> rule.authorize(contactAt("acme"), "member-of-both", "CONTACT", ""))
                .isInstanceOf(DomainRuleViolation.class);
    }

    @Test
    void aLockedAdministrator_isRefused() {
        assertThatThrownBy(() -> rule.authorize(contactAt("acme"), "locked-admin", "CONTACT", ""))
                .isInstanceOf(DomainRuleViolation.class);
    }

    @Test
    void anAccessChange_concernsEveryClientOfTheTargetContact() {
        ChangeContactAccess access = new ChangeContactAccess("target", true, true, false, null);

        assertThatCode(() -> rule.authorize(access, "admin-of-both", "CONTACT", "")).doesNotThrowAnyException();
        assertThatThrownBy(() -> rule.authorize(access, "admin-of-acme", "CONTACT", ""))
                .isInstanceOf(DomainRuleViolation.class);
    }
}
