package org.creditbank.ledger.api;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.creditbank.ledger.api.Scenario.ALICE;
import static org.creditbank.ledger.api.Scenario.BOB;

/**
 * Two nodes on one PostgreSQL schema, each with its own cache of the aggregates it has used: a race lost to the other
 * node is repeated or answered {@code 409 concurrent-change}, never 500; a node never refuses on what it had cached
 * when the other node has moved on; and a duplicate sequence number is a concurrency failure on every store.
 */
class SeveralNodesTest {

    private static final int THREADS_PER_NODE = 2;
    private static final int ROUNDS = 6;
    private static final int LEARNERS = 2;

    private static RunningLedger first;
    private static RunningLedger second;

    @BeforeAll
    static void twoNodes() {
        first = RunningLedger.onPostgres();
        Scenario.installCentreAndCity(first.http());
        second = RunningLedger.anotherNode(first);
    }

    @AfterAll
    static void stop() {
        second.close();
        first.close();
    }

    @Test
    void each_node_decides_on_what_the_other_stored() {
        Http a = first.http();
        Http b = second.http();
        String learner = Scenario.openAccount(a, ALICE, "Two Nodes");

        // B appends to the account A opened and holds in its cache: A's next append is decided on B's event too.
        String onB = Scenario.record(b, ALICE, learner, Scenario.course("B-1", "1"));
        String onA = Scenario.record(a, ALICE, learner, Scenario.course("A-1", "2"));

        // B has the account cached without A's achievement: it still certifies it.
        Http.Reply certified = b.post(certification(learner, onA), "", BOB);
        assertThat(certified.status()).as(certified.toString()).isEqualTo(200);
        assertThat(certified.json().get("status").asText()).isEqualTo("CERTIFIED");
        // And A, whose copy lacks that certification, sees it when it certifies the other one.
        Http.Reply again = a.post(certification(learner, onB), "", BOB);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);

