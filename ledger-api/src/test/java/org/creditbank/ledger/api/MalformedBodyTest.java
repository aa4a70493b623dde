package org.creditbank.ledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditbank.ledger.api.Scenario.ALICE;

/**
 * A body the ledger cannot read is refused naming the field by its JSON path and the reason in the API's words —
 * never a Java class, a library switch or a parser's message — and stores nothing.
 */
class MalformedBodyTest {

    private final RunningLedger ledger = SharedLedger.get();
    private final Http http = ledger.http();
    private String achievements;

    @BeforeEach
    void openAccount() {
        achievements = "/api/learners/" + Scenario.openAccount(http, ALICE, "Malformed Body") + "/achievements";
    }

    @Test
    void a_fraction_for_a_whole_number_is_refused_not_cut() {
        Map<String, Object> course = Scenario.course("FR-1", "1");
        course.put("qualificationLevel", 6.7);
        assertThat(reason("qualificationLevel", course)).isEqualTo("must be a whole number, got 6.7");
        Map<String, Object> vocational = Scenario.certificate("FR-2", "VC-FR-2");
        vocational.put("vocationalLevel", 3.5);
        assertThat(reason("vocationalLevel", vocational)).isEqualTo("must be a whole number, got 3.5");
    }

    @Test
    void a_whole_number_written_with_a_fraction_of_zero_is_refused_too() {
        Map<String, Object> course = Scenario.course("FR-3", "1");
        course.put("qualificationLevel", 6.0);
        assertThat(reason("qualificationLevel", course)).startsWith("must be a whole number");
    }

    @Test
    void a_whole_number_out_of_range_is_refused() {
        assertThat(reason("qualificationLevel", withRaw("\"qualificationLevel\": 99999999999")))
                .isEqualTo("must be a whole number within its range");
    }

    @Test
    void a_number_that_is_not_a_number_is_refused_naming_its_path() {
        assertThat(reason("credits.amount", withRaw("\"credits\": {\"amount\": NaN, \"unit\": \"BANK_CREDIT\"}")))
                .startsWith("is not valid JSON (line 1, column");
        assertThat(reason("credits.amount", withRaw("\"credits\": {\"amount\": \"three\", \"unit\": \"BANK_CREDIT\"}")))
                .isEqualTo("must be a number, got three");
    }

    @Test
    void an_object_where_a_text_belongs_and_a_text_where_an_object_belongs_are_refused() {
        assertThat(reason("title", withRaw("\"title\": {\"en\": \"Algebra\"}"))).isEqualTo("must be a string");
        assertThat(reason("evidence", withRaw("\"evidence\": \"a PDF\""))).isEqualTo("must be an object");
        assertThat(reason("credits", withRaw("\"credits\": [1, 2]"))).isEqualTo("must be an object");
    }

    @Test
    void an_unknown_field_is_named() {
        assertThat(reason("credits.currency",
                withRaw("\"credits\": {\"amount\": 1, \"unit\": \"BANK_CREDIT\", \"currency\": \"EUR\"}")))
                .isEqualTo("is not a known field");
    }

    @Test
    void a_body_that_is_not_an_object_or_not_there_is_refused_as_the_body() {
        assertThat(bodyReason(http.post("/api/learners", "\"Anna Li\"", ALICE))).isEqualTo("must be an object");
        assertThat(bodyReason(http.post("/api/learners", "[]", ALICE))).isEqualTo("must be an object");
        assertThat(bodyReason(http.post("/api/learners", "", ALICE))).isEqualTo("is missing or unreadable");
        assertThat(bodyReason(http.post("/api/learners", "{\"fullName\": \"Anna\",}", ALICE)))
                .startsWith("is not valid JSON (line 1, column");
        assertThat(bodyReason(http.post("/api/learners", "{'fullName': 'Anna'}", ALICE)))
                .startsWith("is not valid JSON (line 1, column");
    }

    @Test
    void a_number_for_a_text_is_read_as_its_digits_and_checked() {
        Map<String, Object> person = Scenario.newPerson("Numbered");
        person.put("contact", Map.of("email", 17));
        JsonNode problem = Problems.refused(ledger, 400, "invalid-field", "contact.email",
                () -> http.post("/api/learners", person, ALICE));
        assertThat(problem.get("errors").get(0).get("reason").asText()).isEqualTo("is not an e-mail address");
    }

    private String reason(String field, Object body) {
        JsonNode problem = Problems.refused(ledger, 400, "malformed-request", field,
                () -> http.post(achievements, body, ALICE));
        String reason = problem.get("errors").get(0).get("reason").asText();
        assertThat(problem.get("detail").asText()).isEqualTo(field + " " + reason);
        return reason;
    }

    private String bodyReason(Http.Reply reply) {
        JsonNode problem = Problems.problem(reply, 400, "malformed-request");
        assertThat(problem.get("field").asText()).isEqualTo("body");
        return problem.get("errors").get(0).get("reason").asText();
    }

    /** A valid course with one member written as raw JSON (which a map could not carry). */
    private String withRaw(String member) {
        String name = member.substring(0, member.indexOf(':'));
        Map<String, Object> course = Scenario.course("RAW-" + System.nanoTime(), "1");
        course.remove(name.replace("\"", "").strip());
        String json;
        try {
            json = Http.JSON.writeValueAsString(course);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return "{" + member + ", " + json.substring(1);
    }
}
