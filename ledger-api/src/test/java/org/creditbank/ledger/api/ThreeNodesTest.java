package org.creditbank.ledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.creditbank.ledger.log.Checkpoint;
import org.creditbank.ledger.log.NoteKeys;
import org.creditbank.ledger.log.ProofVerification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditbank.ledger.api.Scenario.ALICE;
import static org.creditbank.ledger.api.Scenario.BOB;

/**
 * Three nodes on one PostgreSQL schema on loopback — two in this JVM, one a process of its own that can be killed
 * outright — with load on all of them, commands for the same learners on every node: one node is killed with SIGKILL
 * mid-load, and a rebuild on one node switches every node while all three take commands. Nothing acknowledged is lost
 * or doubled, no race answers 500, nothing that exists is refused as unknown, and the log stays one.
 */
class ThreeNodesTest {

    private static final int THREADS_PER_NODE = 2;
    private static final int LEARNERS = 3;

    private static RunningLedger first;
    private static RunningLedger second;
    private static ServerProcess third;
    private static NoteKeys.Verifier verifier;

    @BeforeAll
    static void threeNodes() {
        first = RunningLedger.onPostgres();
        Scenario.installCentreAndCity(first.http());
        second = RunningLedger.anotherNode(first);
        third = thirdNode();
        verifier = NoteKeys.Verifier.parse(first.http().get("/log/key").text().strip());
    }

    @BeforeEach
    void allThreeRunning() {
        if (!third.isAlive()) {
            third = thirdNode();
        }
    }

    @AfterAll
    static void stop() throws InterruptedException {
        third.close();
        second.close();
        first.close();
    }

