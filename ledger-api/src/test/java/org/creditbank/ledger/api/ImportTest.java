package org.creditbank.ledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditbank.ledger.api.Scenario.ALICE;
import static org.creditbank.ledger.api.Scenario.ERIN;
import static org.creditbank.ledger.api.Scenario.HANGZHOU;

/**
 * The import's batches over HTTP: rows become the commands an officer would send, acted by the legacy officers at the
 * legacy instants; refused rows are answered in the API's words and store nothing; a batch sent again stores nothing.
 */
class ImportTest {

    private final RunningLedger ledger = SharedLedger.get();
    private final Http http = ledger.http();

    @Test
    void learners_and_achievements_come_in_with_their_legacy_status_times_and_officers_exactly_once() {
        String annaId = Scenario.residentId("19850312");
        String boId = Scenario.residentId("19920101");
        String tag = annaId.substring(0, 8);
        List<Map<String, Object>> learners = List.of(
                learner(1, "李安娜", annaId, "1985-03-12"),
                learner(2, "王博", boId, "1992-01-01"),
                learner(3, "王博", boId, "1992-01-01"),
                learner(4, "无效", "123", "1990-01-01"));
        JsonNode answer = imported("learners", learners);
        assertThat(answer.get("imported").asLong()).isEqualTo(2);
        assertThat(answer.get("alreadyImported").asLong()).as("the same person twice in one batch").isEqualTo(1);
        assertThat(answer.get("refused").asLong()).isEqualTo(1);
        JsonNode results = answer.get("results");
        String anna = results.get(0).get("id").asText();
        assertThat(results.get(2).get("id").asText()).isEqualTo(results.get(1).get("id").asText());
        assertThat(results.get(3).get("outcome").asText()).isEqualTo("REFUSED");
        assertThat(results.get(3).get("field").asText()).isEqualTo("idDocumentNumber");
        JsonNode account = http.get("/api/learners/" + anna, ALICE).json();
        assertThat(account.toString()).contains("2011-09-01T08:00:00Z");

        String serial = "VC-IMP-" + tag;
        List<Map<String, Object>> achievements = List.of(
                achievement(1, annaId, tag + "-1", "CERTIFIED", null),
                achievement(2, annaId, tag + "-2", "REVOKED", null),
                achievement(3, annaId, tag + "-3", "REJECTED", null),
                achievement(4, annaId, tag + "-4", "RECORDED", serial),
                achievement(5, boId, tag + "-5", "RECORDED", serial),
                achievement(6, annaId, tag + "-6", "CERTIFIED", null, "decidedBy", "alice"),
                achievement(7, annaId, tag + "-7", "CERTIFIED", null, "achievedOn", "2031-01-01"),
                achievement(8, Scenario.residentId("19700101"), tag + "-8", "RECORDED", null),
                achievement(9, annaId, tag + "-9", "ARCHIVED", null));
        long events = ledger.eventCount();
        answer = imported("achievements", achievements);
        results = answer.get("results");
        assertThat(outcomes(results)).containsExactly("IMPORTED", "IMPORTED", "IMPORTED", "IMPORTED", "REFUSED",
                "REFUSED", "REFUSED", "REFUSED", "REFUSED");
        assertThat(refusal(results.get(4))).isEqualTo("certificate-held-by-another-learner certificateSerial");
        assertThat(refusal(results.get(5))).startsWith("certifier-is-recorder");
        assertThat(refusal(results.get(6))).startsWith("invalid-field achievedOn");
        assertThat(results.get(6).get("reason").asText()).isEqualTo("is in the future: 2031-01-01");
        assertThat(refusal(results.get(7))).isEqualTo("no-account-for-identity idDocumentNumber");
        assertThat(refusal(results.get(8))).startsWith("invalid-field status");
        // record, certify (with its deposit); record, certify, revoke; record, reject; record.
        assertThat(ledger.eventCount() - events).isEqualTo(8);

        JsonNode archive = http.get("/api/learners/" + anna + "/archive", ALICE).json();
        Map<String, JsonNode> byTitle = new LinkedHashMap<>();
        archive.get("achievements").forEach(a -> byTitle.put(a.get("externalReference").get("id").asText(), a));
        assertThat(byTitle.get(tag + "-1").get("status").asText()).isEqualTo("CERTIFIED");
        assertThat(byTitle.get(tag + "-2").get("status").asText()).isEqualTo("REVOKED");
        assertThat(byTitle.get(tag + "-3").get("status").asText()).isEqualTo("REJECTED");
        assertThat(byTitle.get(tag + "-4").get("status").asText()).isEqualTo("RECORDED");
        assertThat(byTitle.get(tag + "-1").toString()).contains("2012-07-01T08:00:00Z", "2012-07-10T08:00:00Z",
                "\"bob\"");
        assertThat(byTitle).hasSize(4);

        long before = ledger.eventCount();
        JsonNode again = imported("achievements", achievements);
        assertThat(outcomes(again.get("results"))).containsExactly("ALREADY_IMPORTED", "ALREADY_IMPORTED",
                "ALREADY_IMPORTED", "ALREADY_IMPORTED", "REFUSED", "REFUSED", "REFUSED", "REFUSED", "REFUSED");
        assertThat(imported("learners", learners).get("alreadyImported").asLong()).isEqualTo(3);
        assertThat(ledger.eventCount()).isEqualTo(before);
    }

