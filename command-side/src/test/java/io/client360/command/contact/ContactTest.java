package io.client360.command.contact;

import io.client360.kernel.ErrorCode;
import io.client360.kernel.MetadataKeys;
import io.client360.kernel.contact.ChangeContactAccess;
import io.client360.kernel.contact.ChangePortalSettings;
import io.client360.kernel.contact.ChangePrimaryClient;
import io.client360.kernel.contact.ClientAccessGranted;
import io.client360.kernel.contact.ClientMembership;
import io.client360.kernel.contact.ContactAccessChanged;
import io.client360.kernel.contact.ContactCreated;
import io.client360.kernel.contact.ContactLocked;
import io.client360.kernel.contact.ContactLoggedIn;
import io.client360.kernel.contact.ContactReactivated;
import io.client360.kernel.contact.ContactRetiredAsDuplicate;
import io.client360.kernel.contact.ClientAccessRevoked;
import io.client360.kernel.contact.UnmergeContacts;
import io.client360.kernel.contact.ContactRole;
import io.client360.kernel.contact.ContactRoleChanged;
import io.client360.kernel.contact.ContactSource;
import io.client360.kernel.contact.CreateContact;
import io.client360.kernel.contact.GrantClientAccess;
import io.client360.kernel.contact.LockReason;
import io.client360.kernel.contact.PortalSettings;
import io.client360.kernel.contact.PortalSettingsChanged;
import io.client360.kernel.contact.PrimaryClientChanged;
import io.client360.kernel.contact.ProductPreferencesSet;
import io.client360.kernel.contact.ReactivateContact;
import io.client360.kernel.contact.RecordLogin;
import io.client360.kernel.contact.RevokeClientAccess;
import io.client360.kernel.contact.SetProductPreferences;
import io.client360.kernel.inquiry.InquiryType;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static io.client360.command.Refusals.refusedWith;

class ContactTest {

    static final String ID = "contact-1";
    static final Instant NOW = Instant.parse("2026-11-02T09:00:00Z");
    static final Duration LOCK_NEW = Duration.ofDays(7);
    static final Duration LOCK_INACTIVE = Duration.ofDays(30);
    static final ClientMembership ACME = new ClientMembership("acme", PortalSettings.defaults(), Map.of());
    static final ClientMembership GLOBEX = new ClientMembership("globex", PortalSettings.defaults(), Map.of());

    private AggregateTestFixture<Contact> fixture;
    private InMemoryContactRegistry registry;

    @BeforeEach
    void setUp() {
        registry = new InMemoryContactRegistry();
        fixture = new AggregateTestFixture<>(Contact.class);
        fixture.registerInjectableResource(new ContactTimings(LOCK_NEW, LOCK_INACTIVE));
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerAnnotatedCommandHandler(new ContactCommandHandler(fixture::getRepository, registry, registry));
    }

    static CreateContact create(boolean portal, boolean admin, boolean invoice, List<ClientMembership> clients,
                                String primary) {
        return new CreateContact(ID, "Ada", "Lovelace", "ada@acme.test", List.of("ada.l@acme.test"), "+442071234567",
                "Europe/London", ContactSource.DIRECT_ENTRY, portal, admin, invoice, clients, primary);
    }

    static ContactCreated created(boolean portal, boolean admin, boolean invoice, List<ClientMembership> clients,
                                  String primary) {
        return new ContactCreated(ID, "Ada", "Lovelace", "ada@acme.test", List.of("ada.l@acme.test"), "+442071234567",
                "Europe/London", ContactSource.DIRECT_ENTRY, portal, admin, invoice,
                ContactRole.derive(portal, admin, invoice), clients, primary, portal ? NOW.plus(LOCK_NEW) : null);
    }

    static ContactCreated portalUserOfAcmeAndGlobex() {
        return created(true, false, false, List.of(ACME, GLOBEX), "acme");
    }

    static MetaData admin() {
        return MetaData.with(MetadataKeys.ACTOR_ID, "admin-1").and(MetadataKeys.ACTOR_KIND, "AGENT");
    }

