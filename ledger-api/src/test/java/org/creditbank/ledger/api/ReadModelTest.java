package org.creditbank.ledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditbank.ledger.api.Scenario.ALICE;
import static org.creditbank.ledger.api.Scenario.BOB;
import static org.creditbank.ledger.api.Scenario.CAROL;
import static org.creditbank.ledger.api.Scenario.DAVE;
import static org.creditbank.ledger.api.Scenario.ERIN;

/**
 * Replay equals live after a mixed workload (corrections, revocations, rejections, a merge), differences are found and
 * reported row by row, and every read model is rebuilt beside the live one while the ledger keeps taking commands.
 */
class ReadModelTest {


    private static RunningLedger ledger;
    private static Http http;

    @BeforeAll
    static void mixedWorkload() {
        ledger = RunningLedger.onPostgres();
        http = ledger.http();
        Scenario.installNetwork(http);
        for (int i = 0; i < 30; i++) {
            lifeOf(i);
        }
        // Certificates kept: the certificate register holds them (the lives' certificates are all rejected).
        String holder = Scenario.openAccount(http, ALICE, "Certificate holder");
        Scenario.record(http, ALICE, holder, Scenario.certificate("RM-KEPT-1", "VC-RM-KEPT-1"));
        Scenario.record(http, ALICE, holder, Scenario.certificate("RM-KEPT-2", "VC-RM-KEPT-2"));
        String survivor = Scenario.openAccount(http, ALICE, "Survivor");
        String merged = Scenario.openAccount(http, CAROL, "Duplicate");
        String carried = Scenario.record(http, CAROL, merged, Scenario.course("RM-CARRIED", "2"));
        ok(http.post(achievement(merged, carried) + "/certification", "", ERIN));
        Scenario.record(http, ALICE, survivor, Scenario.course("RM-SAME", "3"));
        String twin = Scenario.record(http, CAROL, merged, Scenario.course("RM-SAME", "3"));
        ok(http.post(achievement(merged, twin) + "/certification", "", ERIN));
        ok(http.post("/api/learners/" + survivor + "/merges", Map.of("mergedLearnerNumber", merged,
                "reason", "same person"), ERIN));
        conversions();
    }

