package org.creditbank.ledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditbank.ledger.api.Scenario.ALICE;
import static org.creditbank.ledger.api.Scenario.BOB;
import static org.creditbank.ledger.api.Scenario.ERIN;

/**
 * A family of twenty over HTTP on PostgreSQL: learning points earned from certified elderly education, then a
 * thousand transfers at once from elders to the young — the family's total conserved exactly, no balance below zero,
 * every transfer answered 200 stored once, and a repeated transfer id stored once.
 */
class GroupsAndPointsTest {

    private static final int MEMBERS = 20;
    private static final int TRANSFERS = 1000;
    private static final int THREADS = 16;
    private static final RunningLedger ledger = SharedLedger.get();
    private static final Http http = ledger.http();
    private static final String FAMILY = "family-" + UUID.randomUUID().toString().substring(0, 8);
    private static final List<String> members = new ArrayList<>();
    private static final Map<String, Integer> generations = new HashMap<>();

    @BeforeAll
    static void aFamilyOfTwentyWithPoints() {
        Http.Reply rule = http.post("/api/points-rules", Map.of("ruleId", "POINTS-" + FAMILY, "kinds",
                List.of("ELDERLY_EDUCATION"), "pointsPerCredit", 10, "effectiveFrom", "2020-01-01"), ERIN);
        assertThat(rule.status()).as(rule.toString()).isEqualTo(204);
        for (int i = 0; i < MEMBERS; i++) {
            String learner = member("Member " + i);
            members.add(learner);
            generations.put(learner, 1 + i % 5);
        }
        Scenario.created(http.post("/api/groups", Map.of("groupId", FAMILY, "kind", "FAMILY", "name", "The Wangs",
                "founder", members.get(0), "generation", 1), ALICE));
        for (String learner : members.subList(1, MEMBERS)) {
            assertThat(http.post("/api/groups/" + FAMILY + "/invitations", Map.of("invitedBy", members.get(0),
                    "learnerNumber", learner, "generation", generations.get(learner)), ALICE).status())
                    .isEqualTo(200);
            assertThat(http.post("/api/groups/" + FAMILY + "/members/" + learner + "/acceptance", "", ALICE)
                    .status()).isEqualTo(200);
        }
    }

    @Test
    void certified_learning_earns_points_and_a_family_reads_its_members() {
        JsonNode group = http.get("/api/groups/" + FAMILY, ALICE).json();
        assertThat(group.get("members")).hasSize(MEMBERS).allSatisfy(m ->
                assertThat(m.get("status").asText()).isEqualTo("MEMBER"));
        // A grandmother and her grandson of their own: 100 points each from their certified learning.
        String family = "pair-" + FAMILY;
        String elder = member("Grandma Pair");
        String young = member("Grandson Pair");
        assertThat(http.get("/api/learners/" + elder + "/points", ALICE).json().get("balance").decimalValue())
                .isEqualByComparingTo("100");
        Scenario.created(http.post("/api/groups", Map.of("groupId", family, "kind", "FAMILY", "name", "The Pairs",
                "founder", elder, "generation", 1), ALICE));
        http.post("/api/groups/" + family + "/invitations", Map.of("invitedBy", elder, "learnerNumber", young,
                "generation", 3), ALICE);
        http.post("/api/groups/" + family + "/members/" + young + "/acceptance", "", ALICE);
        // The young cannot give to their elders; a repeated transfer is stored once.
        Http.Reply upward = transfer(family, "up-" + family, young, elder, 1);
        assertThat(upward.status()).as(upward.toString()).isEqualTo(409);
        assertThat(upward.json().get("type").asText()).isEqualTo("urn:ledger:problem:not-to-the-younger");
        assertThat(transfer(family, "once-" + family, elder, young, 30).status()).isEqualTo(200);
        assertThat(transfer(family, "once-" + family, elder, young, 30).status()).isEqualTo(200);
        assertThat(transfersStored(family)).isEqualTo(1);
        Http.Reply reused = transfer(family, "once-" + family, elder, young, 31);
        assertThat(reused.status()).as(reused.toString()).isEqualTo(409);
        JsonNode given = http.get("/api/learners/" + elder + "/points", ALICE).json();
        assertThat(given.get("balance").decimalValue()).isEqualByComparingTo("70");
        assertThat(given.get("entries").get(0).get("entry").asText()).isEqualTo("GIVEN");
        assertThat(http.get("/api/learners/" + young + "/points", ALICE).json().get("balance").decimalValue())
                .isEqualByComparingTo("130");
        // A learner is in one family at a time.
        Http.Reply second = http.post("/api/groups", Map.of("groupId", "second-" + FAMILY, "kind", "FAMILY", "name",
                "Another", "founder", elder, "generation", 1), ALICE);
        assertThat(second.status()).as(second.toString()).isEqualTo(409);
        assertThat(second.json().get("type").asText()).isEqualTo("urn:ledger:problem:already-in-family");
    }