    @ParameterizedTest
    @CsvSource({"false, true, true, CALLER_ONLY", "true, false, false, ASSOCIATE", "true, false, true, INVOICE_ADMIN",
            "true, true, false, STANDARD_ADMIN", "true, true, true, STANDARD_ADMIN"})
    void theRole_isDerivedFromTheAccessFlags(boolean portal, boolean admin, boolean invoice, ContactRole role) {
        fixture.givenNoPriorActivity()
                .when(create(portal, admin, invoice, List.of(ACME), null), admin())
                .expectEvents(created(portal, admin, invoice, List.of(ACME), "acme"))
                .expectResultMessagePayload(new CreatedContact(ID, 0, role));
    }

    @Test
    void aContactWithPortalAccess_isLockedIfItNeverLogsIn() {
        fixture.givenNoPriorActivity()
                .when(create(true, false, false, List.of(ACME), null))
                .expectScheduledDeadline(LOCK_NEW, new InactivityLockDue(NOW.plus(LOCK_NEW)));
    }

    @Test
    void aCallerWithoutPortalAccess_hasNoInactivityLock() {
        fixture.givenNoPriorActivity()
                .when(create(false, false, false, List.of(ACME), null))
                .expectNoScheduledDeadlines();
    }

    @Test
    void aSecondContactWithTheSameEmailAndName_isRefused() {
        registry.identity("ADA@acme.test", "ada", "LOVELACE");
        fixture.givenNoPriorActivity()
                .when(create(true, false, false, List.of(ACME), null))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.DUPLICATE_CONTACT));
    }

    @Test
    void aContactOfTwoClients_keepsTheNamedPrimary() {
        fixture.givenNoPriorActivity()
                .when(create(true, false, false, List.of(ACME, GLOBEX), "globex"))
                .expectEvents(created(true, false, false, List.of(ACME, GLOBEX), "globex"));
    }

    @Test
    void aContactOfTwoClients_withoutAPrimary_isRefused() {
        fixture.givenNoPriorActivity()
                .when(create(true, false, false, List.of(ACME, GLOBEX), null))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void aPrimaryOutsideTheContactsClients_isRefused() {
        fixture.givenNoPriorActivity()
                .when(create(true, false, false, List.of(ACME), "initech"))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.NOT_A_CLIENT_OF_CONTACT));
    }

    @Test
    void grantingAnotherClient_addsTheMembership() {
        ClientMembership initech = new ClientMembership("initech", new PortalSettings(true, true, false), Map.of());
        fixture.given(portalUserOfAcmeAndGlobex())
                .when(new GrantClientAccess(ID, initech, null))
                .expectEvents(new ClientAccessGranted(ID, initech));
    }

    @Test
    void grantingAClientTheContactHas_isRefused() {
        fixture.given(portalUserOfAcmeAndGlobex())
                .when(new GrantClientAccess(ID, GLOBEX, null))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.NO_CHANGE));
    }

    @Test
    void revokingANonPrimaryClient_removesIt() {
        fixture.given(portalUserOfAcmeAndGlobex())
                .when(new RevokeClientAccess(ID, "globex", null))
                .expectEvents(new ClientAccessRevoked(ID, "globex"));
    }

    @Test
    void revokingThePrimaryClient_isRefused_whileOthersRemain() {
        fixture.given(portalUserOfAcmeAndGlobex())
                .when(new RevokeClientAccess(ID, "acme", null))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.PRIMARY_CLIENT_REQUIRED));
    }

    @Test
    void revokingTheLastClient_isRefused() {
        fixture.given(created(true, false, false, List.of(ACME), "acme"))
                .when(new RevokeClientAccess(ID, "acme", null))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.PRIMARY_CLIENT_REQUIRED));
    }

    @Test
    void revokingAClientTheContactDoesNotHave_isRefused() {
        fixture.given(portalUserOfAcmeAndGlobex())
                .when(new RevokeClientAccess(ID, "initech", null))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.NOT_A_CLIENT_OF_CONTACT));
    }

    @Test
    void anotherOfItsClients_canBecomePrimary_butNoStranger() {
        fixture.given(portalUserOfAcmeAndGlobex())
                .when(new ChangePrimaryClient(ID, "globex", null))
                .expectEvents(new PrimaryClientChanged(ID, "acme", "globex"));
        fixture.given(portalUserOfAcmeAndGlobex())
                .when(new ChangePrimaryClient(ID, "initech", null))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.NOT_A_CLIENT_OF_CONTACT));
    }

    @Test
    void portalSettings_changePerClient_andAnUnchangedSettingIsRefused() {
        PortalSettings seeAll = new PortalSettings(true, true, true);
        fixture.given(portalUserOfAcmeAndGlobex())
                .when(new ChangePortalSettings(ID, "globex", seeAll, null))
                .expectEvents(new PortalSettingsChanged(ID, "globex", seeAll));
        fixture.given(portalUserOfAcmeAndGlobex())
                .when(new ChangePortalSettings(ID, "globex", PortalSettings.defaults(), null))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.NO_CHANGE));
    }

    @Test
    void productPreferences_areSetForManyProductsInOneCommand() {
        fixture.given(portalUserOfAcmeAndGlobex())
                .when(new SetProductPreferences(ID, "acme", List.of("Studio", "Runtime", "Studio"),
                        Map.of("notify", true), null))
                .expectEvents(new ProductPreferencesSet(ID, "acme", List.of("Studio", "Runtime"), Map.of("notify", true)));
    }

    @Test
    void productPreferences_atAClientTheContactDoesNotHave_areRefused() {
        fixture.given(portalUserOfAcmeAndGlobex())
                .when(new SetProductPreferences(ID, "initech", List.of("Studio"), Map.of("notify", true), null))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.NOT_A_CLIENT_OF_CONTACT));
    }

    @Test
    void anAccessChange_reDerivesTheRole_asAnEvent() {
        fixture.given(portalUserOfAcmeAndGlobex())
                .when(new ChangeContactAccess(ID, true, true, false, null))
                .expectEvents(new ContactAccessChanged(ID, true, true, false, NOW.plus(LOCK_NEW)),
                        new ContactRoleChanged(ID, ContactRole.ASSOCIATE, ContactRole.STANDARD_ADMIN));
    }

    @Test
    void removingPortalAccess_makesACallerOnly_andDisarmsTheLock() {
        fixture.given(portalUserOfAcmeAndGlobex())
                .when(new ChangeContactAccess(ID, false, false, false, null))
                .expectEvents(new ContactAccessChanged(ID, false, false, false, null),
                        new ContactRoleChanged(ID, ContactRole.ASSOCIATE, ContactRole.CALLER_ONLY));
    }

    @Test
    void aContactWithoutPortalAccess_isNeverLocked() {
        fixture.givenNoPriorActivity()
                .andGivenCommands(create(true, false, false, List.of(ACME), null),
                        new ChangeContactAccess(ID, false, false, false, null))
                .whenTimeElapses(LOCK_NEW.plusSeconds(1))
                .expectNoEvents();
    }

    @Test
    void anAccessChangeThatChangesNothing_isRefused() {
        fixture.given(portalUserOfAcmeAndGlobex())
                .when(new ChangeContactAccess(ID, true, false, false, null))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.NO_CHANGE));
    }

    @Test
    void aLogin_movesTheLockToThirtyDaysAfterIt() {
        fixture.given(portalUserOfAcmeAndGlobex())
                .when(new RecordLogin(ID, null))
                .expectEvents(new ContactLoggedIn(ID, NOW, NOW.plus(LOCK_INACTIVE)))
                .expectScheduledDeadline(LOCK_INACTIVE, new InactivityLockDue(NOW.plus(LOCK_INACTIVE)));
    }

    @Test
    void theLockStrikes_whenANewContactNeverLogsIn() {
        fixture.givenNoPriorActivity()
                .andGivenCommands(create(true, false, false, List.of(ACME), null))
                .whenTimeElapses(LOCK_NEW.plusSeconds(1))
                .expectEvents(new ContactLocked(ID, LockReason.NEVER_LOGGED_IN));
    }

    @Test
    void theLockStrikes_whenTheLastLoginIsTooOld() {
        fixture.givenNoPriorActivity()
                .andGivenCommands(create(true, false, false, List.of(ACME), null), new RecordLogin(ID, null))
                .whenTimeElapses(LOCK_INACTIVE.plusSeconds(1))
                .expectEvents(new ContactLocked(ID, LockReason.INACTIVE));
    }

    @Test
    void aLoginInTime_preventsTheNewContactLock() {
        fixture.givenNoPriorActivity()
                .andGivenCommands(create(true, false, false, List.of(ACME), null), new RecordLogin(ID, null))
                .whenTimeElapses(LOCK_NEW.plusSeconds(1))
                .expectNoEvents();
    }

    @Test
    void aLockedContact_cannotLogIn() {
        fixture.given(portalUserOfAcmeAndGlobex(), new ContactLocked(ID, LockReason.NEVER_LOGGED_IN))
                .when(new RecordLogin(ID, null))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.CONTACT_LOCKED));
    }

    @Test
    void reactivation_isAccepted_withAnAccountAccessInquiryOfTheContact() {
        registry.inquiry("inq-9", ID, InquiryType.ACCOUNT_ACCESS);
        fixture.given(portalUserOfAcmeAndGlobex(), new ContactLocked(ID, LockReason.NEVER_LOGGED_IN))
                .when(new ReactivateContact(ID, "inq-9", null))
                .expectEvents(new ContactReactivated(ID, "inq-9", NOW.plus(LOCK_NEW)))
                .expectScheduledDeadline(LOCK_NEW, new InactivityLockDue(NOW.plus(LOCK_NEW)));
    }

    @Test
    void reactivation_isRefused_withoutAnInquiry_withAnotherType_orForAnotherContact() {
        registry.inquiry("inq-question", ID, InquiryType.TECHNICAL_QUESTION)
                .inquiry("inq-other", "contact-2", InquiryType.ACCOUNT_ACCESS);
        for (String inquiryId : List.of("inq-missing", "inq-question", "inq-other")) {
            fixture.given(portalUserOfAcmeAndGlobex(), new ContactLocked(ID, LockReason.NEVER_LOGGED_IN))
                    .when(new ReactivateContact(ID, inquiryId, null))
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.ACCOUNT_ACCESS_INQUIRY_REQUIRED));
        }
    }

    @Test
    void anAccountAccessInquiry_reactivatesAContactOnce() {
        registry.inquiry("inq-9", ID, InquiryType.ACCOUNT_ACCESS);
        fixture.given(portalUserOfAcmeAndGlobex(), new ContactLocked(ID, LockReason.NEVER_LOGGED_IN),
                        new ContactReactivated(ID, "inq-9", NOW.plus(LOCK_NEW)), new ContactLocked(ID, LockReason.INACTIVE))
                .when(new ReactivateContact(ID, "inq-9", null))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.ACCOUNT_ACCESS_INQUIRY_REQUIRED));
    }

    @Test
    void aResolvedOrClosedAccountAccessInquiry_reactivatesNothing() {
        registry.closedInquiry("inq-done", ID, InquiryType.ACCOUNT_ACCESS);
        fixture.given(portalUserOfAcmeAndGlobex(), new ContactLocked(ID, LockReason.NEVER_LOGGED_IN))
                .when(new ReactivateContact(ID, "inq-done", null))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.ACCOUNT_ACCESS_INQUIRY_REQUIRED));
    }

    @Test
    void reactivation_ofAContactThatIsNotLocked_isRefused() {
        registry.inquiry("inq-9", ID, InquiryType.ACCOUNT_ACCESS);
        fixture.given(portalUserOfAcmeAndGlobex())
                .when(new ReactivateContact(ID, "inq-9", null))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.INVALID_TRANSITION));
    }

    @Test
    void aMergedContact_refusesFurtherCommands() {
        fixture.given(portalUserOfAcmeAndGlobex(), new ContactRetiredAsDuplicate(ID, "contact-2"))
                .when(new GrantClientAccess(ID, new ClientMembership("initech", null, null), null))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.CONTACT_MERGED));
    }

    @Test
    void aMergedContact_isNeverLocked() {
        fixture.givenNoPriorActivity()
                .andGivenCommands(create(true, false, false, List.of(ACME), null))
                .andGiven(new ContactRetiredAsDuplicate(ID, "contact-2"))
                .whenTimeElapses(LOCK_NEW.plusSeconds(1))
                .expectNoEvents();
    }

    @Test
    void anUnmerge_isRefusedForAContactThatWasNotMergedIntoThisOne() {
        fixture.given(portalUserOfAcmeAndGlobex())
                .when(new UnmergeContacts(ID, "contact-2"))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.INVALID_TRANSITION));
    }
}
