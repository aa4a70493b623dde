package org.creditbank.ledger.api;

import org.creditbank.ledger.log.NoteKeys;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditbank.ledger.api.Scenario.ALICE;

/** An auditor recomputes the log from the event store; a rewritten event row is found and named. */
class VerifyLogTest {

    @Test
    void verify_log_passes_on_an_honest_ledger_and_names_the_leaf_of_a_rewritten_event() {
        try (RunningLedger ledger = RunningLedger.onPostgres()) {
            String learner = Scenario.walkthrough(ledger.http());
            for (int i = 0; i < 10; i++) {
                Scenario.record(ledger.http(), ALICE, learner, Scenario.course("AUDIT-" + i, "1"));
            }
            assertVerifyLogNamesRewrittenCertification(ledger, learner, "payload", "\"3.5\"", "\"35\"",
                    "its payload was changed");
        }
    }

    @Test
    void verify_log_names_the_leaf_of_an_event_whose_acting_officer_was_changed() {
        try (RunningLedger ledger = RunningLedger.onPostgres()) {
            String learner = Scenario.walkthrough(ledger.http());
            // bob certified; an insider credits it to erin, and the act log (built from metadata) would follow.
            assertVerifyLogNamesRewrittenCertification(ledger, learner, "meta_data", "\"officerId\":\"bob\"",
                    "\"officerId\":\"erin\"", "its metadata was changed: who acted, for which branch, or the"
                            + " correlation id");
        }
    }

    /**
     * verify-log passes; then an attacker with the database owner's rights switches off the append-only trigger and
     * replaces {@code from} by {@code to} in a column of the learner's certification event (sequence 2); verify-log
     * now names its leaf, for {@code reason}.
     */
    private static void assertVerifyLogNamesRewrittenCertification(RunningLedger ledger, String learner,
                                                                   String column, String from, String to,
                                                                   String reason) {
        String key = ledger.http().get("/log/key").text().strip();
        VerifiableLogTest.awaitCheckpoint(ledger.http(), NoteKeys.Verifier.parse(key), ledger.eventCount());
        String[] args = {"verify-log", "--db-url", ledger.jdbcUrl(), "--db-user", RunningLedger.POSTGRES_USER,
                "--key", key};
        LedgerCliProcess.Run honest = LedgerCliProcess.ledger(args);
        assertThat(honest.exit()).as(honest.err()).isZero();
        assertThat(honest.out()).startsWith("VERIFIED log ledger.creditbank.local/log: " + ledger.eventCount()
                + " leaves recomputed from the event store, who acted included; ");

        Map<String, Object> target = ledger.jdbc().queryForMap("SELECT e.event_identifier, l.leaf_index"
                + " FROM domain_event_entry e JOIN log_leaf l ON l.event_identifier = e.event_identifier"
                + " WHERE e.aggregate_identifier = ? AND e.payload_type LIKE '%AchievementCertified'", learner);
        ledger.jdbc().execute("ALTER TABLE domain_event_entry DISABLE TRIGGER domain_event_entry_append_only");
        int changed = ledger.jdbc().update("UPDATE domain_event_entry SET " + column + " = convert_to(replace("
                + "convert_from(" + column + ", 'UTF8'), ?, ?), 'UTF8') WHERE event_identifier = ?"
                + " AND position(? in convert_from(" + column + ", 'UTF8')) > 0",
                from, to, target.get("event_identifier"), from);
        assertThat(changed).isEqualTo(1);

        LedgerCliProcess.Run tampered = LedgerCliProcess.ledger(args);
        assertThat(tampered.exit()).isEqualTo(1);
        assertThat(tampered.err()).isEqualTo("ledger: LOG NOT VERIFIED: leaf " + target.get("leaf_index")
                + " (event " + target.get("event_identifier") + ") of account " + learner + ", sequence 2: the"
                + " event as stored no longer matches its leaf (" + reason + ")\n");
    }

