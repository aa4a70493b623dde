package org.creditbank.ledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditbank.ledger.api.Scenario.ALICE;
import static org.creditbank.ledger.api.Scenario.BOB;
import static org.creditbank.ledger.api.Scenario.CAROL;
import static org.creditbank.ledger.api.Scenario.DAVE;
import static org.creditbank.ledger.api.Scenario.ERIN;
import static org.creditbank.ledger.api.Scenario.XIHU;

/** Accounts and achievements through their whole lifecycle over HTTP. */
class AccountLifecycleTest {

    private final RunningLedger ledger = SharedLedger.get();
    private final Http http = ledger.http();

    @Test
    void a_recorded_achievement_is_named_by_a_time_ordered_uuid_of_its_recording() {
        String learner = Scenario.openAccount(http, ALICE, "Named Learner");
        String id = Scenario.record(http, ALICE, learner, Scenario.course("ID-1", "1"));

        UUID uuid = UUID.fromString(id);
        Instant named = Instant.ofEpochMilli(uuid.getMostSignificantBits() >>> 16);
        Instant recorded = Instant.parse(http.get(path(learner, id)).json().get("recordedAt").asText());
        assertThat(uuid.version()).isEqualTo(7);
        // Named as the request came in, just before the act was recorded.
        assertThat(named).isBetween(recorded.minusSeconds(10), recorded);
    }

    @Test
    void correction_and_revocation_change_the_totals_by_events() {
        String learner = Scenario.openAccount(http, ALICE, "Corrected Learner");
        String first = Scenario.record(http, ALICE, learner, Scenario.course("CR-1", "3"));
        String second = Scenario.record(http, ALICE, learner, Scenario.course("CR-2", "2"));
        http.post(path(learner, first) + "/certification", "", BOB);
        http.post(path(learner, second) + "/certification", "", BOB);

        Http.Reply corrected = http.post(path(learner, first) + "/correction", Map.of("reason", "misprint",
                "credits", Map.of("amount", 4, "unit", "BANK_CREDIT"), "title", "Linear Algebra I"), ERIN);
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(200);
        assertThat(corrected.json().get("title").asText()).isEqualTo("Linear Algebra I");
        Http.Reply revoked = http.post(path(learner, second) + "/revocation", Map.of("reason", "fraud"), BOB);
        assertThat(revoked.json().get("status").asText()).isEqualTo("REVOKED");

        JsonNode account = http.get("/api/learners/" + learner).json();
        assertThat(account.get("creditTotals").get(0).get("total").decimalValue()).isEqualByComparingTo("4");
        assertThat(account.get("achievements").get(0).get("history")).extracting(a -> a.get("act").asText())
                .containsExactly("RECORDED", "CERTIFIED", "CORRECTED");
        assertThat(ledger.eventCount(learner)).isEqualTo(7);
    }

    @Test
    void totals_are_kept_per_unit_system_from_certified_achievements_only() {
        String learner = Scenario.openAccount(http, ALICE, "Many Units");
        Map<String, Object> ects = Scenario.course("UNIT-1", "5");
        ects.put("credits", Map.of("amount", 5, "unit", "ECTS"));
        Map<String, Object> hours = Scenario.course("UNIT-2", "1");
        hours.put("credits", Map.of("amount", 36, "unit", "HOURS"));
        Map<String, Object> moreEcts = Scenario.course("UNIT-3", "1");
        moreEcts.put("credits", Map.of("amount", 2.5, "unit", "ECTS"));
        for (Map<String, Object> achievement : java.util.List.of(ects, hours, moreEcts)) {
            String id = Scenario.record(http, ALICE, learner, achievement);
            assertThat(http.post(path(learner, id) + "/certification", "", BOB).status()).isEqualTo(200);
        }
        Scenario.record(http, ALICE, learner, Scenario.course("UNIT-4", "9"));

        JsonNode totals = http.get("/api/learners/" + learner).json().get("creditTotals");
        assertThat(totals).hasSize(2);
        assertThat(totals.get(0).get("unit").asText()).isEqualTo("ECTS");
        assertThat(totals.get(0).get("total").decimalValue()).isEqualByComparingTo("7.5");
        assertThat(totals.get(0).get("achievements").asInt()).isEqualTo(2);
        assertThat(totals.get(1).get("unit").asText()).isEqualTo("HOURS");
        assertThat(totals.get(1).get("total").decimalValue()).isEqualByComparingTo("36");
    }