    @Test
    void only_an_administrator_of_the_provincial_centre_imports() {
        Map<String, Object> body = Map.of("rows", List.of(learner(1, "某人", Scenario.residentId("19800101"),
                "1980-01-01")));
        Http.Reply officer = http.post("/api/imports/learners", body, ALICE);
        assertThat(officer.status()).isEqualTo(403);
        Http.Reply empty = http.post("/api/imports/learners", Map.of("rows", List.of()), ERIN);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("field").asText()).isEqualTo("rows");
    }

    private JsonNode imported(String kind, List<Map<String, Object>> rows) {
        Http.Reply reply = http.post("/api/imports/" + kind, Map.of("rows", rows), ERIN);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    private static List<String> outcomes(JsonNode results) {
        List<String> outcomes = new ArrayList<>();
        results.forEach(r -> outcomes.add(r.get("outcome").asText()));
        return outcomes;
    }

    private static String refusal(JsonNode result) {
        return result.get("rule").asText() + " " + result.path("field").asText();
    }

    private static Map<String, Object> learner(int row, String name, String id, String birthDate) {
        Map<String, Object> learner = new LinkedHashMap<>();
        learner.put("row", row);
        learner.put("fullName", name);
        learner.put("idDocumentType", "RESIDENT_ID");
        learner.put("idDocumentNumber", id);
        learner.put("birthDate", birthDate);
        learner.put("phone", "13800000000");
        learner.put("branchCode", HANGZHOU);
        learner.put("openedBy", "alice");
        learner.put("openedAt", "2011-09-01T08:00:00Z");
        return learner;
    }

    private static Map<String, Object> achievement(int row, String holder, String externalId, String status,
                                                   String serial, String... changes) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("row", row);
        a.put("legacyId", "L-" + externalId);
        a.put("idDocumentType", "RESIDENT_ID");
        a.put("idDocumentNumber", holder);
        a.put("kind", serial == null ? "ACADEMIC_COURSE" : "VOCATIONAL_CERTIFICATE");
        a.put("title", "高等数学");
        a.put("awardingBody", "浙江大学");
        a.put("achievedOn", "2012-06-30");
        a.put("evidenceSha256", Scenario.EVIDENCE_SHA256);
        a.put("evidenceMediaType", "application/pdf");
        a.put("credits", "4");
        a.put("creditUnit", "BANK_CREDIT");
        a.put("qualificationLevel", "6");
        if (serial != null) {
            a.put("vocationalLevel", "3");
            a.put("certificateSerial", serial);
        }
        a.put("externalIssuer", "ZJU-LEGACY");
        a.put("externalId", externalId);
        a.put("status", status);
        a.put("branchCode", HANGZHOU);
        a.put("recordedBy", "alice");
        a.put("recordedAt", "2012-07-01T08:00:00Z");
        if (!status.equals("RECORDED")) {
            a.put("decidedBy", "bob");
            a.put("decidedAt", "2012-07-10T08:00:00Z");
            a.put("rejectionReason", "transcript illegible");
        }
        a.put("revokedBy", "bob");
        a.put("revokedAt", "2013-01-05T08:00:00Z");
        a.put("revocationReason", "awarded in error");
        for (int i = 0; i < changes.length; i += 2) {
            a.put(changes[i], changes[i + 1]);
        }
        return a;
    }
}