    /**
     * An institution's catalogue (a programme; a rule amended, another withdrawn; a qualification) and applications to
     * it: granted, refused, grants invalidated by their source's revocation, and an award flagged for review by one.
     */
    private static void conversions() {
        String[] ivan = {Http.AS, "ivan", "Ledger-Branch", "RM-INST"};
        Scenario.created(http.post("/api/branches", Map.of("code", "RM-INST", "name", "Replay University",
                "tier", "INSTITUTION_BRANCH", "parentCode", Scenario.HANGZHOU, "divisionCode", "330100"), ALICE));
        Scenario.created(http.post("/api/branches/RM-INST/officers", Scenario.officer("ivan", "Ivan Lu"), ERIN));
        Scenario.created(http.post("/api/institutions/RM-INST/programmes", Map.of("programme", "RM-PROG", "title",
                "Replay Studies", "unit", "INSTITUTION:RMU", "totalCredits", 100, "transferCap", 50), ALICE));
        for (String rule : List.of("RM-R1", "RM-R2")) {
            Scenario.created(http.post("/api/institutions/RM-INST/recognition-rules", Map.of("ruleId", rule,
                    "programme", "RM-PROG", "criteria", Map.of("kind", "ACADEMIC_COURSE"), "grant",
                    Map.of("unit", "INSTITUTION:RMU", "credits", 2), "effectiveFrom", "2020-01-01"), ALICE));
        }
        ok(http.post("/api/recognition-rules/RM-R1/amendment", Map.of("criteria", Map.of("kind", "ACADEMIC_COURSE"),
                "grant", Map.of("unit", "INSTITUTION:RMU", "credits", 3), "effectiveFrom", "2021-01-01", "reason",
                "three credits"), ALICE));
        ok(http.post("/api/recognition-rules/RM-R2/withdrawal", Map.of("withdrawnFrom", "2021-01-01", "reason",
                "replaced"), ALICE));
        Scenario.created(http.post("/api/institutions/RM-INST/qualifications", Map.of("qualification", "RM-QUAL",
                "title", "Replay Certificate", "kind", "CERTIFICATE_OF_COMPLETION", "programme", "RM-PROG",
                "totalCredits", 3), ALICE));
        Scenario.created(http.post("/api/agreements", Map.of("agreementId", "RM-AGREE", "first", "RM-INST",
                "second", Scenario.HANGZHOU, "firstAccepts", List.of("RM-R1"), "effectiveFrom", "2020-01-01"), ERIN));
        Scenario.created(http.post("/api/agreements", Map.of("agreementId", "RM-GONE", "first", "RM-INST",
                "second", Scenario.NINGBO, "firstAccepts", List.of("RM-R2"), "effectiveFrom", "2020-01-01"), ERIN));
        ok(http.post("/api/agreements/RM-GONE/withdrawal", Map.of("withdrawnFrom", "2021-01-01", "reason", "ended"),
                ERIN));
        ok(http.post("/api/hours-rules", Map.of("ruleId", "RM-HOURS", "kinds", List.of("ELDERLY_EDUCATION"),
                "hoursPerCredit", 16, "yearlyCap", 4, "scale", 1, "rounding", "DOWN", "effectiveFrom", "2020-01-01"),
                ERIN));
        assertThat(http.post("/api/points-rules", Map.of("ruleId", "RM-POINTS", "kinds", List.of("ELDERLY_EDUCATION"),
                "pointsPerCredit", 10, "effectiveFrom", "2020-01-01"), ERIN).status()).isEqualTo(204);
        String elder = Scenario.openAccount(http, ALICE, "Elder");
        Map<String, Object> painting = Scenario.course("RM-ELDER", "1");
        painting.put("kind", "ELDERLY_EDUCATION");
        painting.put("credits", Map.of("amount", 32, "unit", "HOURS"));
        ok(http.post(achievement(elder, Scenario.record(http, ALICE, elder, painting)) + "/certification", "", BOB));
        // A family: the elder gives some of the points the painting earned to a grandchild, who then leaves.
        String grandchild = Scenario.openAccount(http, ALICE, "Grandchild");
        Scenario.created(http.post("/api/groups", Map.of("groupId", "rm-family", "kind", "FAMILY", "name", "Elders",
                "founder", elder, "generation", 1), ALICE));
        ok(http.post("/api/groups/rm-family/invitations", Map.of("invitedBy", elder, "learnerNumber", grandchild,
                "generation", 3), ALICE));
        ok(http.post("/api/groups/rm-family/members/" + grandchild + "/acceptance", "", ALICE));
        ok(http.post("/api/groups/rm-family/transfers", Map.of("transferId", "rm-gift-1", "from", elder, "to",
                grandchild, "points", 5), ALICE));
        ok(http.post("/api/groups/rm-family/members/" + grandchild + "/departure", "", ALICE));
        for (int j = 0; j < 4; j++) {
            String learner = Scenario.openAccount(http, ALICE, "Converting " + j);
            String course = Scenario.record(http, ALICE, learner, Scenario.course("RM-CONV-" + j, "3"));
            ok(http.post(achievement(learner, course) + "/certification", "", BOB));
            String application = Scenario.created(http.post("/api/learners/" + learner + "/conversions",
                    Map.of("institution", "RM-INST", "programme", "RM-PROG", "sources", List.of(course)), ALICE))
                    .json().get("applicationId").asText();
            ok(http.post("/api/learners/" + learner + "/conversions/" + application + "/decision",
                    j % 2 == 0 ? Map.of() : Map.of("refusal", "transcript missing"), ivan));
            if (j == 2) {
                // Awarded on the converted credits, then flagged when their source is revoked.
                Scenario.created(http.post("/api/learners/" + learner + "/qualifications", Map.of("institution",
                        "RM-INST", "qualification", "RM-QUAL", "evidence", Map.of("sha256", "d".repeat(64),
                                "mediaType", "application/pdf")), ivan));
            }
            if (j == 0 || j == 2) {
                ok(http.post(achievement(learner, course) + "/revocation", Map.of("reason", "withdrawn"), BOB));
            }
        }
        // A merge carries a granted and an undecided application, the points and a family place (which ends: the
        // survivor is in a family of its own).
        String survivor = Scenario.openAccount(http, ALICE, "Converting survivor");
        String merged = Scenario.openAccount(http, ALICE, "Converting merged");
        for (String course : List.of("RM-CONV-M1", "RM-CONV-M2")) {
            String id = Scenario.record(http, ALICE, merged, Scenario.course(course, "3"));
            ok(http.post(achievement(merged, id) + "/certification", "", BOB));
            String application = Scenario.created(http.post("/api/learners/" + merged + "/conversions",
                    Map.of("institution", "RM-INST", "programme", "RM-PROG", "sources", List.of(id)), ALICE))
                    .json().get("applicationId").asText();
            if (course.endsWith("M1")) {
                ok(http.post("/api/learners/" + merged + "/conversions/" + application + "/decision", Map.of(),
                        ivan));
            }
        }
        ok(http.post("/api/learners/" + survivor + "/merges", Map.of("mergedLearnerNumber", merged,
                "reason", "same person"), ALICE));
        String elderAgain = Scenario.openAccount(http, ALICE, "Elder again");
        Map<String, Object> pottery = Scenario.course("RM-ELDER-2", "1");
        pottery.put("kind", "ELDERLY_EDUCATION");
        pottery.put("credits", Map.of("amount", 32, "unit", "HOURS"));
        ok(http.post(achievement(elderAgain, Scenario.record(http, ALICE, elderAgain, pottery)) + "/certification",
                "", BOB));
        Scenario.created(http.post("/api/groups", Map.of("groupId", "rm-family-2", "kind", "FAMILY", "name",
                "Elders again", "founder", elderAgain, "generation", 1), ALICE));
        ok(http.post("/api/learners/" + elder + "/merges", Map.of("mergedLearnerNumber", elderAgain,
                "reason", "same person"), ALICE));
    }