    @Test
    void a_rejected_achievement_deposits_nothing() {
        String learner = Scenario.openAccount(http, ALICE, "Rejected Learner");
        String id = Scenario.record(http, ALICE, learner, Scenario.course("RJ-1", "3"));
        Http.Reply rejected = http.post(path(learner, id) + "/rejection", Map.of("reason", "no evidence"), BOB);
        assertThat(rejected.json().get("status").asText()).isEqualTo("REJECTED");
        assertThat(http.get("/api/learners/" + learner).json().get("creditTotals")).isEmpty();
        Http.Reply again = http.post(path(learner, id) + "/certification", "", BOB);
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void two_accounts_of_one_person_are_merged_by_events_and_the_merged_one_forwards() {
        String survivor = Scenario.openAccount(http, ALICE, "Survivor");
        String merged = Scenario.openAccount(http, CAROL, "Duplicate");
        String carried = Scenario.record(http, CAROL, merged, Scenario.certificate("MG-" + merged, "VC-MG-" + merged));
        assertThat(http.post(path(merged, carried) + "/certification", "", ERIN).status()).isEqualTo(200);
        String own = Scenario.record(http, ALICE, survivor, Scenario.course("SAME-" + survivor, "3"));
        assertThat(http.post(path(survivor, own) + "/certification", "", BOB).status()).isEqualTo(200);
        String twin = Scenario.record(http, CAROL, merged, Scenario.course("SAME-" + survivor, "3"));
        assertThat(http.post(path(merged, twin) + "/certification", "", ERIN).status()).isEqualTo(200);

        Http.Reply outside = http.post("/api/learners/" + survivor + "/merges",
                Map.of("mergedLearnerNumber", merged, "reason", "same person"), ALICE);
        assertThat(outside.status()).as("HZ-BRANCH does not cover the Ningbo account").isEqualTo(403);

        Http.Reply merge = http.post("/api/learners/" + survivor + "/merges",
                Map.of("mergedLearnerNumber", merged, "reason", "same person, two identity documents"), ERIN);
        assertThat(merge.status()).as(merge.toString()).isEqualTo(200);
        assertThat(merge.json().get("achievements")).extracting(a -> a.get("achievementId").asText())
                .containsExactlyInAnyOrder(carried, own, twin);
        assertThat(merge.json().get("achievements")).filteredOn(a -> a.get("achievementId").asText().equals(twin))
                .singleElement().satisfies(a -> assertThat(a.get("status").asText()).isEqualTo("SUPERSEDED"));
        // The duplicate is carried but never counted twice: 12 (certificate) + 3 (course), not + 3 again.
        assertThat(merge.json().get("creditTotals").get(0).get("total").decimalValue()).isEqualByComparingTo("15");

        Http.Reply forwarded = http.get("/api/learners/" + merged);
        assertThat(forwarded.status()).isEqualTo(308);
        assertThat(forwarded.header("Location")).isEqualTo("/api/learners/" + survivor);
        Http.Reply actOnMerged = http.post("/api/learners/" + merged + "/achievements",
                Scenario.course("AFTER-MERGE", "1"), ALICE);
        assertThat(actOnMerged.status()).isEqualTo(409);
        assertThat(actOnMerged.json().get("survivor").asText()).isEqualTo(survivor);
        // The carried achievement is now decided on the survivor, within the recording branch's jurisdiction.
        Http.Reply revoked = http.post(path(survivor, carried) + "/revocation", Map.of("reason", "fraud"), CAROL);
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
    }

    @Test
    void a_suspended_branch_records_nothing_until_reinstated() {
        String learner = Scenario.openAccount(http, ALICE, "Suspension Learner");
        Http.Reply suspended = http.post("/api/branches/" + XIHU + "/suspension", Map.of("reason", "audit"), ALICE);
        assertThat(suspended.json().get("status").asText()).isEqualTo("SUSPENDED");
        Http.Reply refused = http.post("/api/learners/" + learner + "/achievements", Scenario.course("SU-1", "1"),
                DAVE);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("type").asText()).isEqualTo("urn:ledger:problem:branch-not-active");
        Http.Reply reinstated = http.post("/api/branches/" + XIHU + "/reinstatement", Map.of("reason", "ok"), ERIN);
        assertThat(reinstated.json().get("status").asText()).isEqualTo("ACTIVE");
        assertThat(http.post("/api/learners/" + learner + "/achievements", Scenario.course("SU-1", "1"), DAVE)
                .status()).isEqualTo(201);
    }

    @Test
    void contact_details_are_replaced_within_the_opening_branchs_jurisdiction() {
        String learner = Scenario.openAccount(http, ALICE, "Moving Learner");
        assertThat(http.put("/api/learners/" + learner + "/contact", Map.of("address", "Ningbo"), CAROL).status())
                .isEqualTo(403);
        Http.Reply updated = http.put("/api/learners/" + learner + "/contact",
                Map.of("phone", "+86 574 1111", "address", "Ningbo"), BOB);
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().get("contact").get("address").asText()).isEqualTo("Ningbo");
        assertThat(updated.json().get("contact").has("email")).isFalse();
    }

    @Test
    void the_openapi_description_lists_the_api() {
        JsonNode api = http.get("/v3/api-docs").json();
        assertThat(api.get("paths").has("/api/learners/{learnerNumber}/achievements")).isTrue();
        assertThat(api.get("paths").has("/api/learners/{learnerNumber}/achievements/{achievementId}/certification"))
                .isTrue();
        assertThat(api.get("paths").has("/api/branches/{code}/officers")).isTrue();
    }

    private static String path(String learner, String achievement) {
        return "/api/learners/" + learner + "/achievements/" + achievement;
    }
}
