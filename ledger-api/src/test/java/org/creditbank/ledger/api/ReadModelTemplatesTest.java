package org.creditbank.ledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.creditbank.ledger.api.readmodel.CertifiedCredits;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The engine makes each read model's slots from its template and knows which template made each: a node whose read
 * model's live slot was made from another template (or never filled) rebuilds it before it serves, and a database of
 * the schema history before it was squashed is adopted and its read models rebuilt from the events. On PostgreSQL.
 */
class ReadModelTemplatesTest {

    @Test
    void a_live_slot_of_another_template_is_rebuilt_before_the_node_serves_and_the_earlier_history_is_adopted() {
        try (RunningLedger ledger = RunningLedger.onPostgres()) {
            String learner = Scenario.walkthrough(ledger.http());
            JsonNode account = ledger.http().get("/api/learners/" + learner).json();
            JsonNode totals = certifiedTotals(ledger.http());
            Map<String, String> live = liveSlots(ledger.http());
            JdbcTemplate database = ledger.jdbcAdmin();
            String schema = ledger.schema();

            // The archive's template changed since its live slot was made; the statistics' live slot was made but
            // never filled (as a read model declared anew on a store with events).
            ledger.stop();
            database.update("UPDATE " + schema + ".read_model_slot SET template_sha256 = ? WHERE read_model = ?"
                    + " AND slot = ?", "0".repeat(64), "archive", live.get("archive"));
            database.update("UPDATE " + schema + ".read_model_slot SET template_sha256 = NULL WHERE read_model = ?"
                    + " AND slot = ?", "statistics", live.get("statistics"));
            ledger.start();

            Map<String, String> rebuilt = liveSlots(ledger.http());
            assertThat(rebuilt.get("archive")).isEqualTo(other(live.get("archive")));
            assertThat(rebuilt.get("statistics")).isEqualTo(other(live.get("statistics")));
            assertThat(rebuilt.get("act-log")).isEqualTo(live.get("act-log"));
            for (String name : List.of("archive", "statistics")) {
                JsonNode status = ledger.http().get("/api/admin/read-models/" + name).json();
                assertThat(status.get("rebuild").get("state").asText()).as(status.toString()).isEqualTo("SWITCHED");
            }
            assertThat(ledger.http().get("/api/admin/read-models/act-log").json().has("rebuild")).isFalse();
            assertServesAsBefore(ledger, learner, account, totals);
            // Every slot now live was made from its read model's template as declared, and filled.
            List<String> made = database.queryForList("SELECT s.template_sha256 FROM " + schema + ".read_model_slot s"
                    + " JOIN " + schema + ".read_model m ON m.name = s.read_model AND m.live_slot = s.slot",
                    String.class);
            assertThat(made).hasSize(Scenario.readModels(ledger.http()).size()).doesNotContainNull()
                    .doesNotContain("0".repeat(64));

            // A database of the schema history before it was squashed, at its last version: its read models' tables
            // go, and the engine makes them again and rebuilds every read model from the events before serving.
            ledger.stop();
            earlierHistory(database, schema, "22");
            ledger.start();
            assertThat(database.queryForList("SELECT version FROM " + schema + ".ledger_schema_history"
                    + " WHERE success ORDER BY installed_rank", String.class)).containsExactly("6", "7");
            assertThat(liveSlots(ledger.http())).containsKeys("archive", "act-log", "statistics", "branch-register",
                    "identity-register", "certificate-register")
                    .allSatisfy((name, slot) -> assertThat(slot).as(name).isEqualTo("B"));
            assertServesAsBefore(ledger, learner, account, totals);

            // At any other version of that history, the ledger refuses to start, and says what to do.
            ledger.stop();
            earlierHistory(database, schema, "21");
            assertThatThrownBy(ledger::start).hasStackTraceContaining("at version 21 of the schema history before"
                    + " it was squashed");
        }
    }

