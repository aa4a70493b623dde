package org.creditbank.ledger.api;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditbank.ledger.api.Scenario.ALICE;
import static org.creditbank.ledger.api.Scenario.ANONYMOUS;
import static org.creditbank.ledger.api.Scenario.HANGZHOU;

/**
 * What every answer of the API carries and what it refuses at the edge, on the ledger's default settings: the
 * security headers on answers, refusals and the open endpoints; personal data never kept by caches; no browser
 * origin allowed; the actuator for operators; one page cap for every list.
 */
class WebDefencesTest {

    private final RunningLedger ledger = SharedLedger.get();
    private final Http http = ledger.http();

    @Test
    void every_answer_carries_the_security_headers_and_personal_data_is_never_stored_by_caches() {
        String learner = Scenario.openAccount(http, ALICE, "Headers Learner");
        String achievement = Scenario.record(http, ALICE, learner, Scenario.course("HDR-1", "2"));
        String personal = "/api/learners/" + learner;
        Map<String, Http.Reply> answers = Map.of(
                "account", http.get(personal, ALICE),
                "archive", http.get(personal + "/archive", ALICE),
                "achievement", http.get(personal + "/achievements/" + achievement, ALICE),
                "unknown account", http.get("/api/learners/330106199001011234", ALICE),
                "without a token", http.get(personal, ANONYMOUS),
                "bad input", http.get(personal + "/archive?limit=0", ALICE),
                "open log", http.get("/log/checkpoint", ANONYMOUS),
                "open health", http.get("/actuator/health", ANONYMOUS),
                "open API description", http.get("/v3/api-docs", ANONYMOUS));
        answers.forEach((what, reply) -> {
            assertThat(reply.header("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
            assertThat(reply.header("X-Frame-Options")).as(what).isEqualTo("DENY");
            assertThat(reply.header("Referrer-Policy")).as(what).isEqualTo("no-referrer");
            assertThat(reply.header("Content-Security-Policy")).as(what)
                    .isEqualTo("default-src 'none'; frame-ancestors 'none'");
            assertThat(reply.header("Strict-Transport-Security")).as(what + ": only over https").isNull();
        });
        assertThat(answers.get("unknown account").status()).isBetween(400, 404);
        assertThat(answers.get("without a token").status()).isEqualTo(401);
        for (String what : List.of("account", "archive", "achievement", "unknown account", "without a token",
                "bad input")) {
            assertThat(answers.get(what).header("Cache-Control")).as(what).contains("no-store");
        }
        assertThat(answers.get("archive").header("ETag")).as("conditional GETs still work").isNotBlank();
    }

    @Test
    void no_browser_origin_may_call_the_api_unless_configured() {
        Http.Reply preflight = AbuseLimitsTest.preflight(http, "https://pages.example.org");
        assertThat(preflight.status()).isEqualTo(403);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
        assertThat(preflight.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(preflight.json().get("field").asText()).isEqualTo("Origin");
        assertThat(http.get("/log/checkpoint", "Origin", "https://pages.example.org")
                .header("Access-Control-Allow-Origin")).isNull();
        assertThat(http.get("/log/checkpoint").status()).as("a request without Origin is no browser's").isEqualTo(200);
    }

    @Test
    void the_actuator_beyond_health_is_for_operators() {
        assertThat(http.get("/actuator/metrics", Http.AS, Identity.OPERATOR).status()).isEqualTo(200);
        Http.Reply auditor = http.get("/actuator/metrics", Http.AS, Identity.AUDITOR);
        assertThat(auditor.status()).isEqualTo(403);
        assertThat(auditor.json().get("type").asText()).isEqualTo("urn:ledger:problem:not-permitted");
        Http.Reply anonymous = http.get("/actuator/metrics", ANONYMOUS);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(http.get("/actuator/health", ANONYMOUS).status()).isEqualTo(200);
    }

    @Test
    void every_list_answers_at_most_500_and_refuses_a_larger_limit_naming_it() {
        String learner = Scenario.openAccount(http, ALICE, "Paged Learner");
        for (String list : List.of("/api/learners/" + learner + "/archive", "/api/branches/" + HANGZHOU + "/queue",
                "/api/branches/" + HANGZHOU + "/activity", "/api/audit/acts", "/api/review/certificate-claims")) {
            String with = list.contains("?") ? "&" : "?";
            assertThat(http.get(list + with + "limit=500").status()).as(list).isEqualTo(200);
            Http.Reply tooMany = http.get(list + with + "limit=501");
            assertThat(tooMany.status()).as(list).isEqualTo(400);
            assertThat(tooMany.json().get("field").asText()).as(list).isEqualTo("limit");
            assertThat(tooMany.json().get("errors").get(0).get("reason").asText()).isEqualTo("must be 1 to 500");
        }
    }
}
