package org.creditbank.ledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditbank.ledger.api.Scenario.ALICE;
import static org.creditbank.ledger.api.Scenario.BOB;

/** A long-lived account is snapshotted, and a snapshot restores every rule's state after a restart. */
class SnapshotTest {

    @Test
    void an_account_loaded_from_its_snapshot_keeps_every_rule() {
        try (RunningLedger ledger = RunningLedger.onPostgres(Map.of("ledger.snapshot-threshold", "10"))) {
            Http http = ledger.http();
            Scenario.installCentreAndCity(http);
            String learner = Scenario.openAccount(http, ALICE, "Long Life");
            String first = Scenario.record(http, ALICE, learner, Scenario.course("SNAP-0", "1"));
            for (int i = 1; i < 25; i++) {
                Scenario.record(http, ALICE, learner, Scenario.course("SNAP-" + i, "1"));
            }
            // Taken on the snapshotter's own thread, after the command that reached the threshold answered.
            Long snapshotAt = Await.until("a snapshot of the account", java.time.Duration.ofSeconds(30),
                    () -> ledger.jdbc().queryForObject("SELECT MAX(sequence_number) FROM snapshot_event_entry"
                            + " WHERE aggregate_identifier = ?", Long.class, learner), at -> at != null && at >= 10L);
            assertThat(snapshotAt).isGreaterThanOrEqualTo(10L);
            JsonNode before = http.get("/api/learners/" + learner).json();

            ledger.restart();
            Http again = ledger.http();
            assertThat(again.get("/api/learners/" + learner).json()).isEqualTo(before);
            Http.Reply repeat = again.post("/api/learners/" + learner + "/achievements",
                    Scenario.course("SNAP-3", "1"), ALICE);
            assertThat(repeat.status()).as(repeat.toString()).isEqualTo(200);
            assertThat(repeat.json().get("alreadyRecorded").asBoolean()).isTrue();
            Http.Reply certified = again.post("/api/learners/" + learner + "/achievements/" + first
                    + "/certification", "", BOB);
            assertThat(certified.status()).as(certified.toString()).isEqualTo(200);
            Http.Reply twice = again.post("/api/learners/" + learner + "/achievements/" + first
                    + "/certification", "", BOB);
            assertThat(twice.status()).isEqualTo(409);
            assertThat(ledger.eventCount(learner)).isEqualTo(27);
        }
    }
}
