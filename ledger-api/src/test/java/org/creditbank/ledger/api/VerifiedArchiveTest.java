package org.creditbank.ledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.creditbank.ledger.log.NoteKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditbank.ledger.api.Scenario.ALICE;
import static org.creditbank.ledger.api.Scenario.BOB;
import static org.creditbank.ledger.api.Scenario.ERIN;

/** A learner's verified archive from the server, checked offline by the ledger program as a separate process. */
class VerifiedArchiveTest {

    @Test
    void the_verified_archive_verifies_offline_and_a_tampered_one_names_its_first_bad_entry(@TempDir Path dir)
            throws Exception {
        try (RunningLedger ledger = RunningLedger.onPostgres()) {
            Http http = ledger.http();
            String learner = Scenario.walkthrough(http);
            String second = Scenario.record(http, ALICE, learner, Scenario.course("VA-2", "2"));
            http.post("/api/learners/" + learner + "/achievements/" + second + "/certification", "", BOB);
            http.post("/api/learners/" + learner + "/achievements/" + second + "/correction",
                    Map.of("reason", "misprint", "credits", Map.of("amount", "2.25", "unit", "BANK_CREDIT")), ERIN);
            String third = Scenario.record(http, ALICE, learner, Scenario.course("VA-3", "4"));
            http.post("/api/learners/" + learner + "/achievements/" + third + "/certification", "", BOB);
            http.post("/api/learners/" + learner + "/achievements/" + third + "/revocation",
                    Map.of("reason", "withdrawn"), BOB);
            String key = http.get("/log/key").text().strip();
            VerifiableLogTest.awaitCheckpoint(http, NoteKeys.Verifier.parse(key), ledger.eventCount());

            Http.Reply reply = http.get("/api/learners/" + learner + "/verified-archive");
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            JsonNode archive = reply.json();
            assertThat(archive.get("format").asText()).isEqualTo("ledger-verified-archive/v1");
            assertThat(archive.get("entries")).hasSize((int) ledger.eventCount(learner));
            assertThat(archive.get("creditTotals").get("BANK_CREDIT").asText()).isEqualTo("5.75");
            assertThat(http.get("/api/learners/" + learner + "/verified-archive").text())
                    .as("deterministic for a checkpoint").isEqualTo(reply.text());

            Path file = write(dir, "archive.json", archive);
            LedgerCliProcess.Run good = LedgerCliProcess.ledger("verify-archive", file.toString(), "--key", key);
            assertThat(good.exit()).as(good.err()).isZero();
            assertThat(good.out()).startsWith("VERIFIED learner " + learner + ": 9 events")
                    .contains("BANK_CREDIT=5.75").endsWith("; who acted proven for 9 of 9 events\n");

            ObjectNode inflated = archive.deepCopy();
            ((ObjectNode) inflated.get("entries").get(2).get("event").get("payload")).put("credits", "350");
            assertRefused(dir, "inflated.json", inflated, key, "entry 2 (leaf ");
            ObjectNode dropped = archive.deepCopy();
            ((ArrayNode) dropped.get("entries")).remove(4);
            assertRefused(dir, "dropped.json", dropped, key, "entry 4 (leaf ");
            ObjectNode claimed = archive.deepCopy();
            ((ObjectNode) claimed.get("creditTotals")).put("BANK_CREDIT", "99");
            assertRefused(dir, "claimed.json", claimed, key, "creditTotals");

            // Who acted: each entry carries the metadata its ledger-leaf/v2 leaf covers; an edit is found.
            JsonNode certification = archive.get("entries").get(2);
            assertThat(certification.get("leaf").asText()).contains("\"format\":\"ledger-leaf/v2\"");
            assertThat(certification.get("event").get("type").asText()).endsWith("AchievementCertified");
            assertThat(certification.get("metadata").get("officerId").asText()).isEqualTo("bob");
            assertThat(certification.get("metadata").get("branchCode").asText()).isEqualTo(Scenario.HANGZHOU);
            assertThat(certification.get("metadata").has("correlationId")).isTrue();
            ObjectNode reattributed = archive.deepCopy();
            ((ObjectNode) reattributed.get("entries").get(2).get("metadata")).put("officerId", "erin");
            assertRefused(dir, "reattributed.json", reattributed, key,
                    "entry 2 (leaf " + certification.get("leafIndex").asLong() + "): the entry's metadata (who acted)"
                            + " does not match the leaf's metadataSha256");
            ObjectNode unattributed = archive.deepCopy();
            ((ObjectNode) unattributed.get("entries").get(2)).remove("metadata");
            assertRefused(dir, "unattributed.json", unattributed, key, "entry 2 (leaf ");
            String stranger = NoteKeys.Signer.generate("ledger.creditbank.local/log").verifier().toString();
            assertRefused(dir, "stranger.json", archive, stranger, "verifier key");
        }
    }

    private static void assertRefused(Path dir, String name, JsonNode archive, String key, String expected)
            throws Exception {
        Path file = write(dir, name, archive);
        LedgerCliProcess.Run run = LedgerCliProcess.ledger("verify-archive", file.toString(), "--key", key);
        assertThat(run.exit()).as(name).isEqualTo(1);
        assertThat(run.err()).as(name).startsWith("ledger: NOT VERIFIED: ").contains(expected);
        assertThat(run.err().lines()).hasSize(1);
    }

    private static Path write(Path dir, String name, JsonNode archive) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, Http.JSON.writeValueAsString(archive));
        return file;
    }
}
