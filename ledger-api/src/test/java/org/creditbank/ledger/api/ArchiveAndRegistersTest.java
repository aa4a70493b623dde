package org.creditbank.ledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditbank.ledger.api.Scenario.ALICE;
import static org.creditbank.ledger.api.Scenario.BOB;
import static org.creditbank.ledger.api.Scenario.CAROL;
import static org.creditbank.ledger.api.Scenario.DAVE;
import static org.creditbank.ledger.api.Scenario.HANGZHOU;
import static org.creditbank.ledger.api.Scenario.NINGBO;
import static org.creditbank.ledger.api.Scenario.XIHU;

/** The lifelong archive (filtered, paged), the branch registers, and who did what. */
class ArchiveAndRegistersTest {

    private final RunningLedger ledger = SharedLedger.get();
    private final Http http = ledger.http();

    @Test
    void the_lifelong_archive_is_filtered_by_kind_status_and_period_and_paged() {
        String learner = Scenario.openAccount(http, ALICE, "Archive Learner");
        String certified = Scenario.record(http, ALICE, learner, Scenario.course("AR-1", "3"));
        http.post("/api/learners/" + learner + "/achievements/" + certified + "/certification", "", BOB);
        Map<String, Object> older = Scenario.certificate("AR-2", "VC-AR-" + learner);
        older.put("achievedOn", "2019-05-01");
        Scenario.record(http, ALICE, learner, older);
        String rejected = Scenario.record(http, ALICE, learner, Scenario.course("AR-3", "1"));
        http.post("/api/learners/" + learner + "/achievements/" + rejected + "/rejection",
                Map.of("reason", "duplicate of AR-1"), BOB);

        JsonNode all = http.get("/api/learners/" + learner + "/archive").json();
        assertThat(all.get("total").asLong()).isEqualTo(3);
        assertThat(ids(all)).first().isNotEqualTo(certified);
        assertThat(all.get("achievements").get(0).get("achievedOn").asText()).isEqualTo("2019-05-01");
        assertThat(total("/api/learners/" + learner + "/archive?kind=vocational-certificate")).isEqualTo(1);
        assertThat(total("/api/learners/" + learner + "/archive?status=CERTIFIED")).isEqualTo(1);
        assertThat(total("/api/learners/" + learner + "/archive?achievedFrom=2020-01-01")).isEqualTo(2);
        assertThat(total("/api/learners/" + learner + "/archive?achievedTo=2020-01-01&status=RECORDED")).isEqualTo(1);
        JsonNode second = http.get("/api/learners/" + learner + "/archive?offset=1&limit=1").json();
        assertThat(second.get("achievements")).hasSize(1);
        assertThat(second.get("total").asLong()).isEqualTo(3);
        assertThat(ids(second)).containsExactly(ids(all).get(1));
        assertThat(second.get("achievements").get(0).get("history")).isNotEmpty();

        Http.Reply badKind = http.get("/api/learners/" + learner + "/archive?kind=HOBBY");
        assertThat(badKind.status()).isEqualTo(400);
        assertThat(badKind.json().get("field").asText()).isEqualTo("kind");
        Http.Reply badLimit = http.get("/api/learners/" + learner + "/archive?limit=0");
        assertThat(badLimit.json().get("field").asText()).isEqualTo("limit");
    }

