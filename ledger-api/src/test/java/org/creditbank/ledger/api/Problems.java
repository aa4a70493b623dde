package org.creditbank.ledger.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** What every refusal must be: RFC 9457 problem+json naming the rule, the field and the reason, storing nothing. */
final class Problems {

    /** Words that tell of the ledger's insides (Java classes, library switches), never of the request. */
    static final List<String> INSIDES = List.of("org.", "com.", "java.", "$", "Exception", "Feature", "jackson",
            "Jackson", "OpenAccountRequest", "RecordRequest", "BigDecimal", "Integer", "LocalDate", "<html", "Tomcat");

    private Problems() {
    }

    /** Sends the request, checks the problem it answers, and that no event was stored. */
    static JsonNode refused(RunningLedger ledger, int status, String rule, String field, Supplier<Http.Reply> request) {
        long before = ledger.eventCount();
        Http.Reply reply = request.get();
        JsonNode problem = problem(reply, status, rule);
        if (field != null) {
            assertThat(problem.get("field").asText()).isEqualTo(field);
            assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo(field);
            assertThat(problem.get("errors").get(0).get("reason").asText()).isNotBlank();
        }
        assertThat(ledger.eventCount()).as("events stored by a refused request").isEqualTo(before);
        return problem;
    }

    /** Checks that a reply is the problem+json of a rule, with a correlation id and no word of the ledger's insides. */
    static JsonNode problem(Http.Reply reply, int status, String rule) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).as(reply.toString()).isEqualTo("application/problem+json");
        JsonNode problem = reply.json();
        assertThat(problem.get("type").asText()).isEqualTo("urn:ledger:problem:" + rule);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(problem.get("correlationId").asText()).as(reply.toString())
                .isEqualTo(reply.header("Correlation-Id"));
        assertThat(reply.text()).as("a problem tells of the request, not of the ledger's insides")
                .doesNotContain(INSIDES);
        return problem;
    }
}
