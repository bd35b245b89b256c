package io.client360.command.authorization;

import io.client360.command.contact.InMemoryContactRegistry;
import io.client360.kernel.ActorKind;
import io.client360.kernel.DomainRuleViolation;
import io.client360.kernel.ErrorCode;
import io.client360.kernel.contact.ChangeContactAccess;
import io.client360.kernel.contact.ChangePrimaryClient;
import io.client360.kernel.contact.ClientMembership;
import io.client360.kernel.contact.ContactSource;
import io.client360.kernel.contact.ContactStatus;
import io.client360.kernel.contact.CreateContact;
import io.client360.kernel.contact.GrantClientAccess;
import io.client360.kernel.contact.RevokeClientAccess;
import io.client360.kernel.contract.ReverseConsumption;
import io.client360.kernel.routing.ConfigureRouting;
import io.client360.platform.authorization.Actor;
import io.client360.platform.authorization.Role;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandAuthorizationTest {

    private final InMemoryContactRegistry registry = new InMemoryContactRegistry()
            .contact("admin-of-both", ContactStatus.ACTIVE, true, "acme", "globex")
            .contact("admin-of-acme", ContactStatus.ACTIVE, true, "acme")
            .contact("admin-of-globex", ContactStatus.ACTIVE, true, "globex")
            .contact("member-of-both", ContactStatus.ACTIVE, false, "acme", "globex")
            .contact("locked-admin", ContactStatus.LOCKED, true, "acme", "globex")
            .contact("target", ContactStatus.ACTIVE, false, "acme", "globex")
            .contact("globex-only", ContactStatus.ACTIVE, false, "globex")
            .callerOnly("caller", "acme")
            .assignedInquiry("inq-assigned", "agent-7");
    private final CommandAuthorization rule = new CommandAuthorization(registry, registry, null, false);

    private static Actor staff(Role... roles) {
        return new Actor("agent-1", ActorKind.AGENT, Set.copyOf(EnumSet.copyOf(List.of(roles))));
    }

    private static Actor contact(String id) {
        return new Actor(id, ActorKind.CONTACT, Set.of(Role.CONTACT));
    }

    private static CreateContact contactAt(String... clients) {
        return new CreateContact("new", "Ada", "Lovelace", "ada@acme.test", List.of(), null, null,
                ContactSource.DIRECT_ENTRY, true, false, false,
                java.util.Arrays.stream(clients).map(c -> new ClientMembership(c, null, null)).toList(), clients[0]);
    }

    private static void assertRefused(Runnable call, ErrorCode code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(io.client360.kernel.Refusal.class,
                violation -> assertThat(violation.code()).isEqualTo(code));
    }

    @Test
    void staffWithAdmin_mayDoEverything() {
        assertThatCode(() -> rule.authorize(staff(Role.AGENT, Role.ADMIN), contactAt("acme", "globex")))
                .doesNotThrowAnyException();
    }

    @Test
    void staffWithoutAdmin_isRefusedUnderTheAdminRule() {
        assertRefused(() -> rule.authorize(staff(Role.AGENT, Role.SUPERVISOR), contactAt("acme")),
                ErrorCode.NOT_CLIENT_ADMIN);
    }

    @Test
    void aClientAdministratorOfEveryNamedClient_mayCreateThere() {
        assertThatCode(() -> rule.authorize(contact("admin-of-both"), contactAt("acme", "globex")))
                .doesNotThrowAnyException();
    }

    @Test
    void aClientAdministratorOfOnlySomeNamedClients_isRefused() {
        assertRefused(() -> rule.authorize(contact("admin-of-acme"), contactAt("acme", "globex")),
                ErrorCode.NOT_CLIENT_ADMIN);
    }

    @Test
    void aMemberWithoutAdministratorPrivileges_isRefused() {
        assertRefused(() -> rule.authorize(contact("member-of-both"), contactAt("acme")), ErrorCode.NOT_CLIENT_ADMIN);
    }

    @Test
    void aLockedAdministrator_isRefused() {
        assertRefused(() -> rule.authorize(contact("locked-admin"), contactAt("acme")), ErrorCode.CONTACT_LOCKED);
    }

    @Test
    void anAccessChange_concernsEveryClientOfTheTargetContact() {
        ChangeContactAccess access = new ChangeContactAccess("target", true, true, false, null);

        assertThatCode(() -> rule.authorize(contact("admin-of-both"), access)).doesNotThrowAnyException();
        assertRefused(() -> rule.authorize(contact("admin-of-acme"), access), ErrorCode.NOT_CLIENT_ADMIN);
    }

    @Test
    void addingAnotherClientsContactToMyClient_needsAdminRightsWhereItAlreadyBelongs() {
        GrantClientAccess takeover = new GrantClientAccess("globex-only", new ClientMembership("acme", null, null), null);

        assertRefused(() -> rule.authorize(contact("admin-of-acme"), takeover), ErrorCode.NOT_CLIENT_ADMIN);
        assertThatCode(() -> rule.authorize(contact("admin-of-both"), takeover)).doesNotThrowAnyException();
    }

    @Test
    void movingAContactsPrimaryClient_needsAdminRightsOverEveryClientItBelongsTo() {
        ChangePrimaryClient move = new ChangePrimaryClient("target", "acme", null);

        assertRefused(() -> rule.authorize(contact("admin-of-acme"), move), ErrorCode.NOT_CLIENT_ADMIN);
        assertThatCode(() -> rule.authorize(contact("admin-of-both"), move)).doesNotThrowAnyException();
    }

    @Test
    void removingAContactFromOneClient_needsOnlyThatClientsAdmin() {
        assertThatCode(() -> rule.authorize(contact("admin-of-globex"), new RevokeClientAccess("target", "globex", null)))
                .doesNotThrowAnyException();
    }

    @Test
    void reversingAConsumption_needsASupervisorOrAnAdmin() {
        ReverseConsumption reversal = new ReverseConsumption("contract-1", "ent-1", "inq-1", "CASE",
                "opened by mistake", null);

        assertRefused(() -> rule.authorize(staff(Role.AGENT), reversal), ErrorCode.FORBIDDEN);
        assertThatCode(() -> rule.authorize(staff(Role.AGENT, Role.SUPERVISOR), reversal)).doesNotThrowAnyException();
        assertThatCode(() -> rule.authorize(staff(Role.ADMIN), reversal)).doesNotThrowAnyException();
    }

    @Test
    void routing_needsAnAdmin() {
        ConfigureRouting routing = new ConfigureRouting("routing", "default", "sales", List.of());

        assertRefused(() -> rule.authorize(staff(Role.AGENT, Role.SUPERVISOR), routing), ErrorCode.FORBIDDEN);
    }

    private static CreateContact callerAt(String client) {
        return new CreateContact("new", "Cal", "Ler", "cal@acme.test", List.of(), null, null,
                ContactSource.DIRECT_ENTRY, false, false, false, List.of(new ClientMembership(client, null, null)), client);
    }

    @Test
    void anyStaffMember_createsACallerOnlyContact_butNotOneWithPortalAccess() {
        assertThatCode(() -> rule.authorize(staff(Role.AGENT), callerAt("acme"))).doesNotThrowAnyException();
        assertRefused(() -> rule.authorize(staff(Role.AGENT), contactAt("acme")), ErrorCode.NOT_CLIENT_ADMIN);
    }

    @Test
    void aCallerOnlyContact_sendsNothing() {
        assertRefused(() -> rule.authorize(contact("caller"), new io.client360.kernel.contact.RecordLogin("caller", null)),
                ErrorCode.NO_PORTAL_ACCESS);
    }

    @Test
    void takingAnInquiryAwayFromItsAgent_needsASupervisor_assigningAnUnassignedOneDoesNot() {
        var takeAway = new io.client360.kernel.inquiry.AssignInquiry("inq-assigned", "agent-1", null);
        assertRefused(() -> rule.authorize(staff(Role.AGENT), takeAway), ErrorCode.SUPERVISOR_REQUIRED);
        assertThatCode(() -> rule.authorize(staff(Role.AGENT, Role.SUPERVISOR), takeAway)).doesNotThrowAnyException();
        assertThatCode(() -> rule.authorize(staff(Role.AGENT),
                new io.client360.kernel.inquiry.AssignInquiry("inq-unassigned", "agent-1", null)))
                .doesNotThrowAnyException();
    }

    @Test
    void overridingTheFollowUpWindow_needsASupervisor_onlyWhereTheSettingSaysSo() {
        var override = new io.client360.kernel.inquiry.ResolveInquiry("inq-assigned", "FIXED", null, true, "asked", null);
        assertThatCode(() -> rule.authorize(staff(Role.AGENT), override)).doesNotThrowAnyException();
        CommandAuthorization strict = new CommandAuthorization(registry, registry, null, true);
        assertRefused(() -> strict.authorize(staff(Role.AGENT), override), ErrorCode.SUPERVISOR_REQUIRED);
        assertThatCode(() -> strict.authorize(staff(Role.AGENT, Role.SUPERVISOR), override)).doesNotThrowAnyException();
    }

    @Test
    void aContactChangesItsOwnNotifications_andProductPreferences_notAnothersWithoutAdminRights() {
        assertThatCode(() -> rule.authorize(contact("target"), new io.client360.kernel.contact.ChangeOwnNotifications(
                "target", "acme", false, null, null, null))).doesNotThrowAnyException();
        assertThatCode(() -> rule.authorize(contact("target"), new io.client360.kernel.contact.SetProductPreferences(
                "target", "acme", List.of("Studio"), java.util.Map.of("notifications", false), null)))
                .doesNotThrowAnyException();
        assertRefused(() -> rule.authorize(contact("globex-only"), new io.client360.kernel.contact.SetProductPreferences(
                "target", "globex", List.of("Studio"), java.util.Map.of(), null)), ErrorCode.NOT_CLIENT_ADMIN);
        assertRefused(() -> rule.authorize(contact("globex-only"), new io.client360.kernel.contact.ChangeOwnNotifications(
                "target", "globex", false, null, null, null)), ErrorCode.FORBIDDEN);
    }
}