    @Test
    void events_the_stream_skipped_are_appended_before_their_successors_and_verify_log_finds_any_left_out() {
        try (RunningLedger ledger = RunningLedger.onPostgres()) {
            Http http = ledger.http();
            Scenario.walkthrough(http);
            String key = http.get("/log/key").text().strip();
            NoteKeys.Verifier verifier = NoteKeys.Verifier.parse(key);
            VerifiableLogTest.awaitCheckpoint(http, verifier, ledger.eventCount());

            // A transaction that committed after the processor gave up on its gap: its row sits below the token.
            String skippedFirst = lateEvent(ledger, "LATE-STREAM", 0, -200_000L);
            String successor = lateEvent(ledger, "LATE-STREAM", 1, null);
            VerifiableLogTest.awaitCheckpoint(http, verifier, ledger.eventCount());
            Long first = ledger.jdbc().queryForObject("SELECT leaf_index FROM log_leaf WHERE event_identifier = ?",
                    Long.class, skippedFirst);
            Long second = ledger.jdbc().queryForObject("SELECT leaf_index FROM log_leaf WHERE event_identifier = ?",
                    Long.class, successor);
            assertThat(second).isEqualTo(first + 1);
            String[] args = {"verify-log", "--db-url", ledger.jdbcUrl(), "--db-user", RunningLedger.POSTGRES_USER,
                    "--key", key};
            LedgerCliProcess.Run complete = LedgerCliProcess.ledger(args);
            assertThat(complete.exit()).as(complete.err()).isZero();

            String lost = lateEvent(ledger, "LOST-STREAM", 0, -300_000L);
            LedgerCliProcess.Run incomplete = LedgerCliProcess.ledger(args);
            assertThat(incomplete.exit()).isEqualTo(1);
            assertThat(incomplete.err()).isEqualTo("ledger: LOG NOT VERIFIED: 1 event(s) older than the log's newest"
                    + " were never sequenced, the first " + lost + "\n");
        }
    }

