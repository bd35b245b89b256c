package io.client360.system;

import io.client360.client.read.api.HistoryApi;
import io.client360.client.read.api.Views360Api;
import io.client360.client.read.model.Contact360;
import io.client360.client.read.model.HistoryEntry;
import io.client360.client.read.model.InquiryView;
import io.client360.client.write.ApiClient;
import io.client360.client.write.ApiException;
import io.client360.client.read.model.BillingAccount;
import io.client360.client.write.api.BillingAccountsApi;
import io.client360.client.write.api.ContactsApi;
import io.client360.client.write.api.InquiriesApi;
import io.client360.client.write.model.Accepted;
import io.client360.client.write.model.BillLineRequest;
import io.client360.client.write.model.BillUnitRequest;
import io.client360.client.write.model.IssueBillRequest;
import io.client360.client.write.model.IssuedBill;
import io.client360.client.write.model.OpenBillingAccountRequest;
import io.client360.client.write.model.OpenedAccount;
import io.client360.client.write.model.TakePaymentRequest;
import io.client360.client.write.model.TakenPayment;
import io.client360.client.write.model.ClientMembershipRequest;
import io.client360.client.write.model.Comment;
import io.client360.client.write.model.CreateContactRequest;
import io.client360.client.write.model.CreateInquiryRequest;
import io.client360.client.write.model.CreatedContact;
import io.client360.client.write.model.CreatedInquiry;
import io.client360.client.write.model.Problem;
import io.client360.testing.PostgresTestDatabase;
import io.client360.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * The way integrators use us: Java clients generated at build time by openapi-generator (pinned in the pom) from the
 * documents in docs/openapi, driven with nothing but their generated methods and models: a contact, an inquiry, a
 * comment, the inquiry with its history and changes, the contact 360, and a refusal parsed as a problem.
 */
class GeneratedClientTest {

    static PostgresTestDatabase database;
    static RunningSystem system;

    @BeforeAll
    static void start() {
        database = PostgresTestDatabase.create("clients");
        system = RunningSystem.start(database.springProperties());
    }

    @AfterAll
    static void stop() {
        system.close();
        database.close();
    }

    static ApiClient writeClient() {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://localhost:" + system.commands().port());
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + TestTokens.admin()));
        return client;
    }

    static io.client360.client.read.ApiClient readClient() {
        io.client360.client.read.ApiClient client = new io.client360.client.read.ApiClient();
        client.updateBaseUri("http://localhost:" + system.queries().port());
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + TestTokens.admin()));
        return client;
    }

    @Test
    void aGeneratedClient_createsReadsAndParsesRefusals_withGeneratedModelsOnly() throws Exception {
        ContactsApi contacts = new ContactsApi(writeClient());
        InquiriesApi inquiries = new InquiriesApi(writeClient());

        CreatedContact contact = contacts.createContact(new CreateContactRequest().firstName("Gen").lastName("Client")
                .email("gen-" + UUID.randomUUID() + "@acme.test").portalAccess(true)
                .clients(List.of(new ClientMembershipRequest().clientId("acme"))), UUID.randomUUID().toString());
        assertThat(contact.getId()).isNotBlank();
        assertThat(contact.getRole()).hasToString("ASSOCIATE");

        CreatedInquiry inquiry = inquiries.createInquiry(new CreateInquiryRequest().clientId("acme")
                .contactId(contact.getId()).product("Studio").type(CreateInquiryRequest.TypeEnum.TECHNICAL_QUESTION)
                .channel(CreateInquiryRequest.ChannelEnum.PORTAL).subject("Generated").description("From a client")
                .priority(CreateInquiryRequest.PriorityEnum.HIGH), null);
        assertThat(inquiry.getAssignmentGroup()).isNotBlank();

        Accepted commented = inquiries.addComment(inquiry.getId(), new Comment().body("Generated comment")
                .visibility(Comment.VisibilityEnum.PUBLIC), null, null);
        assertThat(commented.getVersion()).isPositive();

        io.client360.client.read.api.InquiriesApi reads = new io.client360.client.read.api.InquiriesApi(readClient());
        InquiryView view = await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(
                () -> reads.getInquiry(inquiry.getId(), commented.getVersion(), null),
                found -> found.getComments() != null && !found.getComments().isEmpty());
        assertThat(view.getStatus()).isEqualTo(InquiryView.StatusEnum.NEW);
        assertThat(view.getPriority()).isEqualTo(InquiryView.PriorityEnum.HIGH);

        List<HistoryEntry> history = new HistoryApi(readClient()).getInquiryHistory(inquiry.getId(), "all", null);
        assertThat(history).isNotEmpty();
        assertThat(history.get(0).getChanges()).as("changes survive a generated client").containsKey("status");

        Contact360 contact360 = new Views360Api(readClient()).getContact360(contact.getId(), null, null);
        assertThat(contact360.getContact()).isNotNull();

        ApiException refused = catchThrowableOfType(ApiException.class, () -> inquiries.addComment("no-such-inquiry",
                new Comment().body("x").visibility(Comment.VisibilityEnum.PUBLIC), null, null));
        Problem problem = writeClient().getObjectMapper().readValue(refused.getResponseBody(), Problem.class);
        assertThat(refused.getCode()).isEqualTo(404);
        assertThat(problem.getCode()).isEqualTo(Problem.CodeEnum.NOT_FOUND);
        assertThat(problem.getStatus()).isEqualTo(404);
    }

    @Test
    void aGeneratedClient_opensAnAccount_billsAndTakesAPaymentOnce_andReadsTheBalanceAsText() throws Exception {
        CreatedContact contact = new ContactsApi(writeClient()).createContact(new CreateContactRequest().firstName("Bill")
                .lastName("Payer").email("pay-" + UUID.randomUUID() + "@acme.test").portalAccess(true)
                .clients(List.of(new ClientMembershipRequest().clientId("acme"))), null);
        BillingAccountsApi billing = new BillingAccountsApi(writeClient());
        OpenedAccount account = billing.openBillingAccount(new OpenBillingAccountRequest().clientId("acme")
                .primaryContactId(contact.getId()).currency("EUR").billUnits(List.of(new BillUnitRequest().name("Main"))),
                null);
        String unit = account.getBillUnits().get(0).getBillUnitId();
        IssuedBill bill = billing.issueBill(account.getId(), new IssueBillRequest().billUnitId(unit).amount("120.00")
                .issueDate(LocalDate.now()).dueDate(LocalDate.now().plusDays(14))
                .lines(List.of(new BillLineRequest().description("Support plan").amount("120.00"))), null, null);
        assertThat(bill.getBillId()).isNotBlank();
        String key = UUID.randomUUID().toString();
        TakePaymentRequest payment = new TakePaymentRequest().billUnitId(unit).amount("20.5")
                .method(TakePaymentRequest.MethodEnum.CARD).reference("card-1");
        TakenPayment first = billing.takePayment(account.getId(), payment, null, key);
        TakenPayment retried = billing.takePayment(account.getId(), payment, null, key);
        assertThat(retried.getPaymentId()).isEqualTo(first.getPaymentId());

        io.client360.client.read.api.BillingAccountsApi reads =
                new io.client360.client.read.api.BillingAccountsApi(readClient());
        BillingAccount read = await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                .until(() -> reads.getBillingAccount(account.getId(), null, first.getVersion()), found -> true);
        assertThat(read.getBillUnits().get(0).getBalance()).isEqualTo("99.50");
        assertThat(read.getBillUnits().get(0).getNextDueDate()).isEqualTo(LocalDate.now().plusDays(14));
    }
}
