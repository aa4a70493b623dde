package org.creditbank.ledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditbank.ledger.api.Scenario.ALICE;
import static org.creditbank.ledger.api.Scenario.BOB;
import static org.creditbank.ledger.api.Scenario.CAROL;
import static org.creditbank.ledger.api.Scenario.DAVE;
import static org.creditbank.ledger.api.Scenario.ERIN;

/**
 * As-of: what the live ledger answered at several instants is captured while the history unfolds, and the archive
 * and the statistics asked "as of" each instant afterwards answer exactly that.
 */
class AsOfTest {

    /** What the live ledger answered at one instant. */
    private record Captured(Instant at, JsonNode archive, JsonNode statistics, JsonNode byBranch) {
    }

    @Test
    void the_archive_and_statistics_as_of_an_instant_equal_what_the_live_ledger_answered_then() {
        try (RunningLedger ledger = RunningLedger.onPostgres()) {
            Http http = ledger.http();
            Scenario.installNetwork(http);
            List<Captured> captured = new ArrayList<>();

            String learner = Scenario.openAccount(http, ALICE, "Timeline Learner");
            String course = Scenario.record(http, ALICE, learner, Scenario.course("TL-1", "3"));
            String certificate = Scenario.record(http, DAVE, learner, Scenario.certificate("TL-2", "VC-TL-2"));
            captured.add(capture(ledger, learner));

            ok(http.post(path(learner, course) + "/certification", "", BOB));
            ok(http.post(path(learner, certificate) + "/rejection", Map.of("reason", "scan unreadable"), BOB));
            captured.add(capture(ledger, learner));

            ok(http.post(path(learner, course) + "/correction", Map.of("reason", "misprint", "title",
                    "Linear Algebra I", "credits", Map.of("amount", "4", "unit", "BANK_CREDIT")), BOB));
            Map<String, Object> older = Scenario.course("TL-3", "2");
            older.put("achievedOn", "2012-09-01");
            String third = Scenario.record(http, ALICE, learner, older);
            ok(http.post(path(learner, third) + "/certification", "", BOB));
            captured.add(capture(ledger, learner));

            ok(http.post(path(learner, course) + "/revocation", Map.of("reason", "withdrawn by the university"),
                    BOB));
            String twin = Scenario.openAccount(http, CAROL, "Timeline Twin");
            String carried = Scenario.record(http, CAROL, twin, Scenario.course("TL-4", "1"));
            ok(http.post(path(twin, carried) + "/certification", "", ERIN));
            ok(http.post("/api/learners/" + learner + "/merges", Map.of("mergedLearnerNumber", twin,
                    "reason", "same person"), ERIN));
            captured.add(capture(ledger, learner));

            for (Captured then : captured) {
                JsonNode archive = http.get("/api/learners/" + learner + "/archive?asOf=" + then.at()).json();
                assertThat(archive.get("asOf").asText()).isEqualTo(then.at().toString());
                ((ObjectNode) archive).remove("asOf");
                assertThat(archive).as("archive as of " + then.at()).isEqualTo(then.archive());
                JsonNode statistics = http.get("/api/statistics?asOf=" + then.at()).json();
                assertThat(statistics.get("totals")).as("statistics as of " + then.at())
                        .isEqualTo(then.statistics().get("totals"));
                JsonNode byBranch = http.get("/api/statistics?by=branch&branch=ZJ-CENTRE&asOf=" + then.at()).json();
                assertThat(byBranch.get("groups")).isEqualTo(then.byBranch().get("groups"));
            }
            assertThat(captured.get(0).archive().get("total").asLong()).isEqualTo(2);
            assertThat(captured.get(3).archive().get("total").asLong()).isEqualTo(4);

            Http.Reply before = http.get("/api/learners/" + learner + "/archive?asOf=2020-01-01T00:00:00Z");
            assertThat(before.status()).isEqualTo(404);
            assertThat(http.get("/api/learners/" + learner + "/archive?asOf=soon").json().get("field").asText())
                    .isEqualTo("asOf");

            JsonNode achievedBefore = http.get("/api/learners/" + learner + "/archive?achievedBefore=2013-01-01")
                    .json();
            assertThat(achievedBefore.get("total").asLong()).isEqualTo(1);
            assertThat(achievedBefore.get("achievements").get(0).get("achievementId").asText()).isEqualTo(third);
            JsonNode bothTimes = http.get("/api/learners/" + learner + "/archive?achievedBefore=2013-01-01&asOf="
                    + captured.get(1).at()).json();
            assertThat(bothTimes.get("total").asLong()).isZero();
        }
    }

    private static Captured capture(RunningLedger ledger, String learner) {
        Http http = ledger.http();
        long head = ledger.jdbc().queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
        Await.until("statistics to catch up", Duration.ofSeconds(30),
                () -> http.get("/api/admin/read-models/statistics").json().get("livePosition").asLong(),
                position -> position >= head);
        Captured now = new Captured(null, http.get("/api/learners/" + learner + "/archive").json(),
                http.get("/api/statistics").json(),
                http.get("/api/statistics?by=branch&branch=ZJ-CENTRE").json());
        Instant at = Instant.now();
        Await.until("the clock to pass the capture", Duration.ofSeconds(1), Instant::now, t -> t.isAfter(at));
        return new Captured(at, now.archive(), now.statistics(), now.byBranch());
    }

    private static String path(String learner, String achievement) {
        return "/api/learners/" + learner + "/achievements/" + achievement;
    }

    private static void ok(Http.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }
}