    /** Writes an event row as a late-committing transaction would leave it; a null global index takes the next one. */
    private static String lateEvent(RunningLedger ledger, String stream, long sequence, Long globalIndex) {
        String id = java.util.UUID.randomUUID().toString();
        byte[] payload = ("{\"learnerNumber\":\"" + stream + "\",\"reason\":\"late\",\"closedBy\":\"alice\","
                + "\"branchCode\":\"HZ-BRANCH\",\"at\":\"2026-01-01T00:00:00Z\"}").getBytes(
                java.nio.charset.StandardCharsets.UTF_8);
        String columns = "event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type,"
                + " payload_revision, payload, meta_data";
        Object[] values = {id, stream, sequence, "LearnerAccount", "2026-01-01T00:00:00Z",
                "org.creditbank.ledger.learner.AccountEvent$AccountClosed", "1", payload,
                "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8)};
        if (globalIndex == null) {
            ledger.jdbc().update("INSERT INTO domain_event_entry (" + columns + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    values);
        } else {
            Object[] withIndex = java.util.Arrays.copyOf(values, values.length + 1);
            withIndex[values.length] = globalIndex;
            ledger.jdbc().update("INSERT INTO domain_event_entry (" + columns + ", global_index)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", withIndex);
        }
        return id;
    }

    @Test
    void the_database_refuses_to_change_or_delete_an_event_row() {
        RunningLedger ledger = SharedLedger.get();
        String learner = Scenario.openAccount(ledger.http(), ALICE, "Immutable");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ledger.jdbc().update(
                        "UPDATE domain_event_entry SET payload_revision = '2' WHERE aggregate_identifier = ?", learner))
                .rootCause().hasMessageContaining("domain_event_entry is append-only: UPDATE refused");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ledger.jdbc().update(
                        "DELETE FROM domain_event_entry WHERE aggregate_identifier = ?", learner))
                .rootCause().hasMessageContaining("domain_event_entry is append-only: DELETE refused");
        assertThat(ledger.eventCount(learner)).isEqualTo(1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ledger.jdbc().update(
                        "UPDATE log_leaf SET aggregate_identifier = 'elsewhere' WHERE leaf_index = 0"))
                .rootCause().hasMessageContaining("log_leaf is append-only: UPDATE refused");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ledger.jdbc().update("DELETE FROM log_checkpoint"))
                .rootCause().hasMessageContaining("log_checkpoint is append-only: DELETE refused");
    }

    @Test
    void the_embedded_database_refuses_to_change_delete_or_truncate_an_event_or_a_leaf() {
        try (RunningLedger ledger = RunningLedger.embedded()) {
            Http http = ledger.http();
            String learner = Scenario.walkthrough(http);
            VerifiableLogTest.awaitCheckpoint(http, NoteKeys.Verifier.parse(http.get("/log/key").text().strip()),
                    ledger.eventCount());
            List<Map<String, Object>> events = ledger.jdbc().queryForList("SELECT * FROM domain_event_entry"
                    + " ORDER BY global_index");
            List<Map<String, Object>> leaves = ledger.jdbc().queryForList("SELECT * FROM log_leaf ORDER BY leaf_index");
            long nodes = ledger.jdbc().queryForObject("SELECT COUNT(*) FROM log_node", Long.class);
            long checkpoints = ledger.jdbc().queryForObject("SELECT COUNT(*) FROM log_checkpoint", Long.class);

            assertRefused(ledger, "UPDATE domain_event_entry SET meta_data = NULL WHERE aggregate_identifier = '"
                    + learner + "'", "domain_event_entry is append-only: UPDATE refused");
            assertRefused(ledger, "DELETE FROM domain_event_entry", "domain_event_entry is append-only: DELETE refused");
            assertRefused(ledger, "MERGE INTO domain_event_entry USING (SELECT 1) ON TRUE"
                    + " WHEN MATCHED THEN UPDATE SET payload_revision = '2'",
                    "domain_event_entry is append-only: UPDATE refused");
            assertRefused(ledger, "TRUNCATE TABLE domain_event_entry", "Cannot truncate");
            assertRefused(ledger, "UPDATE log_leaf SET aggregate_identifier = 'elsewhere'",
                    "log_leaf is append-only: UPDATE refused");
            assertRefused(ledger, "DELETE FROM log_node", "log_node is append-only: DELETE refused");
            assertRefused(ledger, "DELETE FROM log_checkpoint", "log_checkpoint is append-only: DELETE refused");
            for (String table : List.of("log_leaf", "log_node", "log_checkpoint")) {
                assertRefused(ledger, "TRUNCATE TABLE " + table, "Cannot truncate");
            }

            assertThat(ledger.jdbc().queryForList("SELECT * FROM domain_event_entry ORDER BY global_index"))
                    .usingRecursiveComparison().isEqualTo(events);
            assertThat(ledger.jdbc().queryForList("SELECT * FROM log_leaf ORDER BY leaf_index"))
                    .usingRecursiveComparison().isEqualTo(leaves);
            assertThat(ledger.jdbc().queryForObject("SELECT COUNT(*) FROM log_node", Long.class)).isEqualTo(nodes);
            assertThat(ledger.jdbc().queryForObject("SELECT COUNT(*) FROM log_checkpoint", Long.class))
                    .isEqualTo(checkpoints);
            // New events are still appended.
            Scenario.record(http, ALICE, learner, Scenario.course("AFTER-REFUSALS", "1"));
            assertThat(ledger.eventCount()).isEqualTo(events.size() + 1);
        }
    }

    private static void assertRefused(RunningLedger ledger, String sql, String reason) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ledger.jdbc().execute(sql)).as(sql)
                .rootCause().hasMessageContaining(reason);
    }
}
