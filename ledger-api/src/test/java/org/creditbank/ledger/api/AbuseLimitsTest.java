package org.creditbank.ledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditbank.ledger.api.Scenario.ALICE;

/**
 * The abuse limits on a ledger with small ones: a body over the limit is refused before anything is read or stored,
 * a principal over its rate is answered 429 with Retry-After while others go on, and browsers may call the API only
 * from the configured origin.
 */
class AbuseLimitsTest {

    private static final int MAX_BODY = 4096;
    private static final int PER_MINUTE = 20;
    private static final String ALLOWED_ORIGIN = "https://pages.example.org";

    private static RunningLedger ledger;
    private static Http http;

    @BeforeAll
    static void start() {
        ledger = RunningLedger.onPostgres(Map.of("ledger.limits.max-body-bytes", MAX_BODY,
                "ledger.limits.requests-per-minute", PER_MINUTE, "ledger.limits.cors-origins", ALLOWED_ORIGIN));
        http = ledger.http();
        Scenario.installCentreAndCity(http);
    }

    @AfterAll
    static void stop() {
        ledger.close();
    }

    @Test
    void a_body_longer_than_the_limit_is_refused_before_anything_is_stored() {
        String tooLong = json(Scenario.newPerson("N".repeat(2 * MAX_BODY)));
        long events = ledger.eventCount();
        for (boolean chunked : new boolean[] {false, true}) {
            for (boolean keyed : new boolean[] {false, true}) {
                String key = UUID.randomUUID().toString();
                HttpRequest.BodyPublisher body = chunked
                        ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes(tooLong)))
                        : HttpRequest.BodyPublishers.ofString(tooLong);
                Http.Reply refused = keyed
                        ? http.send("POST", "/api/learners", body, "Content-Type", "application/json",
                                "Idempotency-Key", key, ALICE[0], ALICE[1])
                        : http.send("POST", "/api/learners", body, "Content-Type", "application/json",
                                ALICE[0], ALICE[1]);
                String what = (chunked ? "chunked" : "with Content-Length") + (keyed ? ", with a key" : "");
                assertThat(refused.status()).as(what + ": " + refused).isEqualTo(413);
                assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
                JsonNode problem = refused.json();
                assertThat(problem.get("type").asText()).isEqualTo("urn:ledger:problem:request-too-large");
                assertThat(problem.get("field").asText()).isEqualTo("body");
                assertThat(problem.get("errors").get(0).get("reason").asText()).contains(String.valueOf(MAX_BODY));
                assertThat(problem.get("correlationId").asText()).isEqualTo(refused.header("Correlation-Id"));
                assertThat(ledger.jdbc().queryForObject("SELECT COUNT(*) FROM idempotency_record"
                        + " WHERE idempotency_key = ?", Long.class, key)).as(what).isZero();
            }
        }
        assertThat(ledger.eventCount()).as("nothing was stored").isEqualTo(events);
        assertThat(http.post("/api/learners", Scenario.newPerson("Short Name"), ALICE).status()).isEqualTo(201);
    }

    @Test
    void a_principal_over_its_rate_is_answered_429_with_retry_after_and_others_go_on() {
        for (String[] who : new String[][] {{Http.AS, "flood"}, Scenario.ANONYMOUS}) {
            Http.Reply reply = null;
            int answered = 0;
            // The bucket refills one request every 60 / PER_MINUTE seconds: a few more may pass while this runs.
            for (int i = 0; i < PER_MINUTE + 10; i++) {
                reply = http.get("/log/checkpoint", who);
                if (reply.status() == 429) {
                    break;
                }
                assertThat(reply.status()).isEqualTo(200);
                answered++;
            }
            assertThat(answered).as(String.join(" ", who)).isGreaterThanOrEqualTo(PER_MINUTE);
            assertThat(reply.status()).as(String.join(" ", who)).isEqualTo(429);
            assertThat(reply.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(reply.json().get("type").asText()).isEqualTo("urn:ledger:problem:rate-limited");
            assertThat(reply.json().get("field").asText()).isEqualTo("Authorization");
            assertThat(reply.json().get("detail").asText()).contains(PER_MINUTE + " requests a minute");
            assertThat(Integer.parseInt(reply.header("Retry-After"))).isBetween(1, 60);
            assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
        }
        assertThat(http.get("/log/checkpoint", Http.AS, "someone-else").status())
                .as("another principal has a bucket of its own").isEqualTo(200);
    }

    @Test
    void browsers_may_call_the_api_from_the_configured_origin_only() {
        Http.Reply allowed = preflight(ALLOWED_ORIGIN);
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED_ORIGIN);
        assertThat(allowed.header("Access-Control-Allow-Headers").toLowerCase())
                .contains("authorization", "idempotency-key");
        assertThat(allowed.header("Access-Control-Allow-Credentials")).isNull();
        Http.Reply call = http.get("/log/checkpoint", "Origin", ALLOWED_ORIGIN);
        assertThat(call.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED_ORIGIN);
        assertThat(call.header("Access-Control-Expose-Headers")).contains("Correlation-Id");

        Http.Reply other = preflight("https://elsewhere.example.com");
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.header("Access-Control-Allow-Origin")).isNull();
        assertThat(other.json().get("type").asText()).isEqualTo("urn:ledger:problem:origin-not-allowed");
        assertThat(other.json().get("field").asText()).isEqualTo("Origin");
    }

    /** A browser's preflight before a POST with a bearer token. */
    static Http.Reply preflight(Http http, String origin) {
        return http.send("OPTIONS", "/api/learners", HttpRequest.BodyPublishers.noBody(), Http.AS, Http.ANONYMOUS,
                "Origin", origin, "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "authorization,content-type,idempotency-key");
    }

    private static Http.Reply preflight(String origin) {
        return preflight(http, origin);
    }

    private static String json(Object value) {
        try {
            return Http.JSON.writeValueAsString(value);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
