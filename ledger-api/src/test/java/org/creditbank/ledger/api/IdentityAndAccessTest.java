package org.creditbank.ledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.creditbank.ledger.api.Scenario.ALICE;
import static org.creditbank.ledger.api.Scenario.ERIN;
import static org.creditbank.ledger.api.Scenario.HANGZHOU;
import static org.creditbank.ledger.api.Scenario.NINGBO;
import static org.creditbank.ledger.api.Scenario.XIHU;

/**
 * Who signs in as whom: officers through their appointments (one person at several branches names the branch),
 * system clients within their scopes, learners on their own account only; every event says who acted.
 */
class IdentityAndAccessTest {

    private static RunningLedger ledger;
    private static Http http;

    @BeforeAll
    static void network() {
        ledger = RunningLedger.onPostgres();
        http = ledger.http();
        Scenario.installNetwork(http);
        // Mei serves Hangzhou and Ningbo: one person, one officer id, two appointments.
        Scenario.created(http.post("/api/branches/" + HANGZHOU + "/officers", Scenario.officer("mei", "Mei Zhou"),
                ERIN));
        Scenario.created(http.post("/api/branches/" + NINGBO + "/officers", Scenario.officer("mei", "Mei Zhou"),
                ERIN));
        Scenario.created(http.post("/api/branches/" + HANGZHOU + "/officers", Map.of("officerId", "hz-reader",
                "name", "Hangzhou reader", "subject", "hz-reader", "roles", List.of("OFFICER"), "system", true), ERIN));
    }

    @AfterAll
    static void stop() {
        ledger.close();
    }

    @Test
    void an_officer_of_several_branches_names_the_branch_and_only_one_they_hold() {
        Http.Reply unnamed = http.post("/api/learners", Scenario.newPerson("Unnamed"), Http.AS, "mei");
        assertThat(unnamed.status()).as(unnamed.toString()).isEqualTo(400);
        assertThat(unnamed.json().get("field").asText()).isEqualTo("Ledger-Branch");
        assertThat(unnamed.json().get("detail").asText()).contains("HZ-BRANCH, NB-BRANCH");

        String learner = Scenario.created(http.post("/api/learners", Scenario.newPerson("Named"), Http.AS, "mei",
                "Ledger-Branch", NINGBO)).json().get("learnerNumber").asText();
        assertThat(learner).startsWith("330200");

        long events = ledger.eventCount();
        Http.Reply notHeld = http.post("/api/learners", Scenario.newPerson("Elsewhere"), Http.AS, "mei",
                "Ledger-Branch", XIHU);
        assertThat(notHeld.status()).as(notHeld.toString()).isEqualTo(403);
        assertThat(notHeld.json().get("detail").asText()).isEqualTo("officer mei is not an officer of branch "
                + XIHU);
        assertThat(ledger.eventCount()).isEqualTo(events);
    }

    @Test
    void every_event_says_who_acted_subject_role_officer_branch_and_correlation_id() throws Exception {
        String learner = Scenario.created(http.post("/api/learners", Scenario.newPerson("Meta"), Http.AS, "mei",
                "Ledger-Branch", HANGZHOU, "Correlation-Id", "who-1")).json().get("learnerNumber").asText();
        JsonNode meta = Http.JSON.readTree(new String(ledger.jdbc().queryForObject("SELECT meta_data FROM"
                + " domain_event_entry WHERE aggregate_identifier = ?", byte[].class, learner), StandardCharsets.UTF_8));
        assertThat(meta.get("subject").asText()).isEqualTo("mei");
        assertThat(meta.get("role").asText()).isEqualTo("OFFICER");
        assertThat(meta.get("officerId").asText()).isEqualTo("mei");
        assertThat(meta.get("branchCode").asText()).isEqualTo(HANGZHOU);
        assertThat(meta.get("correlationId").asText()).isEqualTo("who-1");
    }

    @Test
    void a_system_client_acts_only_with_a_token_granting_the_write_scope() {
        long events = ledger.eventCount();
        String readOnly = ledger.identity().clientToken("hz-reader", "ledger.read");
        Http.Reply refused = http.post("/api/learners", Scenario.newPerson("By system"), "Authorization",
                "Bearer " + readOnly);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.json().get("detail").asText()).contains("scope ledger.write");
        assertThat(ledger.eventCount()).isEqualTo(events);