    @AfterAll
    static void stop() {
        ledger.close();
    }

    /** A learner with achievements recorded, certified, rejected, corrected and revoked. */
    private static String lifeOf(int i) {
        String learner = Scenario.openAccount(http, i % 2 == 0 ? ALICE : CAROL, "Mixed " + i);
        String[] recorder = i % 3 == 0 ? DAVE : ALICE;
        String certified = Scenario.record(http, recorder, learner, Scenario.course("RM-A-" + i, "3"));
        ok(http.post(achievement(learner, certified) + "/certification", "", BOB));
        String rejected = Scenario.record(http, recorder, learner, Scenario.certificate("RM-B-" + i,
                "VC-RM-" + i + "-" + learner));
        ok(http.post(achievement(learner, rejected) + "/rejection", Map.of("reason", "unreadable scan"), BOB));
        String corrected = Scenario.record(http, recorder, learner, Scenario.course("RM-C-" + i, "2"));
        ok(http.post(achievement(learner, corrected) + "/certification", "", BOB));
        ok(http.post(achievement(learner, corrected) + "/correction", Map.of("reason", "misprint",
                "title", "Linear Algebra II", "credits", Map.of("amount", "2.5", "unit", "BANK_CREDIT")), BOB));
        if (i % 4 == 0) {
            ok(http.post(achievement(learner, certified) + "/revocation", Map.of("reason", "withdrawn"), BOB));
        }
        return learner;
    }

