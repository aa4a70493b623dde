package org.creditbank.ledger.api;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditbank.ledger.api.Scenario.ALICE;

/**
 * The database gone for 30 seconds from under a running PostgreSQL ledger under load, as a network outage between
 * them: the ledger reaches PostgreSQL through a relay the test cuts (every connection reset, new ones refused) and
 * restores, while the shared PostgreSQL server runs on for the other tests. Every command answers
 * {@code 503 database-unavailable} within the configured connection timeout, health and readiness say DOWN while
 * liveness stays UP, and once the relay is back the same ledger, never restarted, takes commands again, with nothing
 * stored by a refused one and every acknowledged one stored once.
 */
class DatabaseOutageTest {

    /** The connection timeout of application.yml ({@code LEDGER_DB_CONNECTION_TIMEOUT_MS}). */
    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration MARGIN = Duration.ofSeconds(2);
    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final int CLIENTS = 2;

    private static Relay relay;
    private static RunningLedger ledger;

    @BeforeAll
    static void ledgerBehindRelay() {
        relay = new Relay(5432);
        String schema = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        ledger = RunningLedger.onPostgres(Map.of(
                "spring.flyway.schemas", schema,
                "spring.datasource.url", "jdbc:postgresql://127.0.0.1:" + relay.port() + "/test?currentSchema="
                        + schema));
        Scenario.installCentreAndCity(ledger.http());
    }

    @AfterAll
    static void stop() {
        relay.restore();
        ledger.close();
        relay.cut();
    }

