package org.creditbank.ledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditbank.ledger.api.Scenario.ALICE;
import static org.creditbank.ledger.api.Scenario.BOB;
import static org.creditbank.ledger.api.Scenario.CAROL;
import static org.creditbank.ledger.api.Scenario.HANGZHOU;

/** Bad input gets a clear RFC 9457 problem naming the field and the reason, and stores no event. */
class BadInputTest {

    private final RunningLedger ledger = SharedLedger.get();
    private final Http http = ledger.http();
    private String learner;

    @BeforeEach
    void openAccount() {
        learner = Scenario.openAccount(http, ALICE, "Bad Input");
    }

    @Test
    void malformed_json_is_refused() {
        JsonNode problem = refused(400, "malformed-request", "body",
                () -> http.post("/api/learners/" + learner + "/achievements", "{\"kind\": ", ALICE));
        assertThat(problem.get("detail").asText()).startsWith("the request body is not valid JSON");
    }

    @Test
    void a_value_of_the_wrong_type_is_refused_naming_its_path() {
        Map<String, Object> course = Scenario.course("WT-1", "1");
        course.put("credits", Map.of("amount", "three", "unit", "BANK_CREDIT"));
        refused(400, "malformed-request", "credits.amount",
                () -> http.post("/api/learners/" + learner + "/achievements", course, ALICE));
    }

    @Test
    void a_learner_number_with_the_wrong_check_character_is_refused() {
        String mistyped = learner.substring(0, 17) + (learner.charAt(17) == '0' ? '1' : '0');
        JsonNode problem = refused(400, "invalid-field", "learnerNumber",
                () -> http.post("/api/learners/" + mistyped + "/achievements", Scenario.course("CC-1", "1"), ALICE));
        assertThat(problem.get("detail").asText()).contains("the number is mistyped");
        refused(400, "invalid-field", "learnerNumber", () -> http.get("/api/learners/" + mistyped));
    }

    @Test
    void an_unknown_account_is_not_found() {
        refused(404, "unknown-account", "learnerNumber",
                () -> http.post("/api/learners/11010519491231002X/achievements", Scenario.course("UA-1", "1"), ALICE));
        refused(404, "unknown-account", "learnerNumber", () -> http.get("/api/learners/11010519491231002X"));
    }

    @Test
    void an_unknown_branch_is_refused() {
        refused(404, "unknown-branch", "actingBranch", () -> http.post("/api/learners",
                Scenario.newPerson("Nowhere"), Http.AS, "alice", "Ledger-Branch", "NOWHERE"));
        refused(404, "unknown-branch", "parentCode", () -> http.post("/api/branches", Map.of("code", "XX-SUB",
                "name", "X", "tier", "COUNTY_SUB_CENTRE", "parentCode", "NOWHERE", "divisionCode", "330106"), ALICE));
        refused(404, "unknown-branch", "code", () -> http.get("/api/branches/NOWHERE"));
    }

    @Test
    void an_officer_cannot_act_for_another_branch() {
        JsonNode problem = refused(403, "officer-not-of-branch", "officer", () -> http.post(
                "/api/learners/" + learner + "/achievements", Scenario.course("OB-1", "1"),
                Http.AS, "carol", "Ledger-Branch", HANGZHOU));
        assertThat(problem.get("detail").asText()).isEqualTo("officer carol is not an officer of branch HZ-BRANCH");
    }

    @Test
    void an_achievement_is_decided_only_within_the_recording_branchs_jurisdiction() {
        String id = Scenario.record(http, ALICE, learner, Scenario.course("JD-1", "2"));
        refused(403, "outside-jurisdiction", null,
                () -> http.post("/api/learners/" + learner + "/achievements/" + id + "/certification", "", CAROL));
    }

    @Test
    void nobody_signed_in_is_refused_and_the_old_headers_name_nobody() {
        refused(401, "unauthenticated", "Authorization",
                () -> http.post("/api/learners", Scenario.newPerson("Anonymous"), Scenario.ANONYMOUS));
        refused(401, "unauthenticated", "Authorization", () -> http.post("/api/learners",
                Scenario.newPerson("Half"), Http.AS, Http.ANONYMOUS, "Ledger-Officer", "alice",
                "Ledger-Branch", HANGZHOU));
    }

    @Test
    void negative_or_unit_less_credits_are_refused() {
        Map<String, Object> negative = Scenario.course("NC-1", "-2");
        JsonNode problem = refused(400, "invalid-field", "credits.amount",
                () -> http.post("/api/learners/" + learner + "/achievements", negative, ALICE));
        assertThat(problem.get("errors").get(0).get("reason").asText()).isEqualTo("must be positive, got -2");
        Map<String, Object> unitless = Scenario.course("NC-2", "2");
        unitless.put("credits", Map.of("amount", 2));
        refused(400, "invalid-field", "credits.unit",
                () -> http.post("/api/learners/" + learner + "/achievements", unitless, ALICE));
    }

    @Test
    void an_unknown_kind_is_refused_listing_the_kinds() {
        Map<String, Object> course = Scenario.course("UK-1", "1");
        course.put("kind", "HOBBY");
        JsonNode problem = refused(400, "invalid-field", "kind",
                () -> http.post("/api/learners/" + learner + "/achievements", course, ALICE));
        assertThat(problem.get("detail").asText()).contains("ACADEMIC_COURSE", "MICRO_CREDENTIAL");
    }

