package io.client360.system;

import io.client360.testing.Http.Response;
import io.client360.testing.PostgresTestDatabase;
import io.client360.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.UUID;

import static io.client360.system.RunningSystem.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Notes and important entries (iSupport's history feed) over HTTP on PostgreSQL: staff note on inquiries and contacts,
 * contacts never see notes, staff flag notes and correspondence important and the important filter shows exactly
 * those; every refusal.
 */
class NotesOnPostgresTest {

    static final String[] AGENT = TestTokens.bearer(TestTokens.agent("agent-1"));

    private static PostgresTestDatabase database;
    private static RunningSystem system;

    @BeforeAll
    static void start() {
        database = PostgresTestDatabase.create("notes");
        system = RunningSystem.startWithoutLocks(database.springProperties());
    }

    @AfterAll
    static void stop() {
        system.close();
        database.close();
    }

    static JsonNode feed(String path, int entries, String... auth) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> system.queries().get(path, auth).json(),
                feed -> feed.isArray() && feed.size() >= entries);
    }

    static String entryId(JsonNode feed, String event) {
        for (JsonNode entry : feed) {
            if (entry.get("event").asString().equals(event)) {
                return entry.get("id").asString();
            }
        }
        throw new AssertionError("no " + event + " in " + feed);
    }

    @Test
    void staffNoteAndFlag_theImportantFilterShowsExactlyTheFlaggedEntries_andContactsNeverSeeNotes() {
        String contact = system.commands().post("/api/contacts", """
                {"firstName":"Nora","lastName":"%s","email":"%s@notes.test","portalAccess":true,
                 "clients":[{"clientId":"notes"}]}""".formatted(UUID.randomUUID(), UUID.randomUUID()), ADMIN).text("id");
        String[] asContact = TestTokens.bearer(TestTokens.contact(contact));
        String inquiry = system.commands().post("/api/inquiries", InquiryLifecycleScenario.newInquiry(contact, "OTHER")
                .replace("client-1", "notes"), asContact).text("id");
        assertThat(system.commands().post("/api/inquiries/" + inquiry + "/comments",
                "{\"body\":\"Which version?\",\"visibility\":\"PUBLIC\"}", AGENT).status()).isEqualTo(200);
        Response note = system.commands().post("/api/inquiries/" + inquiry + "/notes",
                "{\"body\":\"Called back, no answer\"}", AGENT);
        assertThat(note.status()).as(note.toString()).isEqualTo(200);
        assertThat(system.commands().post("/api/inquiries/" + inquiry + "/notes", "{\"body\":\"x\"}", asContact)
                .status()).as("contacts do not note").isEqualTo(403);
        assertThat(system.commands().post("/api/inquiries/" + inquiry + "/notes", "{\"body\":\"\"}", AGENT).status())
                .isEqualTo(400);

        JsonNode all = feed("/api/inquiries/" + inquiry + "/history", 3);
        String noteEntry = entryId(all, "NoteAdded");
        String commentEntry = entryId(all, "CommentAdded");
        String createdEntry = entryId(all, "InquiryCreated");
        for (String entry : new String[]{noteEntry, commentEntry}) {
            Response flagged = system.commands().put("/api/history/" + entry + "/important", "{\"important\":true}", AGENT);
            assertThat(flagged.status()).as(flagged.toString()).isEqualTo(200);
        }
        Response again = system.commands().put("/api/history/" + noteEntry + "/important", "{\"important\":true}", AGENT);
        assertThat(again.code()).isEqualTo("NO_CHANGE");
        assertThat(system.commands().put("/api/history/" + createdEntry + "/important", "{\"important\":true}", AGENT)
                .status()).as("only notes and correspondence are flagged").isEqualTo(400);
        assertThat(system.commands().put("/api/history/no-such-entry/important", "{\"important\":true}", AGENT)
                .status()).isEqualTo(404);
        assertThat(system.commands().put("/api/history/" + noteEntry + "/important", "{\"important\":false}", asContact)
                .status()).isEqualTo(403);

        JsonNode important = await().atMost(Duration.ofSeconds(30)).until(() -> system.queries()
                .get("/api/inquiries/" + inquiry + "/history?filter=important").json(), f -> f.size() == 2);
        assertThat(important.findValuesAsString("event")).containsExactly("CommentAdded", "NoteAdded");
        assertThat(system.queries().get("/api/inquiries/" + inquiry + "/history?filter=audit").body())
                .doesNotContain("NoteAdded");
        String contactsView = system.queries().get("/api/inquiries/" + inquiry + "/history", asContact).body();
        assertThat(contactsView).contains("CommentAdded").doesNotContain("NoteAdded", "no answer");
        assertThat(system.queries().get("/api/inquiries/" + inquiry + "/history?filter=important", asContact).json()
                .findValuesAsString("event")).containsExactly("CommentAdded");

        Response contactNote = system.commands().post("/api/contacts/" + contact + "/notes",
                "{\"body\":\"Prefers phone calls\"}", AGENT);
        assertThat(contactNote.status()).isEqualTo(200);
        JsonNode contactFeed = feed("/api/contacts/" + contact + "/history", 2);
        String contactNoteEntry = entryId(contactFeed, "ContactNoteAdded");
        assertThat(system.commands().put("/api/history/" + contactNoteEntry + "/important", "{\"important\":true}",
                AGENT).status()).isEqualTo(200);
        assertThat(await().atMost(Duration.ofSeconds(30)).until(() -> system.queries()
                .get("/api/contacts/" + contact + "/history?filter=important").json(), f -> f.size() == 1)
                .get(0).get("event").asString()).isEqualTo("ContactNoteAdded");
        assertThat(system.queries().get("/api/contacts/" + contact + "/history", asContact).body())
                .doesNotContain("Prefers phone calls");
    }
}