        String writing = ledger.identity().clientToken("hz-reader", "ledger.read ledger.write");
        String learner = Scenario.created(http.post("/api/learners", Scenario.newPerson("By system"),
                "Authorization", "Bearer " + writing)).json().get("learnerNumber").asText();
        assertThat(http.get("/api/learners/" + learner, "Authorization", "Bearer " + readOnly).status())
                .isEqualTo(200);
    }

    @Test
    void a_learner_reads_and_keeps_their_own_account_and_nobody_elses() {
        Map<String, Object> person = Scenario.newPerson("Lin Self");
        person.put("subject", "lin");
        String own = Scenario.created(http.post("/api/learners", person, ALICE)).json().get("learnerNumber").asText();
        String other = Scenario.openAccount(http, ALICE, "Somebody Else");

        assertThat(http.get("/api/learners/" + own, Http.AS, "lin").status()).isEqualTo(200);
        assertThat(http.get("/api/learners/" + own + "/archive", Http.AS, "lin").status()).isEqualTo(200);
        Http.Reply elsewhere = http.get("/api/learners/" + other, Http.AS, "lin");
        assertThat(elsewhere.status()).as(elsewhere.toString()).isEqualTo(403);
        assertThat(elsewhere.json().get("field").asText()).isEqualTo("learnerNumber");

        Http.Reply updated = http.put("/api/learners/" + own + "/contact", Map.of("email", "lin@example.org"),
                Http.AS, "lin");
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().get("contact").get("email").asText()).isEqualTo("lin@example.org");
        long events = ledger.eventCount();
        assertThat(http.put("/api/learners/" + other + "/contact", Map.of("email", "lin@example.org"), Http.AS,
                "lin").status()).isEqualTo(403);
        assertThat(ledger.eventCount()).isEqualTo(events);
    }

    @Test
    void an_administrator_below_cannot_take_over_an_officer_who_serves_above() {
        Scenario.created(http.post("/api/branches/" + XIHU + "/officers", Scenario.officer("erin", "Erin Zhao"),
                ALICE));
        long events = ledger.eventCount();
        Http.Reply takeover = http.put("/api/branches/" + XIHU + "/officers/erin/subject", Map.of("subject",
                "mallory"), ALICE);
        assertThat(takeover.status()).as(takeover.toString()).isEqualTo(403);
        assertThat(takeover.json().get("type").asText()).isEqualTo("urn:ledger:problem:outside-jurisdiction");
        assertThat(ledger.eventCount()).isEqualTo(events);
        assertThat(http.get("/api/branches", ERIN).status()).isEqualTo(200);
    }

    @Test
    void recording_on_a_learner_elsewhere_grants_no_read_until_certified() {
        String learner = Scenario.openAccount(http, ALICE, "Read Guarded");
        String id = Scenario.record(http, Scenario.CAROL, learner, Scenario.course("RG-1", "1"));
        assertThat(http.get("/api/learners/" + learner, Scenario.CAROL).status()).isEqualTo(403);
        assertThat(http.put("/api/learners/" + learner + "/contact", Map.of("email", "x@example.org"),
                Scenario.CAROL).status()).isEqualTo(403);
        Scenario.created(http.post("/api/branches/" + NINGBO + "/officers", Scenario.officer("nina", "Nina Bao"),
                ERIN));
        assertThat(http.post("/api/learners/" + learner + "/achievements/" + id + "/certification", "", Http.AS,
                "nina").status()).isEqualTo(200);
        assertThat(http.get("/api/learners/" + learner, Scenario.CAROL).status()).isEqualTo(200);
    }

    @Test
    void a_merge_moves_the_learners_sign_in_to_the_survivor() {
        Map<String, Object> person = Scenario.newPerson("Ming Twice");
        person.put("subject", "ming");
        String merged = Scenario.created(http.post("/api/learners", person, ALICE)).json().get("learnerNumber")
                .asText();
        String survivor = Scenario.openAccount(http, ALICE, "Ming Twice");
        assertThat(http.post("/api/learners/" + survivor + "/merges", Map.of("mergedLearnerNumber", merged,
                "reason", "one person"), ALICE).status()).isEqualTo(200);
        assertThat(http.get("/api/learners/" + survivor, Http.AS, "ming").status()).isEqualTo(200);
        assertThat(http.put("/api/learners/" + survivor + "/contact", Map.of("email", "ming@example.org"), Http.AS,
                "ming").status()).isEqualTo(200);
    }

    @Test
    void a_subject_nobody_bound_reads_and_does_nothing() {
        String learner = Scenario.openAccount(http, ALICE, "Unreachable");
        assertThat(http.get("/api/learners/" + learner, Http.AS, "stranger").status()).isEqualTo(403);
        Http.Reply act = http.post("/api/learners", Scenario.newPerson("Stranger's"), Http.AS, "stranger");
        assertThat(act.status()).isEqualTo(403);
        assertThat(act.json().get("detail").asText()).contains("bound to no officer appointment");
    }

    @Test
    void the_token_command_signs_in_at_the_identity_provider_as_a_browser_would() {
        LedgerCliProcess.Run token = LedgerCliProcess.ledger("token", "erin", "--issuer",
                ledger.identity().issuer().toString(), "--password-file",
                ledger.identity().passwordFile().toString());
        assertThat(token.exit()).as(token.err()).isZero();
        assertThat(http.get("/api/branches", "Authorization", "Bearer " + token.out().strip()).status())
                .isEqualTo(200);

        LedgerCliProcess.Run wrong = LedgerCliProcess.ledger("token", "--issuer",
                ledger.identity().issuer().toString());
        assertThat(wrong.exit()).isEqualTo(2);
        assertThat(wrong.err().strip()).isEqualTo("ledger: name a USER or a --client, one of the two");
    }

    @Test
    void a_ledger_on_postgres_without_an_issuer_refuses_to_start_and_says_why() {
        assertThatThrownBy(() -> RunningLedger.onPostgres(Map.of("ledger.identity.issuer", "")).close())
                .rootCause().hasMessageContaining("LEDGER_IDENTITY_ISSUER is not set");
    }
}
