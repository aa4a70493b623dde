package org.creditbank.ledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.creditbank.ledger.log.NoteKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;


import static org.assertj.core.api.Assertions.assertThat;
import static org.creditbank.ledger.api.Scenario.HANGZHOU;

/** The README walkthrough, through HTTP, on PostgreSQL and on the embedded default. */
class WalkthroughTest {

    @Test
    void the_walkthrough_runs_on_postgres_and_every_account_reads_the_same_after_a_restart() {
        try (RunningLedger ledger = RunningLedger.onPostgres()) {
            Http http = ledger.http();
            String learner = Scenario.walkthrough(http);
            JsonNode account = http.get("/api/learners/" + learner).json();
            assertWalkthroughAccount(account, learner);
            assertThat(ledger.eventCount(learner)).isEqualTo(3);
            String recorded = new String(ledger.jdbc().queryForObject("SELECT payload FROM domain_event_entry"
                    + " WHERE aggregate_identifier = ? AND sequence_number = 1", byte[].class, learner),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertThat(recorded).as("exact decimals are stored as strings").contains("\"credits\":\"3.5\"");

            JsonNode tree = http.get("/api/branches?depth=1").json();
            assertThat(tree.get("children")).extracting(child -> child.get("code").asText()).containsExactly(HANGZHOU);

            ledger.restart();
            assertThat(ledger.http().get("/api/learners/" + learner).json()).isEqualTo(account);
            assertThat(ledger.http().get("/api/branches?depth=1").json()).isEqualTo(tree);
        }
    }

    @Test
    void every_event_names_the_acting_officer_branch_and_correlation_id() {
        try (RunningLedger ledger = RunningLedger.onPostgres()) {
            Http http = ledger.http();
            Scenario.installCentreAndCity(http);
            Http.Reply opened = http.post("/api/learners", Scenario.newPerson("Meta Data"),
                    Http.AS, "alice", "Ledger-Branch", HANGZHOU, "Correlation-Id", "req-42");
            assertThat(opened.status()).isEqualTo(201);
            assertThat(opened.header("Correlation-Id")).isEqualTo("req-42");
            String learner = opened.json().get("learnerNumber").asText();
            byte[] metaData = ledger.jdbc().queryForObject("SELECT meta_data FROM domain_event_entry"
                    + " WHERE aggregate_identifier = ?", byte[].class, learner);
            JsonNode meta = Http.JSON.readTree(new String(metaData, java.nio.charset.StandardCharsets.UTF_8));
            assertThat(meta.get("officerId").asText()).isEqualTo("alice");
            assertThat(meta.get("branchCode").asText()).isEqualTo(HANGZHOU);
            assertThat(meta.get("correlationId").asText()).isEqualTo("req-42");
            String payloadType = ledger.jdbc().queryForObject("SELECT payload_type FROM domain_event_entry"
                    + " WHERE aggregate_identifier = ?", String.class, learner);
            assertThat(payloadType).endsWith("AccountOpened");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void the_walkthrough_and_the_verifiable_log_run_on_the_embedded_default(@TempDir Path dir) throws Exception {
        try (RunningLedger ledger = RunningLedger.embedded()) {
            String learner = Scenario.walkthrough(ledger.http());
            JsonNode account = ledger.http().get("/api/learners/" + learner).json();
            assertWalkthroughAccount(account, learner);
            ledger.restart();
            assertThat(ledger.http().get("/api/learners/" + learner).json()).isEqualTo(account);

            String key = ledger.http().get("/log/key").text().strip();
            VerifiableLogTest.awaitCheckpoint(ledger.http(), NoteKeys.Verifier.parse(key), ledger.eventCount());
            Path archive = dir.resolve("archive.json");
            Files.writeString(archive, ledger.http().get("/api/learners/" + learner + "/verified-archive").text());
            LedgerCliProcess.Run verified = LedgerCliProcess.ledger("verify-archive", archive.toString(), "--key", key);
            assertThat(verified.exit()).as(verified.err()).isZero();
            assertThat(verified.out()).contains("3 events", "BANK_CREDIT=3.5");

            // Statistics, rebuilds and the replay check on the embedded database too.
            JsonNode totals = Await.until("statistics to count the walkthrough", Duration.ofSeconds(30),
                    () -> ledger.http().get("/api/statistics").json().get("totals"),
                    t -> t.get("achievementsCertified").asLong() == 1);
            assertThat(totals.get("creditsDeposited").get(0).get("amount").decimalValue()).isEqualByComparingTo("3.5");
            for (String readModel : Scenario.readModels(ledger.http())) {
                assertThat(ledger.http().post("/api/admin/read-models/" + readModel + "/rebuild", "").status())
                        .isEqualTo(202);
                Await.until(readModel + " to be rebuilt", Duration.ofSeconds(60),
                        () -> ledger.http().get("/api/admin/read-models/" + readModel).json(),
                        s -> s.get("liveSlot").asText().equals("B"));
            }
            assertThat(ledger.http().get("/api/learners/" + learner).json()).isEqualTo(account);
            assertThat(ledger.http().get("/api/statistics").json().get("totals")).isEqualTo(totals);
            JsonNode check = ledger.http().get("/api/audit/replay-check").json();
            assertThat(check.get("equal").asBoolean()).as(check.toString()).isTrue();
        }
    }

    private static void assertWalkthroughAccount(JsonNode account, String learner) {
        assertThat(account.get("learnerNumber").asText()).isEqualTo(learner).startsWith("330100");
        assertThat(account.get("status").asText()).isEqualTo("OPEN");
        assertThat(account.get("creditTotals")).hasSize(1);
        assertThat(account.get("creditTotals").get(0).get("unit").asText()).isEqualTo("BANK_CREDIT");
        assertThat(account.get("creditTotals").get(0).get("total").decimalValue()).isEqualByComparingTo("3.5");
        JsonNode achievement = account.get("achievements").get(0);
        assertThat(achievement.get("status").asText()).isEqualTo("CERTIFIED");
        assertThat(achievement.get("history")).extracting(act -> act.get("act").asText())
                .containsExactly("RECORDED", "CERTIFIED");
        assertThat(achievement.get("history").get(1).get("officerId").asText()).isEqualTo("bob");
    }
}