    @Test
    void a_duplicate_external_reference_answers_the_first_and_stores_nothing() {
        Http.Reply first = http.post("/api/learners/" + learner + "/achievements", Scenario.course("DUP-1", "2"),
                ALICE);
        assertThat(first.status()).isEqualTo(201);
        long events = ledger.eventCount();
        Http.Reply again = http.post("/api/learners/" + learner + "/achievements", Scenario.course("DUP-1", "2"),
                BOB);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("alreadyRecorded").asBoolean()).isTrue();
        assertThat(again.json().get("achievementId")).isEqualTo(first.json().get("achievementId"));
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(ledger.eventCount()).isEqualTo(events);
    }

    @Test
    void one_certificate_for_two_learners_is_refused_and_kept_for_review() {
        String serial = "VC-" + learner;
        Scenario.record(http, ALICE, learner, Scenario.certificate("CERT-" + learner, serial));
        String other = Scenario.openAccount(http, ALICE, "Other Learner");
        JsonNode problem = refused(409, "certificate-held-by-another-learner", "certificateSerial",
                () -> http.post("/api/learners/" + other + "/achievements",
                        Scenario.certificate("CERT-OTHER-" + other, serial), BOB));
        assertThat(problem.get("detail").asText()).contains(serial);
        JsonNode flagged = http.get("/api/review/certificate-claims").json();
        assertThat(flagged).anySatisfy(claim -> {
            assertThat(claim.get("certificateSerial").asText()).isEqualTo(serial);
            assertThat(claim.get("claimedFor").asText()).isEqualTo(other);
            assertThat(claim.get("heldBy").asText()).isEqualTo(learner);
            assertThat(claim.get("officerId").asText()).isEqualTo("bob");
        });
    }

    @Test
    void nothing_is_recorded_on_a_closed_account() {
        Http.Reply closed = http.post("/api/learners/" + learner + "/closure", Map.of("reason", "emigrated"), ALICE);
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        assertThat(closed.json().get("status").asText()).isEqualTo("CLOSED");
        refused(409, "account-is-closed", "learnerNumber",
                () -> http.post("/api/learners/" + learner + "/achievements", Scenario.course("CL-1", "1"), ALICE));
        assertThat(http.get("/api/learners/" + learner).status()).isEqualTo(200);
    }

    @Test
    void one_person_opens_one_account() {
        Map<String, Object> person = Scenario.newPerson("Twice");
        assertThat(http.post("/api/learners", person, ALICE).status()).isEqualTo(201);
        refused(409, "person-already-has-account", "person", () -> http.post("/api/learners", person, BOB));
    }

    @Test
    void bidirectional_controls_are_refused_wherever_free_text_enters() {
        Map<String, Object> person = Scenario.newPerson("Anna \u202Egnp.exe");
        refused(400, "invalid-field", "fullName", () -> http.post("/api/learners", person, ALICE));
        Map<String, Object> course = Scenario.course("BIDI-1", "1");
        course.put("title", "=HYPERLINK\u2066(\"x\")\u2069");
        JsonNode problem = refused(400, "invalid-field", "title",
                () -> http.post("/api/learners/" + learner + "/achievements", course, ALICE));
        assertThat(problem.get("errors").get(0).get("reason").asText())
                .isEqualTo("must not contain bidirectional control characters, got U+2066 at position 11");
        refused(400, "invalid-field", "contact.address", () -> http.put("/api/learners/" + learner + "/contact",
                Map.of("address", "Ningbo\u200F"), ALICE));
        refused(400, "invalid-field", "reason", () -> http.post("/api/learners/" + learner + "/closure",
                Map.of("reason", "moved\u061C"), ALICE));
        refused(400, "invalid-field", "name", () -> http.post("/api/branches/" + HANGZHOU + "/officers",
                Map.of("officerId", "zoe", "name", "Zoe\u202D", "subject", "zoe", "roles", List.of("OFFICER")),
                ALICE));
    }

    @Test
    void a_resident_id_with_a_wrong_check_character_or_another_birth_date_is_refused() {
        Map<String, Object> person = Scenario.newPerson("Mistyped");
        String number = (String) person.get("idDocumentNumber");
        person.put("idDocumentNumber", number.substring(0, 17) + (number.charAt(17) == '0' ? '1' : '0'));
        JsonNode problem = refused(400, "invalid-field", "idDocumentNumber", () -> http.post("/api/learners", person,
                ALICE));
        assertThat(problem.get("detail").asText()).endsWith("the number is mistyped");
        Map<String, Object> older = Scenario.newPerson("Older");
        older.put("birthDate", "1990-05-16");
        refused(400, "invalid-field", "birthDate", () -> http.post("/api/learners", older, ALICE));
    }

    @Test
    void one_resident_id_under_another_name_of_the_card_is_the_same_person() {
        Map<String, Object> person = Scenario.newPerson("Named Twice");
        assertThat(http.post("/api/learners", person, ALICE).status()).isEqualTo(201);
        String number = (String) person.get("idDocumentNumber");
        Map<String, Object> again = new java.util.LinkedHashMap<>(person);
        again.put("idDocumentType", "ID_CARD");
        again.put("idDocumentNumber", number.substring(0, 6) + " " + number.substring(6, 14) + "-"
                + number.substring(14).toLowerCase());
        refused(409, "person-already-has-account", "person", () -> http.post("/api/learners", again, BOB));
    }

    @Test
    void a_tier_out_of_place_is_refused() {
        refused(400, "tier-not-permitted-under-parent", "parentCode", () -> http.post("/api/branches",
                Map.of("code", "HZ-POINT", "name", "Point", "tier", "ACCEPTANCE_POINT", "parentCode", HANGZHOU,
                        "divisionCode", "330106"), ALICE));
    }

    private JsonNode refused(int status, String rule, String field, Supplier<Http.Reply> request) {
        return Problems.refused(ledger, status, rule, field, request);
    }
}