    @Test
    void a_merge_carries_the_merged_accounts_points_and_family_place_to_the_survivor() {
        String family = "merge-" + FAMILY;
        String elder = member("Grandma Merge");
        String copy = member("Grandma Merge Again");
        String young = member("Grandson Merge");
        Scenario.created(http.post("/api/groups", Map.of("groupId", family, "kind", "FAMILY", "name", "The Merges",
                "founder", copy, "generation", 1), ALICE));
        assertThat(http.post("/api/groups/" + family + "/invitations", Map.of("invitedBy", copy, "learnerNumber",
                young, "generation", 3), ALICE).status()).isEqualTo(200);
        assertThat(http.post("/api/groups/" + family + "/members/" + young + "/acceptance", "", ALICE).status())
                .isEqualTo(200);

        Http.Reply merge = http.post("/api/learners/" + elder + "/merges", Map.of("mergedLearnerNumber", copy,
                "reason", "one grandmother, two accounts"), ALICE);
        assertThat(merge.status()).as(merge.toString()).isEqualTo(200);
        // The points came along, booked as two lines; the family place too.
        JsonNode points = http.get("/api/learners/" + elder + "/points", ALICE).json();
        assertThat(points.get("balance").decimalValue()).isEqualByComparingTo("200");
        assertThat(points.get("entries")).extracting(e -> e.get("entry").asText() + ":" + e.get("points")
                .decimalValue().toPlainString()).contains("MERGED_IN:100");
        assertThat(http.get("/api/groups/" + family, ALICE).json().get("members")).extracting(
                m -> m.get("learnerNumber").asText() + ":" + m.get("status").asText()).containsExactlyInAnyOrder(
                elder + ":MEMBER", copy + ":MERGED", young + ":MEMBER");
        // The survivor gives as the family's elder; the merged account no longer takes part.
        assertThat(transfer(family, "after-merge-" + family, elder, young, 30).status()).isEqualTo(200);
        Http.Reply fromMerged = transfer(family, "merged-" + family, copy, young, 1);
        assertThat(fromMerged.status()).as(fromMerged.toString()).isEqualTo(409);
        assertThat(fromMerged.json().get("type").asText()).isEqualTo("urn:ledger:problem:not-member");
        assertThat(http.get("/api/learners/" + young + "/points", ALICE).json().get("balance").decimalValue())
                .isEqualByComparingTo("130");
        assertThat(http.get("/api/learners/" + elder + "/points", ALICE).json().get("balance").decimalValue())
                .isEqualByComparingTo("170");
    }

    @Test
    void a_thousand_transfers_at_once_conserve_the_familys_points_and_leave_no_balance_below_zero()
            throws Exception {
        BigDecimal total = total();
        assertThat(total).isPositive();
        long storedBefore = transfersStored(FAMILY);
        Random random = new Random(20);
        List<String[]> planned = new ArrayList<>();
        while (planned.size() < TRANSFERS) {
            String from = members.get(random.nextInt(MEMBERS));
            String to = members.get(random.nextInt(MEMBERS));
            if (generations.get(from) < generations.get(to)) {
                planned.add(new String[] {"t-" + planned.size() + "-" + FAMILY, from, to,
                        String.valueOf(1 + random.nextInt(40))});
            }
        }
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        List<Future<Http.Reply>> replies = new ArrayList<>();
        try {
            for (String[] t : planned) {
                replies.add(threads.submit(() -> transferRepeatingLostRaces(t[0], t[1], t[2],
                        Integer.parseInt(t[3]))));
            }
            int done = 0;
            for (Future<Http.Reply> reply : replies) {
                Http.Reply answer = reply.get();
                assertThat(answer.status()).as(answer.toString()).isIn(200, 409);
                if (answer.status() == 409) {
                    assertThat(answer.json().get("type").asText()).isEqualTo("urn:ledger:problem:insufficient-points");
                } else {
                    done++;
                }
            }
            assertThat(transfersStored(FAMILY) - storedBefore).isEqualTo(done);
            System.out.printf("GroupsAndPointsTest: %d of %d transfers given, the rest refused for the giver's"
                    + " points%n", done, TRANSFERS);
        } finally {
            threads.shutdownNow();
        }
        assertThat(total()).isEqualByComparingTo(total);
        for (String learner : members) {
            assertThat(http.get("/api/learners/" + learner + "/points", ALICE).json().get("balance")
                    .decimalValue()).isNotNegative();
        }
    }

    /** A new learner with 100 points: 10 standard credits of certified elderly education. */
    private static String member(String name) {
        String learner = Scenario.openAccount(http, ALICE, name);
        Map<String, Object> painting = Scenario.course("PT-" + learner, "10");
        painting.put("kind", "ELDERLY_EDUCATION");
        String id = Scenario.record(http, ALICE, learner, painting);
        assertThat(http.post("/api/learners/" + learner + "/achievements/" + id + "/certification", "", BOB)
                .status()).isEqualTo(200);
        return learner;
    }

    private static Http.Reply transfer(String family, String id, String from, String to, int points) {
        return http.post("/api/groups/" + family + "/transfers", Map.of("transferId", id, "from", from, "to", to,
                "points", points), ALICE);
    }

    /**
     * A transfer as a client makes it: repeated with the same transfer id while the answer is a lost race
     * ({@code concurrent-change} says to repeat it), so that each transfer ends given or refused for its points.
     */
    private static Http.Reply transferRepeatingLostRaces(String id, String from, String to, int points) {
        Http.Reply reply = transfer(FAMILY, id, from, to, points);
        for (int attempt = 0; attempt < 50 && reply.status() == 409
                && reply.json().get("type").asText().endsWith(":concurrent-change"); attempt++) {
            reply = transfer(FAMILY, id, from, to, points);
        }
        return reply;
    }

    private static BigDecimal total() {
        BigDecimal total = BigDecimal.ZERO;
        for (String learner : members) {
            total = total.add(http.get("/api/learners/" + learner + "/points", ALICE).json().get("balance")
                    .decimalValue());
        }
        return total;
    }

    private static long transfersStored(String family) {
        return ledger.jdbc().queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " AND payload_type LIKE '%PointsTransferred'", Long.class, "group:" + family);
    }
}
