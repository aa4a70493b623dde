package org.creditbank.ledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.creditbank.ledger.log.Checkpoint;
import org.creditbank.ledger.log.Hash;
import org.creditbank.ledger.log.leaf.LeafEnvelope;
import org.creditbank.ledger.log.NoteKeys;
import org.creditbank.ledger.log.ProofVerification;
import org.creditbank.ledger.log.Rfc6962;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditbank.ledger.api.Scenario.ALICE;

/** Every event becomes exactly one leaf; checkpoints are signed; every proof the server gives verifies offline. */
class VerifiableLogTest {

    @Test
    void every_event_is_one_leaf_under_a_signed_checkpoint_with_proofs_that_verify() {
        try (RunningLedger ledger = RunningLedger.onPostgres()) {
            Http http = ledger.http();
            String learner = Scenario.walkthrough(http);
            for (int i = 0; i < 20; i++) {
                Scenario.record(http, ALICE, learner, Scenario.course("LOG-" + i, "1"));
            }
            long events = ledger.eventCount();
            NoteKeys.Verifier verifier = NoteKeys.Verifier.parse(http.get("/log/key").text().strip());
            Checkpoint checkpoint = awaitCheckpoint(http, verifier, events);
            assertThat(checkpoint.origin()).isEqualTo("ledger.creditbank.local/log");

            assertThat(ledger.jdbc().queryForObject("SELECT COUNT(DISTINCT event_identifier) FROM log_leaf",
                    Long.class)).isEqualTo(events);
            List<Map<String, Object>> leaves = ledger.jdbc().queryForList("SELECT l.leaf_index, l.event_identifier,"
                    + " l.leaf_data, l.leaf_hash, e.payload, e.aggregate_identifier, e.sequence_number"
                    + " FROM log_leaf l JOIN domain_event_entry e ON e.event_identifier = l.event_identifier"
                    + " ORDER BY l.leaf_index");
            assertThat(leaves).hasSize((int) events);
            Map<String, Hash> lastOfAggregate = new HashMap<>();
            for (Map<String, Object> row : leaves) {
                String leafJson = new String((byte[]) row.get("leaf_data"), StandardCharsets.UTF_8);
                LeafEnvelope leaf = LeafEnvelope.parse(leafJson);
                Hash leafHash = Rfc6962.leafHash((byte[]) row.get("leaf_data"));
                assertThat(leafHash.bytes()).isEqualTo((byte[]) row.get("leaf_hash"));
                assertThat(leaf.payloadSha256()).isEqualTo(LeafEnvelope.payloadHash(
                        new String((byte[]) row.get("payload"), StandardCharsets.UTF_8)));
                assertThat(leaf.previousLeafHash()).as("chain of " + leaf.aggregateId())
                        .isEqualTo(lastOfAggregate.get(leaf.aggregateId()));
                lastOfAggregate.put(leaf.aggregateId(), leafHash);

                JsonNode proof = http.get("/log/proof/inclusion?event=" + row.get("event_identifier")).json();
                assertThat(proof.get("treeSize").asLong()).isEqualTo(checkpoint.size());
                ProofVerification.verifyInclusion(proof.get("leafIndex").asLong(), checkpoint.size(), leafHash,
                        hashes(proof), checkpoint.root());
            }

            for (int i = 0; i < 5; i++) {
                Scenario.record(http, ALICE, learner, Scenario.course("MORE-" + i, "1"));
            }
            Checkpoint later = awaitCheckpoint(http, verifier, events + 5);
            JsonNode consistency = http.get("/log/proof/consistency?from=" + checkpoint.size() + "&to="
                    + later.size()).json();
            ProofVerification.verifyConsistency(checkpoint.size(), later.size(), checkpoint.root(), later.root(),
                    hashes(consistency));
            assertThat(ledger.jdbc().queryForObject("SELECT COUNT(*) FROM log_checkpoint", Integer.class))
                    .isGreaterThanOrEqualTo(2);

            Http.Reply unknown = http.get("/log/proof/inclusion?event=no-such-event");
            assertThat(unknown.status()).isEqualTo(404);
            Http.Reply tooFar = http.get("/log/proof/consistency?from=1&to=" + (later.size() + 100));
            assertThat(tooFar.status()).isEqualTo(400);
            assertThat(tooFar.json().get("field").asText()).isEqualTo("to");
        }
    }

    static Checkpoint awaitCheckpoint(Http http, NoteKeys.Verifier verifier, long size) {
        String note = Await.until("a checkpoint of size " + size, Duration.ofSeconds(30),
                () -> http.get("/log/checkpoint"),
                reply -> reply.status() == 200 && Checkpoint.open(reply.text(), verifier).size() >= size).text();
        return Checkpoint.open(note, verifier);
    }

    static List<Hash> hashes(JsonNode proof) {
        return java.util.stream.StreamSupport.stream(proof.get("hashes").spliterator(), false)
                .map(node -> Hash.fromBase64(node.asText())).toList();
    }
}