    @Test
    void a_read_model_declared_only_in_the_tests_is_made_built_before_serving_fed_checked_and_rebuilt() {
        try (RunningLedger ledger = RunningLedger.onPostgres()) {
            String learner = Scenario.walkthrough(ledger.http());
            ledger.stop();
            ledger.addToNextStart(CertifiedCredits.class);
            ledger.start();
            Http http = ledger.http();

            // Declared on a store that holds events: its slots made, and built from the events before serving.
            assertThat(Scenario.readModels(http)).contains(CertifiedCredits.NAME, "archive", "act-log", "statistics");
            JsonNode status = http.get("/api/admin/read-models/" + CertifiedCredits.NAME).json();
            assertThat(status.get("liveSlot").asText()).isEqualTo("B");
            assertThat(status.get("rebuild").get("state").asText()).as(status.toString()).isEqualTo("SWITCHED");
            String achievement = http.get("/api/learners/" + learner).json().get("achievements").get(0)
                    .get("achievementId").asText();
            assertThat(credits(ledger, "certified_credit_b")).containsExactly(List.of(achievement, learner,
                    "BANK_CREDIT", "3.5000", false));

            // Fed in the command's transaction: the revocation's answer finds it revoked.
            Http.Reply revoked = http.post("/api/learners/" + learner + "/achievements/" + achievement
                    + "/revocation", Map.of("reason", "forged"), Scenario.BOB);
            assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
            assertThat(credits(ledger, "certified_credit_b")).containsExactly(List.of(achievement, learner,
                    "BANK_CREDIT", "3.5000", true));

            // Checked and rebuilt like every other.
            JsonNode check = http.get("/api/audit/replay-check?readModel=" + CertifiedCredits.NAME).json();
            assertThat(check.get("equal").asBoolean()).as(check.toString()).isTrue();
            Scenario.rebuild(http, CertifiedCredits.NAME);
            assertThat(credits(ledger, "certified_credit")).containsExactly(List.of(achievement, learner,
                    "BANK_CREDIT", "3.5000", true));
        }
    }

    private static List<List<Object>> credits(RunningLedger ledger, String table) {
        return ledger.jdbc().query("SELECT achievement_id, learner_number, credit_unit, credits, revoked FROM " + table,
                (rs, i) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4)
                        .toPlainString(), rs.getBoolean(5)));
    }

    /**
     * Makes the database look as one made by the schema history before it was squashed, at the given last version:
     * today's history renamed to the earlier one's name (or, once adopted, dropped beside the earlier one it kept).
     */
    private static void earlierHistory(JdbcTemplate database, String schema, String version) {
        database.execute("DROP TABLE " + schema + ".read_model_slot");
        if (table(database, schema, "flyway_schema_history")) {
            database.execute("DROP TABLE " + schema + ".ledger_schema_history");
        } else {
            database.execute("ALTER TABLE " + schema + ".ledger_schema_history RENAME TO flyway_schema_history");
            database.execute("ALTER INDEX " + schema + ".ledger_schema_history_pk RENAME TO flyway_schema_history_pk");
            database.execute("ALTER INDEX " + schema + ".ledger_schema_history_s_idx"
                    + " RENAME TO flyway_schema_history_s_idx");
        }
        database.update("DELETE FROM " + schema + ".flyway_schema_history WHERE installed_rank >= 100");
        database.update("INSERT INTO " + schema + ".flyway_schema_history (installed_rank, version, description,"
                + " type, script, checksum, installed_by, execution_time, success) VALUES (100, ?, 'earlier', 'SQL',"
                + " 'V' || ? || '__earlier.sql', 0, 'test', 0, TRUE)", version, version);
    }

    private static boolean table(JdbcTemplate database, String schema, String name) {
        return database.queryForObject("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = ?"
                + " AND table_name = ?", Integer.class, schema, name) == 1;
    }

    private static void assertServesAsBefore(RunningLedger ledger, String learner, JsonNode account,
                                             JsonNode totals) {
        assertThat(ledger.http().get("/api/learners/" + learner).json()).isEqualTo(account);
        assertThat(certifiedTotals(ledger.http())).isEqualTo(totals);
        JsonNode check = ledger.http().get("/api/audit/replay-check").json();
        assertThat(check.get("equal").asBoolean()).as(check.toString()).isTrue();
    }

    private static JsonNode certifiedTotals(Http http) {
        return Await.until("statistics to count the walkthrough", Duration.ofSeconds(30),
                () -> http.get("/api/statistics").json().get("totals"),
                t -> t.get("achievementsCertified").asLong() == 1);
    }

    private static Map<String, String> liveSlots(Http http) {
        Map<String, String> live = new LinkedHashMap<>();
        http.get("/api/admin/read-models").json().forEach(model -> live.put(model.get("readModel").asText(),
                model.get("liveSlot").asText()));
        return live;
    }

    private static String other(String slot) {
        return slot.equals("A") ? "B" : "A";
    }
}
