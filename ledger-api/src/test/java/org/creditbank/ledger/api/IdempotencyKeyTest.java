package org.creditbank.ledger.api;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditbank.ledger.api.Scenario.ALICE;

/** A POST repeated with the same Idempotency-Key is carried out once. */
class IdempotencyKeyTest {

    private final RunningLedger ledger = SharedLedger.get();
    private final Http http = ledger.http();

    @Test
    void a_repeated_post_with_the_same_key_answers_the_first_response_and_stores_nothing_more() {
        Map<String, Object> person = Scenario.newPerson("Idempotent");
        String key = UUID.randomUUID().toString();
        Http.Reply first = http.post("/api/learners", person, with(ALICE, key));
        assertThat(first.status()).isEqualTo(201);
        long events = ledger.eventCount();

        Http.Reply repeat = http.post("/api/learners", person, with(ALICE, key));
        assertThat(repeat.status()).isEqualTo(201);
        assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(repeat.json()).isEqualTo(first.json());
        assertThat(repeat.header("Location")).isEqualTo(first.header("Location"));
        assertThat(ledger.eventCount()).isEqualTo(events);
    }

    @Test
    void the_same_key_for_a_different_request_is_refused() {
        String key = UUID.randomUUID().toString();
        assertThat(http.post("/api/learners", Scenario.newPerson("One"), with(ALICE, key)).status()).isEqualTo(201);
        long events = ledger.eventCount();
        Http.Reply other = http.post("/api/learners", Scenario.newPerson("Two"), with(ALICE, key));
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.json().get("type").asText()).isEqualTo("urn:ledger:problem:idempotency-key-reused");
        assertThat(other.json().get("field").asText()).isEqualTo("Idempotency-Key");
        assertThat(ledger.eventCount()).isEqualTo(events);
    }

    @Test
    void a_refusal_is_replayed_too_and_a_malformed_key_is_refused() {
        String key = UUID.randomUUID().toString();
        Http.Reply refused = http.post("/api/learners", Map.of("fullName", ""), with(ALICE, key));
        assertThat(refused.status()).isEqualTo(400);
        Http.Reply again = http.post("/api/learners", Map.of("fullName", ""), with(ALICE, key));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        Http.Reply malformed = http.post("/api/learners", Scenario.newPerson("Bad Key"),
                with(ALICE, "has spaces in it"));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("field").asText()).isEqualTo("Idempotency-Key");
    }

    @Test
    void a_key_whose_first_request_never_finished_is_taken_over_after_its_lease() {
        String stale = UUID.randomUUID().toString();
        String fresh = UUID.randomUUID().toString();
        String scope = sha256("POST /api/learners alice");
        ledger.jdbc().update("INSERT INTO idempotency_record (idempotency_key, scope, request_hash, created_at)"
                + " VALUES (?, ?, ?, ?)", stale, scope, "0".repeat(64),
                java.time.OffsetDateTime.now().minusMinutes(5));
        String busy = Http.JSON.valueToTree(Scenario.newPerson("Busy")).toString();
        String sameRequest = sha256("POST\n/api/learners\nnull\nalice\nHZ-BRANCH\n" + busy);
        ledger.jdbc().update("INSERT INTO idempotency_record (idempotency_key, scope, request_hash, created_at)"
                + " VALUES (?, ?, ?, ?)", fresh, scope, sameRequest, java.time.OffsetDateTime.now());

        Http.Reply takenOver = http.post("/api/learners", Scenario.newPerson("Stale"), with(ALICE, stale));
        assertThat(takenOver.status()).as(takenOver.toString()).isEqualTo(201);
        Http.Reply inFlight = http.post("/api/learners", busy, with(ALICE, fresh));
        assertThat(inFlight.status()).isEqualTo(409);
        assertThat(inFlight.json().get("type").asText()).isEqualTo("urn:ledger:problem:idempotency-key-in-flight");
    }

    @Test
    void a_conflict_is_not_kept_so_the_request_can_be_retried_under_its_key() {
        Map<String, Object> person = Scenario.newPerson("Conflicted");
        assertThat(http.post("/api/learners", person, ALICE).status()).isEqualTo(201);
        String key = UUID.randomUUID().toString();
        assertThat(http.post("/api/learners", person, with(ALICE, key)).status()).isEqualTo(409);
        Http.Reply again = http.post("/api/learners", person, with(ALICE, key));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void an_oversized_body_with_a_key_is_refused() {
        Http.Reply huge = http.post("/api/learners", "{\"fullName\":\"" + "x".repeat(1 << 20) + "\"}",
                with(ALICE, UUID.randomUUID().toString()));
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.json().get("type").asText()).isEqualTo("urn:ledger:problem:request-too-large");
        assertThat(huge.json().get("field").asText()).isEqualTo("body");
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static String[] with(String[] actor, String key) {
        String[] headers = java.util.Arrays.copyOf(actor, actor.length + 2);
        headers[actor.length] = "Idempotency-Key";
        headers[actor.length + 1] = key;
        return headers;
    }
}
