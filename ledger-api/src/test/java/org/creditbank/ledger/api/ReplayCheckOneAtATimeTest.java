package org.creditbank.ledger.api;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One replay check at a time: while one runs, a second is refused 409 and nothing waits behind it; once it has
 * answered, the next may run.
 */
class ReplayCheckOneAtATimeTest {

    private final RunningLedger ledger = SharedLedger.get();
    private final Http http = ledger.http();

    @Test
    void a_second_replay_check_while_one_runs_is_refused() throws Exception {
        JdbcTemplate jdbc = ledger.jdbc();
        List<String> scratch = jdbc.queryForList("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
                + " AND tablename LIKE '%\\_scratch'", String.class);
        assertThat(scratch).isNotEmpty();
        CompletableFuture<Http.Reply> first;
        // Someone holds the scratch tables: the first check has taken its turn and waits at its first write there.
        try (Connection holder = DriverManager.getConnection(ledger.jdbcUrl(), RunningLedger.POSTGRES_USER, "");
             Statement lock = holder.createStatement()) {
            holder.setAutoCommit(false);
            lock.execute("LOCK TABLE " + String.join(", ", scratch) + " IN ACCESS EXCLUSIVE MODE");
            first = CompletableFuture.supplyAsync(() -> http.get("/api/audit/replay-check?readModel=archive"));
            Await.until("the first check to wait for the scratch tables", Duration.ofSeconds(30),
                    () -> waitingForScratch(jdbc), waiting -> waiting > 0);

            Http.Reply second = http.get("/api/audit/replay-check", Http.AS, Identity.AUDITOR);
            assertThat(second.status()).as(second.toString()).isEqualTo(409);
            assertThat(second.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(second.json().get("type").asText()).isEqualTo("urn:ledger:problem:replay-check-running");
            assertThat(second.json().get("field").asText()).isEqualTo("readModel");
            assertThat(first).as("the first check still runs").isNotDone();
            holder.rollback();
        }
        Http.Reply answered = first.get(60, TimeUnit.SECONDS);
        assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
        assertThat(answered.json().get("readModels").get(0).get("readModel").asText()).isEqualTo("archive");
        assertThat(http.get("/api/audit/replay-check?readModel=archive").status())
                .as("the turn is given back once a check has answered").isEqualTo(200);
    }

    /** Requests for a lock on this ledger's scratch tables that are waiting. */
    private static long waitingForScratch(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE NOT l.granted"
                + " AND n.nspname = current_schema() AND c.relname LIKE '%\\_scratch'", Long.class);
    }
}