    @Test
    void without_the_database_commands_answer_503_health_says_down_and_the_ledger_recovers_unrestarted() {
        Http http = ledger.http();
        String learner = Scenario.openAccount(http, ALICE, "Outage Li");
        long before = ledger.eventCount(learner);
        Scenario.record(http, ALICE, learner, Scenario.course("OUT-1", "1"));
        long perRecording = ledger.eventCount(learner) - before;
        long storedBeforeOutage = ledger.eventCount(learner);
        assertThat(health("/actuator/health").status()).isEqualTo(200);
        Load load = new Load(http, Scenario.openAccount(http, ALICE, "Outage Load"));
        load.awaitAcknowledged(5);

        relay.cut();
        long cut = System.nanoTime();

        // The first command finds its pooled connection reset.
        Duration toRefusal = refusedInTime(http, learner, "OUT-2");

        long asked = System.nanoTime();
        Http.Reply down = Await.until("health DOWN", CONNECTION_TIMEOUT.plus(MARGIN),
                () -> health("/actuator/health"), reply -> reply.status() == 503);
        Duration toHealthDown = since(asked);
        assertThat(down.json().get("status").asText()).isEqualTo("DOWN");
        Http.Reply notReady = health("/actuator/health/readiness");
        assertThat(notReady.status()).as(notReady.toString()).isEqualTo(503);
        assertThat(notReady.json().get("status").asText()).isEqualTo("DOWN");
        Http.Reply alive = health("/actuator/health/liveness");
        assertThat(alive.status()).as(alive.toString()).isEqualTo(200);
        assertThat(alive.json().get("status").asText()).isEqualTo("UP");
        // The pool is empty now (the health check found no connection): a command waits out the connection timeout.
        Duration toRefusalWithoutConnection = refusedInTime(http, learner, "OUT-3");
        // The outage lasts its 30 s while the clients keep sending.
        Await.until("the database to have been gone " + OUTAGE.toSeconds() + " s", OUTAGE.plus(MARGIN),
                () -> since(cut), gone -> gone.compareTo(OUTAGE) >= 0);
        long restoring = System.nanoTime();
        relay.restore();
        long restored = System.nanoTime();

        // The very command refused first is taken: it had left nothing behind to collide with.
        Http.Reply recorded = Await.until("the command taken again", Duration.ofSeconds(15),
                () -> http.post("/api/learners/" + learner + "/achievements", Scenario.course("OUT-2", "2"), ALICE),
                reply -> reply.status() != 503);
        Duration toRecovery = since(restored);
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        Http.Reply up = Await.until("health UP", Duration.ofSeconds(10),
                () -> health("/actuator/health"), reply -> reply.status() == 200);
        assertThat(up.json().get("status").asText()).isEqualTo("UP");
        assertThat(health("/actuator/health/readiness").status()).isEqualTo(200);

        // The refused request stored nothing: only the recording taken after recovery was added.
        assertThat(ledger.eventCount(learner)).isEqualTo(storedBeforeOutage + perRecording);

        int acknowledgedBeforeRestore = load.acknowledged();
        load.awaitAcknowledged(acknowledgedBeforeRestore + 5);
        List<Load.Answer> answers = load.stop();
        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isIn(201, 503));
        List<Load.Answer> duringOutage = answers.stream()
                .filter(answer -> answer.sent() > cut && answer.answered() < restoring).toList();
        assertThat(duringOutage).as("commands sent while the database was gone").hasSizeGreaterThan(CLIENTS * 5)
                .allSatisfy(answer -> {
                    assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
                    assertThat(answer.problem()).isEqualTo("urn:ledger:problem:database-unavailable");
                    assertThat(Duration.ofNanos(answer.answered() - answer.sent()))
                            .isLessThan(CONNECTION_TIMEOUT.plus(MARGIN));
                });
        // Every acknowledged recording is stored once; a refused one is stored only if the outage cut its commit's
        // answer off (a command refused before it reached the database stored nothing, as above), and never twice.
        Map<String, Long> stored = new java.util.HashMap<>();
        ledger.jdbc().queryForList("SELECT convert_from(payload, 'UTF8')::jsonb ->> 'externalId' FROM"
                + " domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE '%AchievementRecorded'",
                String.class, load.learner()).forEach(id -> stored.merge(id, 1L, Long::sum));
        answers.stream().filter(answer -> answer.status() == 201).forEach(answer ->
                assertThat(stored.get(answer.externalId())).as("acknowledged " + answer.externalId()).isEqualTo(1L));
        assertThat(stored.values()).allSatisfy(count -> assertThat(count).isEqualTo(1L));
        long refusedYetStored = answers.stream().filter(answer -> answer.status() == 503)
                .filter(answer -> stored.containsKey(answer.externalId())).count();
        assertThat(refusedYetStored).as("refused commands whose commit the cut overtook").isLessThanOrEqualTo(CLIENTS);
        System.out.printf("under load (%d clients): %d commands answered during the %d s outage, all 503, the slowest"
                + " in %d ms; %d acknowledged in all%n", CLIENTS, duringOutage.size(), OUTAGE.toSeconds(),
                duringOutage.stream().mapToLong(a -> a.answered() - a.sent()).max().orElse(0) / 1_000_000,
                answers.stream().filter(a -> a.status() == 201).count());
        System.out.printf("database gone: 503 in %d ms (connection reset) and %d ms (none to be had), health DOWN"
                        + " in %d ms; back: a command taken %d ms after the return%n", toRefusal.toMillis(),
                toRefusalWithoutConnection.toMillis(), toHealthDown.toMillis(), toRecovery.toMillis());
    }

    /** Clients recording on one learner, one after another, for as long as the test runs; every answer kept. */
    private static final class Load {
        record Answer(String externalId, long sent, long answered, int status, String problem) {
        }

        private final Http http;
        private final String learner;
        private final java.util.concurrent.atomic.AtomicBoolean running =
                new java.util.concurrent.atomic.AtomicBoolean(true);
        private final List<Answer> answers = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final List<java.util.concurrent.CompletableFuture<Void>> clients = new java.util.ArrayList<>();
        private final java.util.concurrent.ExecutorService pool =
                java.util.concurrent.Executors.newFixedThreadPool(CLIENTS);

        Load(Http http, String learner) {
            this.http = http;
            this.learner = learner;
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.add(java.util.concurrent.CompletableFuture.runAsync(() -> send(client), pool));
            }
        }

        String learner() {
            return learner;
        }

        private void send(int client) {
            for (int i = 0; running.get(); i++) {
                String externalId = "LOAD-" + client + "-" + i;
                long sent = System.nanoTime();
                Http.Reply reply = http.post("/api/learners/" + learner + "/achievements",
                        Scenario.course(externalId, "1"), ALICE);
                String problem = reply.status() >= 400 ? reply.json().path("type").asText() : null;
                answers.add(new Answer(externalId, sent, System.nanoTime(), reply.status(), problem));
            }
        }

        int acknowledged() {
            return (int) answers.stream().filter(answer -> answer.status() == 201).count();
        }

        void awaitAcknowledged(int count) {
            Await.until(count + " acknowledged recordings", Duration.ofSeconds(30), () -> {
                clients.stream().filter(java.util.concurrent.CompletableFuture::isCompletedExceptionally)
                        .findFirst().ifPresent(java.util.concurrent.CompletableFuture::join);
                return acknowledged();
            }, n -> n >= count);
        }

        List<Answer> stop() {
            running.set(false);
            clients.forEach(java.util.concurrent.CompletableFuture::join);
            pool.shutdown();
            return List.copyOf(answers);
        }
    }

    private static Duration refusedInTime(Http http, String learner, String achievement) {
        long sent = System.nanoTime();
        Http.Reply refused = http.post("/api/learners/" + learner + "/achievements",
                Scenario.course(achievement, "2"), ALICE);
        Duration answeredIn = since(sent);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asText()).isEqualTo("urn:ledger:problem:database-unavailable");
        assertThat(refused.header("Retry-After")).isEqualTo("5");
        assertThat(answeredIn).isLessThan(CONNECTION_TIMEOUT.plus(MARGIN));
        return answeredIn;
    }

    private static Http.Reply health(String path) {
        return ledger.http().get(path, Http.AS, Http.ANONYMOUS);
    }

    private static Duration since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }

    /**
     * A TCP relay on a loopback port to a local port: cut, it resets every relayed connection and refuses new ones
     * (the port closed); restored, it listens on the same port again.
     */
    static final class Relay {

        private final int target;
        private final int port;
        private final Set<Socket> open = ConcurrentHashMap.newKeySet();
        private volatile ServerSocket listener;

        Relay(int target) {
            this.target = target;
            this.port = Identity.freePort();
            restore();
        }

        int port() {
            return port;
        }

        synchronized void restore() {
            if (listener != null) {
                return;
            }
            try {
                ServerSocket socket = new ServerSocket();
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                listener = socket;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ServerSocket accepting = listener;
            daemon(() -> accept(accepting));
        }

        synchronized void cut() {
            close(listener);
            listener = null;
            open.forEach(Relay::close);
            open.clear();
        }

        private void accept(ServerSocket from) {
            while (!from.isClosed()) {
                Socket client;
                try {
                    client = from.accept();
                } catch (IOException closed) {
                    return;
                }
                try {
                    Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
                    open.add(client);
                    open.add(server);
                    daemon(() -> pump(client, server));
                    daemon(() -> pump(server, client));
                } catch (IOException unreachable) {
                    close(client);
                }
            }
        }

        private void pump(Socket from, Socket to) {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException cut) {
                // The relay was cut or one side hung up: the other side is closed below.
            } finally {
                close(from);
                close(to);
                open.remove(from);
                open.remove(to);
            }
        }

        private static void daemon(Runnable work) {
            Thread thread = new Thread(work, "database-relay");
            thread.setDaemon(true);
            thread.start();
        }

        private static void close(java.io.Closeable closeable) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (IOException ignored) {
                // Closing what is already gone.
            }
        }
    }
}