        assertThat(first.jdbc().queryForList("SELECT sequence_number FROM domain_event_entry"
                + " WHERE aggregate_identifier = ? ORDER BY sequence_number", Long.class, learner))
                .containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(stored(learner, "AchievementRecorded")).containsExactlyInAnyOrder(onA, onB);
        assertThat(stored(learner, "AchievementCertified")).containsExactlyInAnyOrder(onA, onB);
        assertThat(b.get("/api/learners/" + learner).json().get("creditTotals").get(0).get("total").decimalValue())
                .isEqualByComparingTo("3");
    }

    @Test
    void racing_nodes_store_every_acknowledged_write_once_and_answer_no_server_error() throws Exception {
        List<String> learners = new ArrayList<>();
        for (int i = 0; i < LEARNERS; i++) {
            learners.add(Scenario.openAccount(first.http(), ALICE, "Raced " + i));
        }
        // Both nodes know every learner before the race, so each decides on a copy the other makes stale.
        Map<String, String> warmUps = new java.util.HashMap<>();
        for (String learner : learners) {
            warmUps.put(learner, Scenario.record(second.http(), ALICE, learner, Scenario.course("W-" + learner, "1")));
        }
        List<Attempt> attempts = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(2 * THREADS_PER_NODE);
        try {
            List<CompletableFuture<List<Attempt>>> threads = new ArrayList<>();
            for (int t = 0; t < 2 * THREADS_PER_NODE; t++) {
                int thread = t;
                threads.add(CompletableFuture.supplyAsync(() -> race(thread, learners), pool));
            }
            for (CompletableFuture<List<Attempt>> thread : threads) {
                attempts.addAll(thread.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        List<Http.Reply> replies = attempts.stream().flatMap(a -> a.replies().stream()).toList();
        assertThat(replies).hasSizeGreaterThanOrEqualTo(2 * THREADS_PER_NODE * ROUNDS);
        assertThat(replies).allSatisfy(reply -> assertThat(reply.status()).as(reply.toString()).isIn(200, 201, 409));
        replies.stream().filter(reply -> reply.status() == 409)
                .forEach(reply -> Problems.problem(reply, 409, "concurrent-change"));
        for (String learner : learners) {
            List<String> recorded = new ArrayList<>(List.of(warmUps.get(learner)));
            attempts.stream().filter(a -> a.learner().equals(learner) && a.recorded() != null)
                    .forEach(a -> recorded.add(a.recorded()));
            List<String> certified = attempts.stream().filter(a -> a.learner().equals(learner) && a.certified())
                    .map(Attempt::recorded).toList();
            assertThat(stored(learner, "AchievementRecorded")).as("recorded on " + learner)
                    .containsExactlyInAnyOrderElementsOf(recorded);
            assertThat(stored(learner, "AchievementCertified")).as("certified on " + learner)
                    .containsExactlyInAnyOrderElementsOf(certified);
            assertThat(first.eventCount(learner)).isEqualTo(1 + recorded.size() + certified.size());
        }
    }

    @Test
    void a_duplicate_sequence_number_on_postgresql_is_a_concurrency_failure() {
        assertDuplicatesAreConcurrencyFailures(first);
    }

    @Test
    void a_duplicate_sequence_number_on_the_embedded_store_is_a_concurrency_failure() {
        try (RunningLedger embedded = RunningLedger.embedded()) {
            Scenario.installCentreAndCity(embedded.http());
            assertDuplicatesAreConcurrencyFailures(embedded);
        }
    }

    private static void assertDuplicatesAreConcurrencyFailures(RunningLedger ledger) {
        String learner = Scenario.openAccount(ledger.http(), ALICE, "Duplicate");
        Scenario.record(ledger.http(), ALICE, learner, Scenario.course("DUP-1", "1"));
        EventStorageEngine store = ledger.bean(EventStorageEngine.class);
        long before = ledger.eventCount();

        assertThatThrownBy(() -> store.appendEvents(event(learner, 1))).isInstanceOf(ConcurrencyException.class);
        assertThatThrownBy(() -> store.appendEvents(event(learner, 0)))
                .isInstanceOf(AggregateStreamCreationException.class);
        assertThat(ledger.eventCount()).isEqualTo(before);
    }

    private static GenericDomainEventMessage<Map<String, String>> event(String learner, long sequenceNumber) {
        return new GenericDomainEventMessage<>("LearnerAccount", learner, sequenceNumber, Map.of("note", "duplicate"));
    }

    /** One recording and, when it was stored, its certification on the other node. */
    private record Attempt(String learner, String recorded, boolean certified, List<Http.Reply> replies) {
    }

    private static List<Attempt> race(int thread, List<String> learners) {
        Http here = (thread % 2 == 0 ? first : second).http();
        Http there = (thread % 2 == 0 ? second : first).http();
        List<Attempt> attempts = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            String learner = learners.get(round % learners.size());
            Http.Reply recorded = here.post("/api/learners/" + learner + "/achievements",
                    Scenario.course("R-" + thread + "-" + round, "1"), ALICE);
            if (recorded.status() != 201) {
                attempts.add(new Attempt(learner, null, false, List.of(recorded)));
                continue;
            }
            String id = recorded.json().get("achievementId").asText();
            Http.Reply certified = there.post(certification(learner, id), "", BOB);
            attempts.add(new Attempt(learner, id, certified.status() == 200, List.of(recorded, certified)));
        }
        return attempts;
    }

    private static String certification(String learner, String achievement) {
        return "/api/learners/" + learner + "/achievements/" + achievement + "/certification";
    }

    /** The achievement ids of a learner's events of one type, once per event. */
    private static List<String> stored(String learner, String eventType) {
        return first.jdbc().queryForList("SELECT convert_from(payload, 'UTF8')::jsonb ->> 'achievementId'"
                + " FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE ?", String.class,
                learner, "%" + eventType);
    }
}
