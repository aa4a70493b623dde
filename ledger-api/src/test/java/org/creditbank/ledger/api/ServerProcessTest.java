package org.creditbank.ledger.api;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The server as an operator runs it: its own process, configured by LEDGER_* environment variables only. */
class ServerProcessTest {

    @Test
    void the_server_process_runs_on_postgres_from_ledger_environment_variables() throws Exception {
        String schema = "it_proc_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Map<String, String> environment = ServerProcess.onFreshPostgresSchema(schema);
        Path data = Path.of(environment.get("LEDGER_DATA_DIR"));
        JdbcTemplate admin = RunningLedger.postgresAdmin();
        try (ServerProcess server = ServerProcess.start(environment)) {
            Http http = server.http;
            String learner = Scenario.walkthrough(http);
            assertThat(http.get("/api/learners/" + learner).json().get("creditTotals").get(0).get("total")
                    .decimalValue()).isEqualByComparingTo("3.5");
            List<String> stored = admin.queryForList("SELECT DISTINCT aggregate_identifier FROM " + schema
                    + ".domain_event_entry", String.class);
            assertThat(stored).contains(learner, Scenario.CENTRE, Scenario.HANGZHOU);
            assertThat(http.get("/log/key").text().strip()).isEqualTo(
                    org.creditbank.ledger.log.NoteKeys.Signer.parse(RunningLedger.LOG_SIGNING_KEY).verifier()
                            .toString());
            assertThat(data.resolve("identity-hash.key")).as("no key is generated on PostgreSQL").doesNotExist();
            assertThat(data.resolve("log-signing.key")).doesNotExist();
        } finally {
            ServerProcess.dropSchema(schema);
        }
    }

    @Test
    void on_postgres_a_server_without_its_keys_stops_saying_which_to_set() throws Exception {
        String schema = "it_proc_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        JdbcTemplate admin = new JdbcTemplate(new DriverManagerDataSource(RunningLedger.POSTGRES_URL,
                RunningLedger.POSTGRES_USER, ""));
        admin.execute("CREATE SCHEMA " + schema);
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> ServerProcess.start(Map.of(
                            "LEDGER_DB_URL", RunningLedger.POSTGRES_URL + "?currentSchema=" + schema,
                            "LEDGER_DB_USER", RunningLedger.POSTGRES_USER,
                            "LEDGER_DATA_DIR", Files.createTempDirectory("ledger-nokeys-").toString())))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("the server exited")
                    .hasMessageContaining("on PostgreSQL every node must use the same key. Set LEDGER_");
        } finally {
            admin.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }
}