    private static String achievement(String learner, String id) {
        return "/api/learners/" + learner + "/achievements/" + id;
    }

    private static void ok(Http.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }

    @Test
    void replay_equals_live_after_a_mixed_workload_and_differences_are_reported_row_by_row() {
        JsonNode report = http.get("/api/audit/replay-check").json();
        assertThat(report.get("equal").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.get("readModels").findValuesAsText("readModel"))
                .containsExactlyElementsOf(Scenario.readModels(http));
        for (JsonNode model : report.get("readModels")) {
            assertThat(model.get("events").asLong()).as(model.toString()).isPositive();
            assertThat(model.get("rows").asLong()).as(model.toString()).isPositive();
            assertThat(model.get("differences").asLong()).isZero();
        }
        LedgerCliProcess.Run equal = LedgerCliProcess.ledger("replay-check", "--url", http.base(),
                "--token", http.identity().token(Identity.AUDITOR));
        assertThat(equal.exit()).as(equal.err()).isZero();
        assertThat(equal.out()).contains("EQUAL archive", "EQUAL act-log", "EQUAL statistics");

        // Someone rewrites a live row behind the ledger's back: the check names it, on both sides.
        String id = ledger.jdbc().queryForObject("SELECT achievement_id FROM achievement WHERE status = 'CERTIFIED'"
                + " ORDER BY achievement_id LIMIT 1", String.class);
        ledger.jdbc().update("UPDATE achievement SET title = 'Rewritten' WHERE achievement_id = ?", id);
        try {
            JsonNode tampered = http.get("/api/audit/replay-check?readModel=archive").json();
            assertThat(tampered.get("equal").asBoolean()).isFalse();
            JsonNode archive = tampered.get("readModels").get(0);
            assertThat(archive.get("differences").asLong()).isEqualTo(2);
            assertThat(archive.get("sample")).hasSize(2).allSatisfy(d -> {
                assertThat(d.get("table").asText()).isEqualTo("achievement");
                assertThat(d.get("row").get("achievement_id").asText()).isEqualTo(id);
            });
            assertThat(archive.get("sample").findValuesAsText("foundIn")).containsExactlyInAnyOrder("live", "replay");
            LedgerCliProcess.Run different = LedgerCliProcess.ledger("replay-check", "--url",
                    http.base(), "--read-model", "archive", "--token", http.identity().token(Identity.AUDITOR));
            assertThat(different.exit()).isEqualTo(1);
            assertThat(different.out()).contains("DIFFERENT archive", "Rewritten", id);
            assertThat(different.err()).startsWith("ledger: REPLAY DIFFERS FROM LIVE");
        } finally {
            ledger.jdbc().update("UPDATE achievement SET title = 'Linear Algebra' WHERE achievement_id = ?", id);
        }
        assertThat(http.get("/api/audit/replay-check?readModel=nothing").status()).isEqualTo(404);
    }

    @Test
    void identifiers_compare_byte_by_byte_in_every_slot_and_names_keep_the_database_collation() {
        String slots = "'^(learner_account|achievement|achievement_act|ledger_act|stat_[a-z_]+)(_b|_scratch)?$'";
        List<Map<String, Object>> identifiers = ledger.jdbc().queryForList("SELECT table_name, column_name,"
                + " collation_name FROM information_schema.columns WHERE table_schema = current_schema()"
                + " AND table_name ~ " + slots + " AND column_name IN ('achievement_id', 'learner_number',"
                + " 'branch_code', 'aggregate_identifier', 'event_identifier', 'node', 'period')");
        // Three slots of achievement, achievement_act, learner_account, ledger_act and ten statistics tables.
        assertThat(identifiers).hasSizeGreaterThanOrEqualTo(3 * 14);
        assertThat(identifiers).allSatisfy(column -> assertThat(column.get("collation_name")).as(column.toString())
                .isEqualTo("C"));
        assertThat(ledger.jdbc().queryForList("SELECT table_name FROM information_schema.columns"
                + " WHERE table_schema = current_schema() AND table_name IN ('branch', 'branch_officer',"
                + " 'certificate_holder') AND collation_name = 'C'", String.class))
                .contains("branch", "branch_officer", "certificate_holder");
        assertThat(ledger.jdbc().queryForList("SELECT collation_name FROM information_schema.columns"
                + " WHERE table_schema = current_schema() AND column_name IN ('title', 'full_name')"
                + " AND table_name ~ " + slots, String.class)).hasSize(6).containsOnlyNulls();
    }

