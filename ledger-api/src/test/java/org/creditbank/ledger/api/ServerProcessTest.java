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
        JdbcTemplate admin = new JdbcTemplate(new DriverManagerDataSource(RunningLedger.POSTGRES_URL,
                RunningLedger.POSTGRES_USER, ""));
        admin.execute("CREATE SCHEMA " + schema);
        Path data = Files.createTempDirectory("ledger-process-");
        try (ServerProcess server = ServerProcess.start(Map.of(
                "LEDGER_DB_URL", RunningLedger.POSTGRES_URL + "?currentSchema=" + schema,
                "LEDGER_DB_USER", RunningLedger.POSTGRES_USER,
                "LEDGER_DB_PASSWORD", "",
                "LEDGER_DATA_DIR", data.toString()))) {
            Http http = server.http;
            String learner = Scenario.walkthrough(http);
            assertThat(http.get("/api/learners/" + learner).json().get("creditTotals").get(0).get("total")
                    .decimalValue()).isEqualByComparingTo("3.5");
            List<String> stored = admin.queryForList("SELECT DISTINCT aggregate_identifier FROM " + schema
                    + ".domain_event_entry", String.class);
            assertThat(stored).contains(learner, Scenario.CENTRE, Scenario.HANGZHOU);
            assertThat(data.resolve("identity-hash.key")).exists();
            assertThat(data.resolve("personal-data.key")).exists();
            assertThat(data.resolve("log-signing.key")).exists();
        } finally {
            admin.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }
}
