package org.creditbank.ledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditbank.ledger.api.Scenario.ALICE;
import static org.creditbank.ledger.api.Scenario.BOB;
import static org.creditbank.ledger.api.Scenario.ERIN;
import static org.creditbank.ledger.api.Scenario.HANGZHOU;

/**
 * A branch's roster: many achievements recorded in one request, JSON or CSV, each row answered on its own in the
 * API's words; the same roster again records nothing; certification stays a second officer's act.
 */
class RosterTest {

    /** A well-formed learner number no account has. */
    private static final String NOBODY = "33019999999999999"
            + org.creditbank.ledger.learner.Iso7064Mod11_2.checkCharacter("33019999999999999");

    private final RunningLedger ledger = SharedLedger.get();
    private final Http http = ledger.http();

    @Test
    void a_roster_with_good_and_bad_rows_records_the_good_ones_and_sent_again_changes_nothing() {
        String anna = Scenario.openAccount(http, ALICE, "Roster Anna");
        String bo = Scenario.openAccount(http, ALICE, "Roster Bo");
        String tag = anna.substring(10);
        List<Map<String, Object>> rows = List.of(row(anna, tag + "-1", "3"), row(bo, tag + "-2", "2.5"),
                row(anna, tag + "-3", "-1"), row(NOBODY, tag + "-4", "1"));
        long events = ledger.eventCount();

        JsonNode answer = roster(rows);
        assertThat(outcomes(answer)).containsExactly("RECORDED", "RECORDED", "REFUSED", "REFUSED");
        assertThat(answer.get("recorded").asLong()).isEqualTo(2);
        JsonNode badCredits = answer.get("results").get(2);
        assertThat(badCredits.get("rule").asText() + " " + badCredits.get("field").asText())
                .isEqualTo("invalid-field credits");
        assertThat(badCredits.get("reason").asText()).isEqualTo("must be positive, got -1");
        JsonNode nobody = answer.get("results").get(3);
        assertThat(nobody.get("rule").asText() + " " + nobody.get("field").asText())
                .isEqualTo("unknown-account learnerNumber");
        assertThat(nobody.get("reason").asText()).isEqualTo("no account has learner number " + NOBODY);
        assertThat(ledger.eventCount() - events).isEqualTo(2);
        String recorded = answer.get("results").get(0).get("id").asText();
        JsonNode achievement = http.get("/api/learners/" + anna + "/achievements/" + recorded, ALICE).json();
        assertThat(achievement.get("status").asText()).isEqualTo("RECORDED");
        assertThat(http.post("/api/learners/" + anna + "/achievements/" + recorded + "/certification", "", BOB)
                .status()).isEqualTo(200);

        long before = ledger.eventCount();
        JsonNode again = roster(rows);
        assertThat(outcomes(again)).containsExactly("ALREADY_RECORDED", "ALREADY_RECORDED", "REFUSED", "REFUSED");
        assertThat(again.get("results").get(0).get("id").asText()).isEqualTo(recorded);
        assertThat(ledger.eventCount()).isEqualTo(before);
    }

    @Test
    void a_csv_roster_is_answered_row_by_row_and_only_the_branchs_own_officers_send_one() {
        String learner = Scenario.openAccount(http, ALICE, "Roster Csv");
        String tag = learner.substring(10);
        String csv = "learnerNumber,kind,title,awardingBody,achievedOn,evidenceSha256,evidenceMediaType,credits,"
                + "creditUnit,externalIssuer,externalId\n"
                + learner + ",ONLINE_COURSE,数据分析入门,浙江省在线学习平台,2025-05-01," + Scenario.EVIDENCE_SHA256
                + ",application/pdf,12,HOURS,ZJ-MOOC," + tag + "-c1\n"
                + learner + ",HOBBY,书法,社区学校,2025-05-02," + Scenario.EVIDENCE_SHA256
                + ",application/pdf,4,HOURS,ZJ-MOOC," + tag + "-c2\n";
        Http.Reply reply = http.send("POST", "/api/branches/" + HANGZHOU + "/rosters", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8), ALICE);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(outcomes(reply.json())).containsExactly("RECORDED", "REFUSED");
        assertThat(reply.json().get("results").get(1).get("field").asText()).isEqualTo("kind");
        assertThat(reply.json().get("results").get(1).get("row").asLong()).isEqualTo(2);

        Http.Reply centre = http.send("POST", "/api/branches/" + HANGZHOU + "/rosters", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8), ERIN);
        assertThat(centre.status()).isEqualTo(403);
        Http.Reply unknownColumn = http.send("POST", "/api/branches/" + HANGZHOU + "/rosters", "text/csv",
                "learner,kind\nx,y\n".getBytes(StandardCharsets.UTF_8), ALICE);
        assertThat(unknownColumn.status()).isEqualTo(400);
        assertThat(unknownColumn.json().get("field").asText()).isEqualTo("header");
    }

    private JsonNode roster(List<Map<String, Object>> rows) {
        Http.Reply reply = http.post("/api/branches/" + HANGZHOU + "/rosters", Map.of("rows", rows), ALICE);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    private static List<String> outcomes(JsonNode answer) {
        List<String> outcomes = new ArrayList<>();
        answer.get("results").forEach(r -> outcomes.add(r.get("outcome").asText()));
        return outcomes;
    }

    private static Map<String, Object> row(String learner, String externalId, String credits) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("learnerNumber", learner);
        row.put("kind", "ACADEMIC_COURSE");
        row.put("title", "线性代数");
        row.put("awardingBody", "浙江大学");
        row.put("achievedOn", "2025-06-30");
        row.put("evidenceSha256", Scenario.EVIDENCE_SHA256);
        row.put("evidenceMediaType", "application/pdf");
        row.put("credits", credits);
        row.put("creditUnit", "BANK_CREDIT");
        row.put("externalIssuer", "ZJU");
        row.put("externalId", externalId);
        return row;
    }
}