    @Test
    void an_archive_page_is_answered_again_until_the_account_changes_and_revalidates_by_etag() {
        String learner = Scenario.openAccount(http, ALICE, "Cached Learner");
        String first = Scenario.record(http, ALICE, learner, Scenario.course("AC-1", "2"));
        String page = "/api/learners/" + learner + "/archive?limit=10";

        Http.Reply fresh = http.get(page);
        String etag = fresh.header("ETag");
        assertThat(etag).isNotBlank();
        assertThat(fresh.header("Cache-Control")).as("personal data is never stored by caches").isEqualTo("no-store");
        Http.Reply again = http.get(page);
        assertThat(again.header("ETag")).isEqualTo(etag);
        assertThat(again.text()).isEqualTo(fresh.text());
        Http.Reply notModified = http.get(page, "If-None-Match", etag);
        assertThat(notModified.status()).isEqualTo(304);
        assertThat(notModified.text()).isNullOrEmpty();
        assertThat(http.get("/api/learners/" + learner + "/archive?limit=1").json().get("limit").asInt())
                .as("another page of the same account is its own entry").isEqualTo(1);

        http.post("/api/learners/" + learner + "/achievements/" + first + "/certification", "", BOB);
        Http.Reply certified = http.get(page, "If-None-Match", etag);
        assertThat(certified.status()).isEqualTo(200);
        assertThat(certified.header("ETag")).isNotEqualTo(etag);
        assertThat(certified.json().get("achievements").get(0).get("status").asText()).isEqualTo("CERTIFIED");
        assertThat(certified.json().get("creditTotals")).isNotEmpty();

        // A merge changes both accounts' pages: the survivor gains the achievements, the merged one is marked.
        String duplicate = Scenario.openAccount(http, ALICE, "Cached Learner Twin");
        String carried = Scenario.record(http, ALICE, duplicate, Scenario.course("AC-2", "1"));
        String duplicatePage = "/api/learners/" + duplicate + "/archive?limit=10";
        assertThat(http.get(duplicatePage).json().get("status").asText()).isEqualTo("OPEN");
        assertThat(http.post("/api/learners/" + learner + "/merges",
                Map.of("mergedLearnerNumber", duplicate, "reason", "same person"), ALICE).status()).isEqualTo(200);
        assertThat(ids(http.get(page).json())).containsExactlyInAnyOrder(first, carried);
        assertThat(http.get(duplicatePage).json().get("status").asText()).isEqualTo("MERGED");
    }

    @Test
    void a_branch_sees_the_achievements_awaiting_certification_in_its_jurisdiction() {
        String learner = Scenario.openAccount(http, ALICE, "Queue Learner");
        String atXihu = Scenario.record(http, DAVE, learner, Scenario.course("Q-XH", "1"));
        String atNingbo = Scenario.record(http, CAROL, learner, Scenario.course("Q-NB", "1"));
        String done = Scenario.record(http, ALICE, learner, Scenario.course("Q-HZ", "1"));
        http.post("/api/learners/" + learner + "/achievements/" + done + "/certification", "", BOB);

        List<String> hangzhou = queue(HANGZHOU);
        assertThat(hangzhou).contains(atXihu).doesNotContain(atNingbo, done);
        assertThat(queue(XIHU)).contains(atXihu).doesNotContain(atNingbo);
        assertThat(queue(NINGBO)).contains(atNingbo).doesNotContain(atXihu);
    }

    @Test
    void who_did_what_names_officer_branch_time_and_correlation_id() {
        Http.Reply opened = http.post("/api/learners", Scenario.newPerson("Audited"),
                Http.AS, "carol", "Ledger-Branch", NINGBO, "Correlation-Id", "audit-123");
        String learner = opened.json().get("learnerNumber").asText();
        Scenario.record(http, CAROL, learner, Scenario.course("AUD-1", "1"));

        JsonNode acts = http.get("/api/audit/acts?learner=" + learner).json();
        assertThat(acts).hasSize(2);
        JsonNode first = acts.get(1);
        assertThat(first.get("type").asText()).isEqualTo("AccountOpened");
        assertThat(first.get("officerId").asText()).isEqualTo("carol");
        assertThat(first.get("branchCode").asText()).isEqualTo(NINGBO);
        assertThat(first.get("correlationId").asText()).isEqualTo("audit-123");
        assertThat(first.get("at").asText()).isNotBlank();
        assertThat(acts.get(0).get("type").asText()).isEqualTo("AchievementRecorded");

        JsonNode ningbo = http.get("/api/branches/" + NINGBO + "/activity?limit=500").json();
        assertThat(StreamSupport.stream(ningbo.spliterator(), false).map(a -> a.get("stream").asText()))
                .contains(learner);
        assertThat(StreamSupport.stream(ningbo.spliterator(), false).map(a -> a.get("branchCode").asText()))
                .containsOnly(NINGBO);
        assertThat(http.get("/api/audit/acts?officer=carol&limit=500").json()).isNotEmpty()
                .allSatisfy(act -> assertThat(act.get("officerId").asText()).isEqualTo("carol"));
        assertThat(http.get("/api/audit/acts?learner=123").status()).isEqualTo(400);
    }

    private long total(String path) {
        return http.get(path).json().get("total").asLong();
    }

    private List<String> queue(String branch) {
        return ids(http.get("/api/branches/" + branch + "/queue?limit=500").json());
    }

    private static List<String> ids(JsonNode page) {
        return StreamSupport.stream(page.get("achievements").spliterator(), false)
                .map(a -> a.get("achievementId").asText()).toList();
    }
}