    @Test
    void every_read_model_is_rebuilt_beside_the_live_one_while_commands_keep_coming() throws Exception {
        String watched = lifeOf(100);
        JsonNode archiveBefore = http.get("/api/learners/" + watched + "/archive").json();
        JsonNode actsBefore = http.get("/api/audit/acts?learner=" + watched).json();
        // As if a rebuild had been cut off after dropping the idle slots' indexes and keys: the next one restores them.
        String idle = suffix(http.get("/api/admin/read-models/archive").json().get("liveSlot").asText().equals("A")
                ? "B" : "A");
        ledger.jdbc().execute("DROP INDEX ledger_act" + idle + "_branch_ix");
        ledger.jdbc().execute("ALTER TABLE ledger_act" + idle + " DROP CONSTRAINT ledger_act" + idle + "_pk");

        for (int round = 0; round < 2; round++) {
            AtomicBoolean writing = new AtomicBoolean(true);
            List<String> writtenDuring = new CopyOnWriteArrayList<>();
            ExecutorService writer = Executors.newSingleThreadExecutor();
            int base = 200 + round * 100;
            Future<?> writes = writer.submit(() -> {
                for (int i = base; writing.get(); i++) {
                    writtenDuring.add(lifeOf(i));
                }
                return null;
            });
            List<String> slots = new ArrayList<>();
            if (round == 0) {
                for (String name : Scenario.readModels(http)) {
                    Http.Reply started = http.post("/api/admin/read-models/" + name + "/rebuild", "");
                    assertThat(started.status()).as(started.toString()).isEqualTo(202);
                    assertThat(started.header("Location")).isEqualTo("/api/admin/read-models/" + name);
                    slots.add(started.json().get("slot").asText());
                    Http.Reply again = http.post("/api/admin/read-models/" + name + "/rebuild", "");
                    assertThat(again.status()).as("one rebuild of a read model at a time").isEqualTo(409);
                    assertThat(again.json().get("type").asText()).isEqualTo("urn:ledger:problem:rebuild-in-progress");
                    assertThat(again.json().get("field").asText()).isEqualTo("name");
                    assertThat(again.json().get("detail").asText()).contains("read model " + name);
                    // The live slot keeps answering while the other one is rebuilt.
                    assertThat(http.get("/api/learners/" + watched + "/archive").json()).isEqualTo(archiveBefore);
                }
            } else {
                // All at once, from one scan of the event store.
                Http.Reply started = http.post("/api/admin/read-models/rebuild", "");
                assertThat(started.status()).as(started.toString()).isEqualTo(202);
                assertThat(started.header("Location")).isEqualTo("/api/admin/read-models");
                for (String name : Scenario.readModels(http)) {
                    JsonNode progress = StreamSupport.stream(started.json().spliterator(), false)
                            .filter(p -> p.get("readModel").asText().equals(name)).findFirst().orElseThrow();
                    slots.add(progress.get("slot").asText());
                }
                Http.Reply again = http.post("/api/admin/read-models/rebuild?readModel=archive", "");
                assertThat(again.status()).as("one rebuild of a read model at a time").isEqualTo(409);
                assertThat(again.json().get("type").asText()).isEqualTo("urn:ledger:problem:rebuild-in-progress");
                assertThat(again.json().get("field").asText()).isEqualTo("readModel");
                assertThat(again.json().get("detail").asText()).contains("read model archive");
                assertThat(http.get("/api/learners/" + watched + "/archive").json()).isEqualTo(archiveBefore);
            }
            List<String> readModels = Scenario.readModels(http);
            for (int i = 0; i < readModels.size(); i++) {
                String name = readModels.get(i);
                JsonNode status = Await.until(name + " to be rebuilt and switched", Duration.ofSeconds(90),
                        () -> http.get("/api/admin/read-models/" + name).json(),
                        s -> s.get("rebuild").get("state").asText().matches("SWITCHED|FAILED"));
                assertThat(status.get("rebuild").get("state").asText()).as(status.toString()).isEqualTo("SWITCHED");
                assertThat(status.get("liveSlot").asText()).isEqualTo(slots.get(i));
                assertThat(status.get("rebuild").get("position").asLong()).isPositive();
            }
            writing.set(false);
            writes.get();
            writer.shutdown();
            assertThat(writtenDuring).isNotEmpty();

            assertThat(http.get("/api/learners/" + watched + "/archive").json()).isEqualTo(archiveBefore);
            assertThat(http.get("/api/audit/acts?learner=" + watched).json()).isEqualTo(actsBefore);
            for (String learner : writtenDuring) {
                assertThat(http.get("/api/learners/" + learner + "/archive").json().get("total").asLong())
                        .as("every achievement recorded during the rebuild is in the rebuilt archive").isEqualTo(3);
            }
            JsonNode check = http.get("/api/audit/replay-check").json();
            assertThat(check.get("equal").asBoolean()).as(check.toString()).isTrue();
        }
        // Both slots were rebuilt once: each has every index and key the other has.
        assertThat(indexes("")).isNotEmpty().contains("achievement_learner_ix", "ledger_act_pk (primary key)",
                "stat_fact_branch_ix", "stat_active_learner_ix", "ledger_act_branch_ix",
                "achievement_act_pk (primary key)", "achievement_queue_ix").isEqualTo(indexes("_b"));

        Http.Reply unknown = http.post("/api/admin/read-models/nothing/rebuild", "");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("field").asText()).isEqualTo("name");
        Http.Reply unknownInList = http.post("/api/admin/read-models/rebuild?readModel=archive&readModel=nothing", "");
        assertThat(unknownInList.status()).isEqualTo(404);
        assertThat(unknownInList.json().get("field").asText()).isEqualTo("readModel");
        assertThat(http.get("/api/admin/read-models/archive").json().get("rebuild").get("state").asText())
                .as("nothing was started").isEqualTo("SWITCHED");
    }

    private static String suffix(String slot) {
        return slot.equals("A") ? "" : "_b";
    }

    /**
     * The indexes of a slot's read-model tables, named as slot A would name them, each key marked as the primary key
     * (a rebuild builds a key's index first, then makes it the key).
     */
    private static List<String> indexes(String suffix) {
        List<String> tables = List.of("learner_account", "achievement", "achievement_act", "ledger_act", "stat_fact",
                "stat_month", "stat_active", "stat_achievement", "stat_reach_count");
        List<String> names = new ArrayList<>();
        for (String table : tables) {
            ledger.jdbc().query("SELECT i.indexname, c.contype FROM pg_indexes i LEFT JOIN pg_constraint c"
                    + " ON c.conname = i.indexname AND c.connamespace = CAST(current_schema() AS regnamespace)"
                    + " WHERE i.schemaname = current_schema() AND i.tablename = ?", rs -> {
                        String name = rs.getString(1);
                        names.add(table + name.substring((table + suffix).length())
                                + ("p".equals(rs.getString(2)) ? " (primary key)" : ""));
                    }, table + suffix);
        }
        return names.stream().sorted().toList();
    }
}
