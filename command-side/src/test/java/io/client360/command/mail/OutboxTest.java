package io.client360.command.mail;

import io.client360.kernel.inquiry.MailAudience;
import io.client360.testing.EitherDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** The outbox's rows on PostgreSQL and on the embedded H2 database: enqueued once, threaded, claimed by one sender. */
class OutboxTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {EitherDatabase.POSTGRES, EitherDatabase.H2})
    void anEventMailsARecipientOnce_andEachLaterMailRepliesToTheEarlierOnes(String database) {
        onOutbox(database, outbox -> {
            assertThat(outbox.enqueue(mail("event-1", "Client@Example.com"), NOW)).isTrue();
            assertThat(outbox.enqueue(mail("event-1", "client@example.com "), NOW)).isFalse();
            assertThat(outbox.enqueue(mail("event-2", "client@example.com"), NOW.plusSeconds(1))).isTrue();
            assertThat(outbox.enqueue(mail("event-3", "client@example.com"), NOW.plusSeconds(2))).isTrue();

            List<Outbox.Queued> due = outbox.claimDue(NOW.plusSeconds(3), 10);
            assertThat(due).extracting(Outbox.Queued::eventId).containsExactly("event-1", "event-2", "event-3");
            Outbox.Queued third = due.get(2);
            assertThat(third.inReplyTo()).isEqualTo(due.get(1).messageId());
            assertThat(third.references()).isEqualTo(due.get(0).messageId() + " " + due.get(1).messageId());
        });
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {EitherDatabase.POSTGRES, EitherDatabase.H2})
    void sendersClaimingAtOnce_neverClaimTheSameMail_andBetweenThemClaimEveryDueOne(String database) {
        onOutbox(database, outbox -> {
            for (int i = 0; i < 200; i++) {
                outbox.enqueue(mail("event-" + i, "client" + (i % 7) + "@example.com"), NOW);
            }
            outbox.enqueue(mail("event-later", "client@example.com"), NOW.plusSeconds(60));

            List<String> claimed = Collections.synchronizedList(new ArrayList<>());
            ExecutorService senders = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> rounds = new ArrayList<>();
                for (int sender = 0; sender < 4; sender++) {
                    rounds.add(senders.submit(() -> {
                        List<Outbox.Queued> batch;
                        while (!(batch = outbox.claimDue(NOW.plusSeconds(1), 7)).isEmpty()) {
                            batch.forEach(mail -> claimed.add(mail.eventId()));
                        }
                    }));
                }
                for (Future<?> round : rounds) {
                    round.get();
                }
            } catch (Exception e) {
                throw new AssertionError(e);
            } finally {
                senders.shutdown();
            }

            assertThat(claimed).hasSize(200).doesNotHaveDuplicates().doesNotContain("event-later");
        });
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {EitherDatabase.POSTGRES, EitherDatabase.H2})
    void sentMails_leaveTheQueue_andOnceRecordedAreNoLongerUnrecorded(String database) {
        onOutbox(database, outbox -> {
            outbox.enqueue(mail("event-1", "a@example.com"), NOW);
            outbox.enqueue(mail("event-2", "b@example.com"), NOW);
            List<String> mails = outbox.claimDue(NOW, 10).stream().map(Outbox.Queued::mailId).toList();

            outbox.sent(mails, NOW);
            assertThat(outbox.claimDue(NOW.plusSeconds(600), 10)).isEmpty();
            assertThat(outbox.unrecorded(10)).extracting(Outbox.Queued::status, Outbox.Queued::attempts)
                    .containsOnly(org.assertj.core.groups.Tuple.tuple(Outbox.SENT, 1));

            outbox.recorded(mails.subList(0, 1));
            assertThat(outbox.unrecorded(10)).extracting(Outbox.Queued::mailId).containsExactly(mails.get(1));
        });
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {EitherDatabase.POSTGRES, EitherDatabase.H2})
    void aClaimLeftBehindByAStoppedSender_isDueAgainAfterTwoMinutes(String database) {
        onOutbox(database, outbox -> {
            outbox.enqueue(mail("event-1", "a@example.com"), NOW);
            assertThat(outbox.claimDue(NOW, 10)).hasSize(1);

            outbox.releaseStaleClaims(NOW.plusSeconds(60));
            assertThat(outbox.claimDue(NOW.plusSeconds(60), 10)).isEmpty();
            outbox.releaseStaleClaims(NOW.plusSeconds(121));
            assertThat(outbox.claimDue(NOW.plusSeconds(121), 10)).extracting(Outbox.Queued::eventId)
                    .containsExactly("event-1");
        });
    }

    @org.junit.jupiter.api.Test
    void aClaim_takesItsMailsByTheirIds_evenWhenTheStatisticsWereTakenWhileNoMailWasPending() {
        EitherDatabase.on(EitherDatabase.POSTGRES, "outbox", dataSource -> {
            Outbox outbox = outbox(dataSource);
            JdbcClient jdbc = JdbcClient.create(dataSource);
            jdbc.sql("INSERT INTO mail_outbox (mail_id, event_id, recipient, audience, inquiry_id, about, subject, "
                    + "text_body, html_body, message_id, status, attempts, next_attempt_at, recorded, created_at) "
                    + "SELECT 'sent-' || g, 'sent-' || g, 'client@example.com', 'REQUESTER', 'inquiry-' || g, 'COMMENT', "
                    + "'Re: printer', repeat('text ', 100), repeat('<p>html</p>', 50), '<sent-' || g || '@client360.mail>', "
                    + "'SENT', 1, now(), TRUE, now() FROM generate_series(1, 20000) g").update();
            jdbc.sql("ANALYZE mail_outbox").update();
            for (int i = 0; i < 300; i++) {
                outbox.enqueue(mail("due-" + i, "client" + (i % 7) + "@example.com"), NOW);
            }
            List<String> due = jdbc.sql("SELECT mail_id FROM mail_outbox WHERE status = 'PENDING' LIMIT 50")
                    .query(String.class).list();

            // planned on the status index, the claim read every pending mail to find its fifty (8.7 ms with 8,684)
            String plan = String.join("\n", jdbc.sql("EXPLAIN " + Outbox.CLAIM).param("at", java.sql.Timestamp.from(NOW))
                    .param("due", due).query(String.class).list());
            assertThat(plan).contains("mail_outbox_pkey").doesNotContain("mail_outbox_due");
        });
    }

    private static Outbox.Mail mail(String eventId, String recipient) {
        return new Outbox.Mail(eventId, recipient, MailAudience.REQUESTER, "inquiry-1", "COMMENT", "Re: printer",
                new MailTemplates.Body("text", "<p>html</p>"));
    }

    private static void onOutbox(String database, Consumer<Outbox> test) {
        EitherDatabase.on(database, "outbox", dataSource -> test.accept(outbox(dataSource)));
    }

    private static Outbox outbox(DataSource dataSource) {
        // the command side's migrations read the event store (backfills), so it comes first, as in the application
        Flyway.configure().dataSource(dataSource).locations("classpath:db/eventstore")
                .table("flyway_eventstore_history").load().migrate();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/command")
                .table("flyway_command_history").baselineOnMigrate(true).baselineVersion("0").load().migrate();
        return new Outbox(JdbcClient.create(dataSource), new org.springframework.jdbc.support.JdbcTransactionManager(dataSource));
    }
}