    private static ServerProcess thirdNode() {
        Map<String, String> environment = new HashMap<>(RunningLedger.keyEnvironment());
        try {
            environment.putAll(Map.of("LEDGER_DB_URL", first.jdbcUrl(), "LEDGER_DB_USER", RunningLedger.POSTGRES_USER,
                    "LEDGER_DATA_DIR", Files.createTempDirectory("ledger-third-").toString(),
                    "LEDGER_RATE_LIMIT_PER_MINUTE", "0"));
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
        return ServerProcess.start(environment);
    }

    @Test
    void a_node_killed_mid_load_loses_no_acknowledged_write_and_the_log_stays_one() throws Exception {
        List<Http> nodes = List.of(first.http(), second.http(), third.http);
        List<String> learners = learnersKnownToEveryNode(nodes, "Killed");
        Load load = Load.start(nodes, learners, "K");
        try {
            load.awaitAcknowledged(30);
            third.kill();
            load.awaitAcknowledged(load.acknowledged() + 40);
        } finally {
            load.stop();
        }

        load.assertNoFailureButLostRaces();
        assertThat(load.movedAway()).as("clients of the killed node moved to a survivor").isPositive();
        load.assertStoredExactlyOnce(first);
        load.assertServedByEveryNode(List.of(first.http(), second.http()));

        // One log: every checkpoint signed by any node, and every one any node served during the load, is consistent
        // with the final one, and the final one covers every event.
        long events = first.eventCount();
        Checkpoint last = VerifiableLogTest.awaitCheckpoint(second.http(), verifier, events);
        assertThat(last.size()).isEqualTo(events);
        assertThat(first.jdbc().queryForObject("SELECT COUNT(*) FROM domain_event_entry e WHERE (SELECT COUNT(*)"
                + " FROM log_leaf l WHERE l.event_identifier = e.event_identifier) <> 1", Long.class))
                .as("events without exactly one leaf").isZero();
        List<String> signed = new ArrayList<>(first.jdbc().queryForList(
                "SELECT signed_note FROM log_checkpoint ORDER BY tree_size", String.class));
        signed.addAll(load.servedCheckpoints());
        Map<Long, String> rootBySize = new HashMap<>();
        for (String note : signed) {
            Checkpoint checkpoint = Checkpoint.open(note, verifier);
            String root = checkpoint.root().toString();
            assertThat(rootBySize.computeIfAbsent(checkpoint.size(), size -> root))
                    .as("one root for tree size " + checkpoint.size()).isEqualTo(root);
            if (checkpoint.size() > 0 && checkpoint.size() < last.size()) {
                JsonNode proof = first.http().get("/log/proof/consistency?from=" + checkpoint.size() + "&to="
                        + last.size()).json();
                ProofVerification.verifyConsistency(checkpoint.size(), last.size(), checkpoint.root(), last.root(),
                        VerifiableLogTest.hashes(proof));
            }
        }
        assertThat(load.servedCheckpoints()).as("checkpoints served by the nodes during the load").isNotEmpty();

        String key = first.http().get("/log/key").text().strip();
        LedgerCliProcess.Run verified = LedgerCliProcess.ledger("verify-log", "--db-url", first.jdbcUrl(),
                "--db-user", RunningLedger.POSTGRES_USER, "--key", key);
        assertThat(verified.exit()).as(verified.err()).isZero();
        assertThat(verified.out()).startsWith("VERIFIED log ledger.creditbank.local/log: " + events + " leaves");
        assertReplayEqualsLive(second.http());
        System.out.printf("ThreeNodesTest: %s; one node killed mid-load, %d checkpoints signed, the last of size %d%n",
                load.summary(), first.jdbc().queryForObject("SELECT COUNT(*) FROM log_checkpoint", Long.class),
                last.size());
    }

    @Test
    void a_rebuild_on_one_node_while_all_three_take_commands_switches_every_node_and_loses_nothing() throws Exception {
        List<Http> nodes = List.of(first.http(), second.http(), third.http);
        List<String> learners = learnersKnownToEveryNode(nodes, "Rebuilt");
        Map<String, String> target = new LinkedHashMap<>();
        for (String name : Scenario.readModels(first.http())) {
            String live = first.http().get("/api/admin/read-models/" + name).json().get("liveSlot").asText();
            target.put(name, live.equals("A") ? "B" : "A");
        }
        Load load = Load.start(nodes, learners, "R");
        try {
            load.awaitAcknowledged(20);
            Http.Reply started = first.http().post("/api/admin/read-models/rebuild", "");
            assertThat(started.status()).as(started.toString()).isEqualTo(202);
            // One rebuild of a read model at a time, whichever node is asked.
            Http.Reply again = third.http.post("/api/admin/read-models/archive/rebuild", "");
            Problems.problem(again, 409, "rebuild-in-progress");
            assertThat(again.json().get("detail").asText()).contains("on node " + ProcessHandle.current().pid() + "@");
            for (String name : Scenario.readModels(first.http())) {
                JsonNode status = Await.until(name + " to be rebuilt and switched", Duration.ofSeconds(90),
                        () -> first.http().get("/api/admin/read-models/" + name).json(),
                        s -> s.get("rebuild").get("state").asText().matches("SWITCHED|FAILED"));
                assertThat(status.get("rebuild").get("state").asText()).as(status.toString()).isEqualTo("SWITCHED");
            }
            int switchedAt = load.acknowledged();
            load.awaitAcknowledged(switchedAt + 20);
        } finally {
            load.stop();
        }

        load.assertNoFailureButLostRaces();
        for (Http node : nodes) {
            for (JsonNode status : node.get("/api/admin/read-models").json()) {
                assertThat(status.get("liveSlot").asText()).as(node.base() + " serves the rebuilt " + status)
                        .isEqualTo(target.get(status.get("readModel").asText()));
            }
        }
        load.assertStoredExactlyOnce(first);
        load.assertServedByEveryNode(nodes);
        System.out.printf("ThreeNodesTest: %s; every read model rebuilt on one node meanwhile%n", load.summary());
        assertReplayEqualsLive(third.http);
        // The other nodes follow the switched statistics: the old slot's processor is gone everywhere, and none
        // started it again from the first event.
        String statisticsOld = "statistics@" + (target.get("statistics").equals("A") ? "B" : "A");
        Await.until("the rebuilt statistics to be followed on every node", Duration.ofSeconds(30),
                () -> first.jdbc().queryForObject("SELECT COUNT(*) FROM token_entry WHERE processor_name = ?",
                        Long.class, "statistics@" + target.get("statistics")), count -> count == 1);
        assertThat(first.jdbc().queryForObject("SELECT COUNT(*) FROM token_entry WHERE processor_name = ?",
                Long.class, statisticsOld)).isZero();
    }

    /** Learners opened on the first node and recorded on by every node, so every node's cache holds each of them. */
    private static List<String> learnersKnownToEveryNode(List<Http> nodes, String name) {
        List<String> learners = new ArrayList<>();
        for (int i = 0; i < LEARNERS; i++) {
            String learner = Scenario.openAccount(nodes.get(0), ALICE, name + " " + i);
            for (int n = 0; n < nodes.size(); n++) {
                Scenario.record(nodes.get(n), ALICE, learner, Scenario.course("W-" + learner + "-" + n, "1"));
            }
            learners.add(learner);
        }
        return learners;
    }

    private static void assertReplayEqualsLive(Http node) {
        JsonNode check = node.get("/api/audit/replay-check").json();
        assertThat(check.get("equal").asBoolean()).as(check.toString()).isTrue();
        assertThat(check.get("readModels").findValuesAsText("readModel")).containsExactlyElementsOf(Scenario.readModels(node));
    }

    /**
     * Clients on every node: each records an achievement for one of the shared learners on its node and certifies it
     * on the next node, and moves to a live node when its own stops answering. Every reply is kept; a request whose
     * node died under it is neither acknowledged nor refused, and may or may not have been stored.
     */
    private static final class Load {
        private final List<Http> nodes;
        private final List<String> learners;
        private final String prefix;
        private final Set<Integer> dead = ConcurrentHashMap.newKeySet();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicInteger acknowledged = new AtomicInteger();
        private final AtomicInteger movedAway = new AtomicInteger();
        private final List<Http.Reply> replies = new CopyOnWriteArrayList<>();
        /** External id → (learner, achievement id) of every acknowledged recording. */
        private final Map<String, String[]> recorded = new ConcurrentHashMap<>();
        private final Set<String> certified = ConcurrentHashMap.newKeySet();
        /** External ids of recordings, and achievement ids of certifications, whose node died before it answered. */
        private final Set<String> unanswered = ConcurrentHashMap.newKeySet();
        private final List<String> checkpoints = new CopyOnWriteArrayList<>();
        private final ExecutorService pool;
        private final List<CompletableFuture<Void>> clients = new ArrayList<>();

        private Load(List<Http> nodes, List<String> learners, String prefix) {
            this.nodes = nodes;
            this.learners = learners;
            this.prefix = prefix;
            this.pool = Executors.newFixedThreadPool(nodes.size() * THREADS_PER_NODE + 1);
        }

        static Load start(List<Http> nodes, List<String> learners, String prefix) {
            Load load = new Load(nodes, learners, prefix);
            for (int t = 0; t < nodes.size() * THREADS_PER_NODE; t++) {
                int client = t;
                load.clients.add(CompletableFuture.runAsync(() -> load.client(client), load.pool));
            }
            load.clients.add(CompletableFuture.runAsync(load::watchCheckpoints, load.pool));
            return load;
        }

        private void client(int client) {
            int home = client % nodes.size();
            for (int round = 0; running.get(); round++) {
                home = live(home);
                String learner = learners.get((client + round) % learners.size());
                String externalId = prefix + "-" + client + "-" + round;
                Http.Reply reply;
                try {
                    reply = nodes.get(home).post("/api/learners/" + learner + "/achievements",
                            Scenario.course(externalId, "1"), ALICE);
                } catch (UncheckedIOException nodeDied) {
                    unanswered.add(externalId);
                    movedAway.incrementAndGet();
                    dead.add(home);
                    continue;
                }
                replies.add(reply);
                if (reply.status() != 201) {
                    continue;
                }
                String achievement = reply.json().get("achievementId").asText();
                recorded.put(externalId, new String[] {learner, achievement});
                acknowledged.incrementAndGet();
                int there = live(home + 1);
                try {
                    Http.Reply certification = nodes.get(there).post("/api/learners/" + learner + "/achievements/"
                            + achievement + "/certification", "", BOB);
                    replies.add(certification);
                    if (certification.status() == 200) {
                        certified.add(achievement);
                    }
                } catch (UncheckedIOException nodeDied) {
                    unanswered.add(achievement);
                    movedAway.incrementAndGet();
                    dead.add(there);
                }
            }
        }

        /** The next node from {@code node} on that has not died. */
        private int live(int node) {
            for (int i = 0; i < nodes.size(); i++) {
                int candidate = (node + i) % nodes.size();
                if (!dead.contains(candidate)) {
                    return candidate;
                }
            }
            throw new IllegalStateException("every node died");
        }

        private void watchCheckpoints() {
            Set<Integer> silent = new java.util.HashSet<>();
            while (running.get()) {
                for (int node = 0; node < nodes.size(); node++) {
                    if (silent.contains(node)) {
                        continue;
                    }
                    try {
                        Http.Reply reply = nodes.get(node).get("/log/checkpoint");
                        if (reply.status() == 200) {
                            checkpoints.add(reply.text());
                        }
                    } catch (UncheckedIOException nodeDied) {
                        silent.add(node);
                    }
                }
                java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
            }
        }

        int acknowledged() {
            return acknowledged.get();
        }

        int movedAway() {
            return movedAway.get();
        }

        /** How many recordings and certifications were acknowledged, lost races answered, requests cut off. */
        String summary() {
            return String.format("%d recordings and %d certifications acknowledged, %d lost races answered 409,"
                    + " %d requests cut off by a node's death", recorded.size(), certified.size(),
                    replies.stream().filter(reply -> reply.status() == 409).count(), movedAway.get());
        }

        List<String> servedCheckpoints() {
            return checkpoints;
        }

        void awaitAcknowledged(int count) {
            Await.until(count + " acknowledged recordings", Duration.ofSeconds(90), () -> {
                clients.stream().filter(CompletableFuture::isCompletedExceptionally).findFirst()
                        .ifPresent(CompletableFuture::join);
                return acknowledged.get();
            }, n -> n >= count);
        }

        void stop() throws Exception {
            running.set(false);
            CompletableFuture.allOf(clients.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            pool.shutdown();
        }

        /** Every answer is a success or a lost race to repeat: no 500, and no 404 for what exists. */
        void assertNoFailureButLostRaces() {
            assertThat(replies).isNotEmpty().allSatisfy(reply -> assertThat(reply.status()).as(reply.toString())
                    .isIn(200, 201, 409));
            replies.stream().filter(reply -> reply.status() == 409)
                    .forEach(reply -> Problems.problem(reply, 409, "concurrent-change"));
        }

        /**
         * Every acknowledged recording and certification is stored exactly once; a recording whose node died before
         * answering at most once; nothing else of this load.
         */
        void assertStoredExactlyOnce(RunningLedger ledger) {
            Map<String, Long> recordings = new HashMap<>();
            Map<String, Long> certifications = new HashMap<>();
            for (Map<String, Object> row : ledger.jdbc().queryForList("SELECT payload_type,"
                    + " convert_from(payload, 'UTF8')::jsonb ->> 'externalId' AS external_id,"
                    + " convert_from(payload, 'UTF8')::jsonb ->> 'achievementId' AS achievement"
                    + " FROM domain_event_entry WHERE aggregate_identifier = ANY (?)", (Object) learners.toArray(
                    String[]::new))) {
                String type = (String) row.get("payload_type");
                if (type.endsWith("AchievementRecorded") && ((String) row.get("external_id")).startsWith(prefix + "-")) {
                    recordings.merge((String) row.get("external_id"), 1L, Long::sum);
                } else if (type.endsWith("AchievementCertified")) {
                    certifications.merge((String) row.get("achievement"), 1L, Long::sum);
                }
            }
            recorded.forEach((externalId, stored) -> assertThat(recordings.get(externalId))
                    .as("acknowledged recording " + externalId).isEqualTo(1L));
            certified.forEach(achievement -> assertThat(certifications.get(achievement))
                    .as("acknowledged certification of " + achievement).isEqualTo(1L));
            recordings.forEach((externalId, count) -> {
                assertThat(recorded.containsKey(externalId) || unanswered.contains(externalId))
                        .as(externalId + " was sent and acknowledged, or its node died under it").isTrue();
                assertThat(count).as("stored once: " + externalId).isEqualTo(1L);
            });
            certifications.forEach((achievement, count) -> {
                assertThat(certified.contains(achievement) || unanswered.contains(achievement))
                        .as(achievement + " was certified and acknowledged, or its node died under it").isTrue();
                assertThat(count).as("certified once: " + achievement).isEqualTo(1L);
            });
        }

        /**
         * Every node's archive shows every acknowledged recording, certified where that was acknowledged (and either
         * way where the certifying node died before answering).
         */
        void assertServedByEveryNode(List<Http> serving) {
            for (Http node : serving) {
                for (String learner : learners) {
                    Map<String, String> statusById = new HashMap<>();
                    JsonNode archive = node.get("/api/learners/" + learner + "/archive?limit=500").json();
                    archive.get("achievements").forEach(a -> statusById.put(a.get("achievementId").asText(),
                            a.get("status").asText()));
                    recorded.values().stream().filter(r -> r[0].equals(learner)).forEach(r -> assertThat(
                            statusById.get(r[1])).as(node.base() + " shows " + r[1]).isIn(
                            certified.contains(r[1]) ? List.of("CERTIFIED") : unanswered.contains(r[1])
                                    ? List.of("RECORDED", "CERTIFIED") : List.of("RECORDED")));
                }
            }
        }
    }
}
