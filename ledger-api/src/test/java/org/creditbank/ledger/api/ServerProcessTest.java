package org.creditbank.ledger.api;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The server as an operator runs it: its own process, configured by LEDGER_* environment variables only. */
class ServerProcessTest {

    @Test
    void the_server_process_runs_on_postgres_from_ledger_environment_variables() throws Exception {
        String schema = "it_proc_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        JdbcTemplate admin = new JdbcTemplate(new DriverManagerDataSource(RunningLedger.POSTGRES_URL,
                RunningLedger.POSTGRES_USER, ""));
        admin.execute("CREATE SCHEMA " + schema);
        Path data = Files.createTempDirectory("ledger-process-");
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LedgerServer.class.getName())
                .redirectErrorStream(true)
                .redirectOutput(data.resolve("server.log").toFile());
        builder.environment().put("LEDGER_DB_URL", RunningLedger.POSTGRES_URL + "?currentSchema=" + schema);
        builder.environment().put("LEDGER_DB_USER", RunningLedger.POSTGRES_USER);
        builder.environment().put("LEDGER_DB_PASSWORD", "");
        builder.environment().put("LEDGER_PORT", String.valueOf(port));
        builder.environment().put("LEDGER_DATA_DIR", data.toString());
        Process server = builder.start();
        try {
            Http http = new Http("http://127.0.0.1:" + port);
            awaitHealthy(http, server, data.resolve("server.log"));
            String learner = Scenario.walkthrough(http);
            assertThat(http.get("/api/learners/" + learner).json().get("creditTotals").get(0).get("total")
                    .decimalValue()).isEqualByComparingTo("3.5");
            List<String> stored = admin.queryForList("SELECT DISTINCT aggregate_identifier FROM " + schema
                    + ".domain_event_entry", String.class);
            assertThat(stored).contains(learner, Scenario.CENTRE, Scenario.HANGZHOU);
            assertThat(data.resolve("identity-hash.key")).exists();
            assertThat(data.resolve("personal-data.key")).exists();
        } finally {
            server.destroy();
            if (!server.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
            admin.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private static void awaitHealthy(Http http, Process server, Path log) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            if (!server.isAlive()) {
                throw new AssertionError("the server exited: " + Files.readString(log));
            }
            try {
                if (http.get("/actuator/health").status() == 200) {
                    return;
                }
            } catch (java.io.UncheckedIOException notYetListening) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the server did not become healthy within 90 s: " + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
