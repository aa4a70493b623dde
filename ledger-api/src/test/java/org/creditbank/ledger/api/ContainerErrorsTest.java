package org.creditbank.ledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditbank.ledger.api.Scenario.ALICE;
import static org.creditbank.ledger.api.Scenario.ERIN;

/**
 * Every error is RFC 9457 problem+json with the correlation id — also those the servlet container answers before
 * the application sees the request, and with an Idempotency-Key — never Tomcat's HTML page or Spring's default body.
 */
class ContainerErrorsTest {

    private static final String OFFICERS = "/api/branches/HZ%2FXIHU/officers";

    private final RunningLedger ledger = SharedLedger.get();
    private final Http http = ledger.http();

    @Test
    void an_encoded_slash_in_the_path_is_refused_naming_the_path() {
        JsonNode problem = Problems.refused(ledger, 400, "malformed-request", "path",
                () -> http.post(OFFICERS, Map.of("officerId", "zed", "name", "Zed"), ERIN));
        assertThat(problem.get("detail").asText()).isEqualTo("the path must not hold an encoded slash (%2F) or"
                + " backslash (%5C)");
        Problems.refused(ledger, 400, "malformed-request", "path",
                () -> http.post(OFFICERS, Map.of("officerId", "zed", "name", "Zed"), idempotent(ERIN)));
    }

    @Test
    void a_path_or_header_the_container_cannot_read_is_a_problem() {
        for (String requestLine : List.of("GET /api/learners/%ZZ HTTP/1.1", "GET /api/le arners HTTP/1.1",
                "GET /api/../../etc/passwd HTTP/1.1")) {
            Problems.refused(ledger, 400, "http-400", null, () -> RawHttp.send(http, requestLine, List.of(), ""));
        }
        Problems.refused(ledger, 400, "http-400", null, () -> RawHttp.send(http, "GET /api/branches HTTP/1.1",
                List.of("Bad Header: y"), ""));
    }

    @Test
    void a_body_with_broken_framing_is_a_problem_with_and_without_an_idempotency_key() {
        for (List<String> headers : List.of(
                List.of("Content-Type: application/json", "Transfer-Encoding: chunked", header(ALICE, 0),
                        header(ALICE, 2)),
                List.of("Content-Type: application/json", "Transfer-Encoding: chunked", header(ALICE, 0),
                        header(ALICE, 2), "Idempotency-Key: " + UUID.randomUUID()))) {
            JsonNode problem = Problems.refused(ledger, 400, "http-400", null,
                    () -> RawHttp.send(http, "POST /api/learners HTTP/1.1", headers, "ZZ\r\n{}\r\n0\r\n\r\n"));
            assertThat(problem.get("detail").asText()).contains("framing of its body");
        }
    }

    @Test
    void unknown_paths_wrong_methods_and_media_types_are_problems() {
        Problems.problem(http.get("/nothing/here"), 404, "http-404");
        Problems.problem(http.post("/log/checkpoint", "{}", idempotent(ALICE)), 405, "http-405");
        Problems.problem(http.put("/api/learners", "{}", ALICE), 405, "http-405");
        Problems.problem(http.get("/api/branches", "Accept", "image/png"), 406, "http-406");
        Problems.problem(RawHttp.send(http, "POST /api/learners HTTP/1.1",
                List.of("Content-Type: text/plain", "Content-Length: 2", header(ALICE, 0), header(ALICE, 2)), "{}"),
                415, "http-415");
    }

    @Test
    void a_refusal_with_an_idempotency_key_is_a_problem_with_this_requests_correlation_id() {
        String[] headers = idempotent(ALICE);
        Problems.refused(ledger, 400, "malformed-request", "body",
                () -> http.post("/api/learners", "{\"fullName\": ", headers));
        Problems.refused(ledger, 400, "invalid-field", "fullName",
                () -> http.post("/api/learners", Map.of("fullName", ""), idempotent(ALICE)));
    }

    /** A header line of the actor's, written raw: who signs in becomes their bearer token. */
    private String header(String[] actor, int at) {
        return Http.AS.equals(actor[at]) ? "Authorization: Bearer " + http.identity().token(actor[at + 1])
                : actor[at] + ": " + actor[at + 1];
    }

    private static String[] idempotent(String[] actor) {
        String[] headers = java.util.Arrays.copyOf(actor, actor.length + 4);
        headers[actor.length] = "Idempotency-Key";
        headers[actor.length + 1] = UUID.randomUUID().toString();
        headers[actor.length + 2] = "Correlation-Id";
        headers[actor.length + 3] = "corr-" + UUID.randomUUID();
        return headers;
    }
}
