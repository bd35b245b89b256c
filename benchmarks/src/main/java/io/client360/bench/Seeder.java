package io.client360.bench;

import io.client360.kernel.ActorKind;
import io.client360.kernel.MetadataKeys;
import io.client360.kernel.asset.AssetCreated;
import io.client360.kernel.asset.AssetSuspended;
import io.client360.kernel.asset.OfferType;
import io.client360.kernel.billing.BillIssued;
import io.client360.kernel.billing.BillLine;
import io.client360.kernel.billing.BillUnit;
import io.client360.kernel.billing.BillingAccountOpened;
import io.client360.kernel.billing.PaymentMethod;
import io.client360.kernel.billing.PaymentTaken;
import io.client360.kernel.billing.Settlement;
import io.client360.kernel.contact.ClientMembership;
import io.client360.kernel.contact.ContactCreated;
import io.client360.kernel.contact.ContactRole;
import io.client360.kernel.contact.ContactSource;
import io.client360.kernel.contact.PortalSettings;
import io.client360.kernel.inquiry.Channel;
import io.client360.kernel.inquiry.CommentAdded;
import io.client360.kernel.inquiry.InquiryAssigned;
import io.client360.kernel.inquiry.InquiryCreated;
import io.client360.kernel.inquiry.InquiryReassigned;
import io.client360.kernel.inquiry.InquiryType;
import io.client360.kernel.inquiry.Priority;
import io.client360.kernel.inquiry.PriorityChanged;
import io.client360.kernel.inquiry.RoutingMatch;
import io.client360.kernel.inquiry.Visibility;
import io.client360.kernel.inquiry.WorkLogged;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Seeds a large event store through Axon's JDBC storage engine, in batches of one transaction each:
 * contacts (every second one with a billing account and two assets), inquiries of ten events each, and a few
 * inquiries with a thousand events (long streams).
 * Writes the ids it made as CSV feeders for the Gatling simulations.
 * <p>
 * usage: Seeder JDBC_URL USER EVENTS OUT_DIR
 */
public final class Seeder {

    static final int EVENTS_PER_INQUIRY = 10;
    static final int CONTACTS = 10_000;
    static final int CLIENTS = 100;
    static final int QUEUES = 1_000;
    static final int LONG_STREAMS = 10;
    static final int LONG_STREAM_EVENTS = 1_000;
    static final int BATCH = 2_000;
    /** Every n-th contact owns a billing account (a bill, a payment) and two assets on it (one suspended). */
    static final int OWNER_EVERY = 2;
    static final int EVENTS_PER_OWNER = 6;

