package org.creditbank.ledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The benchmark subject (LEDGER_IDENTITY_BENCHMARK_SUBJECT) switches token validation off for requests without a
 * token, on the embedded default only: the principal's appointments and the domain's rules still decide, a request
 * with a token is still validated, and a PostgreSQL server refuses to start with it.
 */
@ExtendWith(OutputCaptureExtension.class)
class BenchmarkSubjectTest {

    private static final String SUBJECT = "bench-officer";
    private static final String[] NO_TOKEN = {Http.AS, Http.ANONYMOUS};

    @Test
    void on_the_embedded_default_a_request_without_a_token_acts_as_the_benchmark_subject(CapturedOutput output)
            throws Exception {
        try (RunningLedger ledger = RunningLedger.embedded(Map.of("ledger.identity.benchmark-subject", SUBJECT))) {
            Http http = ledger.http();
            assertThat(output.getOut()).contains("BENCHMARK MODE: token validation is OFF")
                    .contains("signed in as \"" + SUBJECT + "\"");
            Scenario.created(http.post("/api/branches", Map.of("code", Scenario.CENTRE, "name", "Zhejiang Credit Bank",
                    "tier", "PROVINCIAL_CENTRE", "divisionCode", "330000")));
            Scenario.created(http.post("/api/branches/" + Scenario.CENTRE + "/officers", Map.of("officerId", "bench",
                    "name", "Bench Officer", "subject", SUBJECT, "roles", List.of("OFFICER", "CERTIFIER"))));

            String learner = Scenario.openAccount(http, NO_TOKEN, "Bench Learner");
            String achievement = Scenario.record(http, NO_TOKEN, learner, Scenario.course("BENCH-1", "2"));
            JsonNode meta = Http.JSON.readTree(new String(ledger.jdbc().queryForObject("SELECT meta_data FROM"
                    + " domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number DESC LIMIT 1", byte[].class,
                    learner), StandardCharsets.UTF_8));
            assertThat(meta.get("subject").asText()).isEqualTo(SUBJECT);
            assertThat(meta.get("officerId").asText()).isEqualTo("bench");
            assertThat(meta.get("branchCode").asText()).isEqualTo(Scenario.CENTRE);

            long events = ledger.eventCount();
            Http.Reply fourEyes = http.post("/api/learners/" + learner + "/achievements/" + achievement
                    + "/certification", "", NO_TOKEN);
            assertThat(fourEyes.status()).as("the domain's rules still decide: %s", fourEyes).isEqualTo(403);
            Http.Reply notOperator = http.get("/api/admin/read-models", NO_TOKEN);
            assertThat(notOperator.status()).as("no role beyond the subject's: %s", notOperator).isEqualTo(403);
            Http.Reply badToken = http.get("/api/learners/" + learner, "Authorization", "Bearer not-a-token");
            assertThat(badToken.status()).as("a token is still validated: %s", badToken).isEqualTo(401);
            assertThat(http.get("/api/learners/" + learner, Http.AS, Identity.AUDITOR).status()).isEqualTo(200);
            assertThat(ledger.eventCount()).isEqualTo(events);
        }
    }

    @Test
    void a_server_on_postgres_with_a_benchmark_subject_refuses_to_start() throws Exception {
        String schema = "it_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Map<String, String> environment = new HashMap<>(ServerProcess.onFreshPostgresSchema(schema));
        environment.put("LEDGER_IDENTITY_BENCHMARK_SUBJECT", SUBJECT);
        try {
            assertThatThrownBy(() -> ServerProcess.start(environment).close())
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("the server exited")
                    .hasMessageContaining("LEDGER_IDENTITY_BENCHMARK_SUBJECT is set")
                    .hasMessageContaining("refuses to run it on PostgreSQL");
            assertThat(RunningLedger.postgresAdmin().queryForObject("SELECT COUNT(*) FROM information_schema.tables"
                    + " WHERE table_schema = ?", Integer.class, schema)).as("refused before the database").isZero();
        } finally {
            ServerProcess.dropSchema(schema);
        }
    }
}