    private Seeder() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = args[1];
        long events = Long.parseLong(args[2]);
        Path out = Path.of(args[3]);
        Files.createDirectories(out);
        long started = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(url, user, "")) {
            connection.setAutoCommit(false);
            SingleConnectionDataSource single = new SingleConnectionDataSource(connection, true);
            JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                    .connectionProvider(new DataSourceConnectionProvider(single))
                    .transactionManager(NoTransactionManager.INSTANCE)
                    .eventSerializer(Jackson3Serializer.builder().build())
                    .snapshotSerializer(Jackson3Serializer.builder().build())
                    .build();
            Batch batch = new Batch(engine, connection);
            MetaData metaData = MetaData.with(MetadataKeys.ACTOR_ID, "seeder").and(MetadataKeys.ACTOR_KIND, "SYSTEM");
            try (PrintWriter contacts = new PrintWriter(Files.newBufferedWriter(out.resolve("contacts.csv")));
                 PrintWriter inquiries = new PrintWriter(Files.newBufferedWriter(out.resolve("inquiries.csv")));
                 PrintWriter longStreams = new PrintWriter(Files.newBufferedWriter(out.resolve("long.csv")));
                 PrintWriter clients = new PrintWriter(Files.newBufferedWriter(out.resolve("clients.csv")));
                 PrintWriter queues = new PrintWriter(Files.newBufferedWriter(out.resolve("queues.csv")));
                 PrintWriter owners = new PrintWriter(Files.newBufferedWriter(out.resolve("owners.csv")))) {
                owners.println("contactId");
                clients.println("clientId");
                for (int c = 0; c < CLIENTS; c++) {
                    clients.println("bench-client-" + c);
                }
                queues.println("queue");
                for (int q = 0; q < QUEUES; q++) {
                    queues.println(queue(q));
                }
                contacts.println("contactId,clientId");
                inquiries.println("inquiryId");
                longStreams.println("inquiryId");
                for (int c = 0; c < CONTACTS; c++) {
                    String id = "bench-contact-" + c;
                    String client = "bench-client-" + (c % CLIENTS);
                    batch.add(message("Contact", id, 0, new ContactCreated(id, "First" + c, "Last" + c,
                            "c" + c + "@bench.test", List.of(), null, null, ContactSource.DIRECTORY_SYNC, false, false,
                            false, ContactRole.CALLER_ONLY,
                            List.of(new ClientMembership(client, PortalSettings.defaults(), Map.of())), client, null),
                            metaData));
                    contacts.println(id + "," + client);
                    if (c % OWNER_EVERY == 0) {
                        for (DomainEventMessage<?> event : accountAndAssets(c, id, client, metaData)) {
                            batch.add(event);
                        }
                        owners.println(id);
                    }
                }
                long inquiryCount = Math.max(0, (events - CONTACTS - (long) CONTACTS / OWNER_EVERY * EVENTS_PER_OWNER
                        - (long) LONG_STREAMS * LONG_STREAM_EVENTS) / EVENTS_PER_INQUIRY);
                for (long i = 0; i < inquiryCount; i++) {
                    String id = "bench-inquiry-" + i;
                    int contact = (int) (i % CONTACTS);
                    for (Object event : inquiry(id, "bench-contact-" + contact, "bench-client-" + (contact % CLIENTS))) {
                        batch.add(message("Inquiry", id, batch.sequence(id), event, metaData));
                    }
                    inquiries.println(id);
                }
                for (int l = 0; l < LONG_STREAMS; l++) {
                    String id = "bench-long-" + l;
                    batch.add(message("Inquiry", id, 0, created(id, "bench-contact-" + l, "bench-client-" + l), metaData));
                    for (int e = 1; e < LONG_STREAM_EVENTS; e++) {
                        batch.add(message("Inquiry", id, e, new CommentAdded(id, id + "-c" + e, "Comment " + e,
                                Visibility.INTERNAL, "agent-1", ActorKind.AGENT.name()), metaData));
                    }
                    longStreams.println(id);
                }
            }
            batch.flush();
            System.out.printf("seeded_events=%d seconds=%.1f%n", batch.written,
                    (System.nanoTime() - started) / 1e9);
        }
    }

    /** A billing account of the contact with a bill and a payment, and two assets billed on it, one suspended. */
    static List<DomainEventMessage<?>> accountAndAssets(int number, String contactId, String clientId, MetaData metaData) {
        String account = "bench-account-" + number;
        LocalDate due = LocalDate.of(2026, 12, 1).plusDays(number % 60);
        List<DomainEventMessage<?>> events = new ArrayList<>();
        events.add(message("BillingAccount", account, 0, new BillingAccountOpened(account, clientId, contactId, "EUR",
                List.of(new BillUnit("unit-1", "Main"), new BillUnit("unit-2", "Branch"))), metaData));
        events.add(message("BillingAccount", account, 1, new BillIssued(account, "bill-1", "unit-1",
                new BigDecimal("120.00"), due.minusDays(30), due, List.of(new BillLine("Support plan",
                new BigDecimal("120.00"))), new BigDecimal("120.00"), new BigDecimal("120.00")), metaData));
        events.add(message("BillingAccount", account, 2, new PaymentTaken(account, "payment-1", "unit-1",
                new BigDecimal("20.00"), PaymentMethod.CARD, "seeded", List.of(new Settlement("bill-1",
                new BigDecimal("20.00"))), new BigDecimal("100.00")), metaData));
        for (int a = 0; a < 2; a++) {
            String asset = "bench-asset-" + number + "-" + a;
            events.add(message("Asset", asset, 0, new AssetCreated(asset, clientId, contactId, account, "Studio",
                    a == 0 ? OfferType.SIMPLE : OfferType.SERVICE_BUNDLE, "Asset " + a, "SN-" + number + "-" + a),
                    metaData));
        }
        events.add(message("Asset", "bench-asset-" + number + "-1", 1,
                new AssetSuspended("bench-asset-" + number + "-1", "seeded"), metaData));
        return events;
    }

    /** The assignment groups the seeded inquiries are spread over (about a hundred open inquiries each). */
    static String queue(int number) {
        return "L2.Bench-" + number;
    }

    static InquiryCreated created(String id, String contactId, String clientId) {
        return new InquiryCreated(id, clientId, contactId, "Studio", null, InquiryType.TECHNICAL_QUESTION,
                Channel.EMAIL, "Seeded inquiry " + id, "Seeded for the benchmark.", Priority.MEDIUM,
                "TOP.1.Developer Studio- CustomerSupport", RoutingMatch.DEFAULT_GROUP);
    }

    static List<Object> inquiry(String id, String contactId, String clientId) {
        List<Object> events = new ArrayList<>();
        events.add(created(id, contactId, clientId));
        String queue = queue((id.hashCode() & Integer.MAX_VALUE) % QUEUES);
        events.add(new InquiryReassigned(id, "TOP.1.Developer Studio- CustomerSupport", queue, "seeded"));
        events.add(new InquiryAssigned(id, queue, null, "agent-" + (id.hashCode() & 15)));
        for (int c = 0; c < 5; c++) {
            events.add(new CommentAdded(id, id + "-c" + c, "Seeded comment " + c,
                    c % 2 == 0 ? Visibility.PUBLIC : Visibility.INTERNAL, "agent-1", ActorKind.AGENT.name()));
        }
        events.add(new PriorityChanged(id, Priority.MEDIUM, Priority.HIGH));
        events.add(new WorkLogged(id, id + "-w", new BigDecimal("1.5"), "seeded", "agent-1"));
        return events;
    }

    static DomainEventMessage<?> message(String type, String id, long sequence, Object payload, MetaData metaData) {
        return new GenericDomainEventMessage<>(type, id, sequence, payload, metaData);
    }

    /** Appends in batches, one transaction each. */
    private static final class Batch {
        private final JdbcEventStorageEngine engine;
        private final Connection connection;
        private final List<DomainEventMessage<?>> pending = new ArrayList<>();
        private final Map<String, Long> sequences = new java.util.HashMap<>();
        private long written;

        Batch(JdbcEventStorageEngine engine, Connection connection) {
            this.engine = engine;
            this.connection = connection;
        }

        long sequence(String id) {
            long next = sequences.getOrDefault(id, 0L);
            sequences.put(id, next + 1);
            if (next == EVENTS_PER_INQUIRY - 1) {
                sequences.remove(id);
            }
            return next;
        }

        void add(DomainEventMessage<?> message) throws Exception {
            pending.add(message);
            if (pending.size() >= BATCH) {
                flush();
            }
        }

        void flush() throws Exception {
            if (pending.isEmpty()) {
                return;
            }
            engine.appendEvents(pending);
            connection.commit();
            written += pending.size();
            pending.clear();
            if (written % 100_000 < BATCH) {
                System.out.println("seeded " + written);
            }
        }
    }
}
