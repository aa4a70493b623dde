package org.creditbank.ledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.creditbank.ledger.api.BodyMutations.Expect;
import org.creditbank.ledger.api.BodyMutations.Mutation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditbank.ledger.api.Scenario.ALICE;
import static org.creditbank.ledger.api.Scenario.BOB;
import static org.creditbank.ledger.api.Scenario.ERIN;
import static org.creditbank.ledger.api.Scenario.HANGZHOU;
import static org.creditbank.ledger.api.Scenario.XIHU;

/**
 * Every POST and PUT of the OpenAPI description, sent by a principal allowed to make it, with deterministic
 * mutations of a valid body ({@link BodyMutations}): a body the API's rules refuse is a 4xx problem+json that stores
 * nothing, a mutation that may stay valid is answered 2xx or 4xx, and nothing is ever a 5xx. An operation without a
 * valid body here fails the test: a new endpoint must be added to {@link #operations()}.
 */
class FuzzedInputTest {

    private static final String CERTIFIER = "cora";
    private static final String[] CORA = {Http.AS, CERTIFIER, "Ledger-Branch", HANGZHOU};
    private static final String[] OPERATOR = {Http.AS, Identity.OPERATOR};
    private static final long SEED = 23;

    /** One operation: the path it is sent to, who sends it, and its valid body (null when it reads none). */
    private record Operation(String path, String[] actor, Supplier<Map<String, Object>> body) {
    }

    private static final AtomicInteger SERIAL = new AtomicInteger();
    /** The achievement each act on one is tried on, by the act's path segment. */
    private static final Map<String, String> ACHIEVEMENTS = new LinkedHashMap<>();
    private static RunningLedger ledger;
    private static Http http;
    private static String learner;
    private static String mergeable;
    private static String closable;
    private static String bindable;
    /** A certified achievement of the learner, and an application of it to the institution. */
    private static String convertible;
    private static String application;
    private static final String[] IVY = {Http.AS, "fz-ivy", "Ledger-Branch", "FZ-INST"};
    private static final String NINGBO_CODE = Scenario.NINGBO;
    /** A family: an elder with points from certified elderly education, and a younger member; and an invitee. */
    private static String elder;
    private static String young;
    private static String invitee;

    @BeforeAll
    static void network() {
        ledger = RunningLedger.onPostgres();
        http = ledger.http();
        Scenario.installNetwork(http);
        Scenario.appointCertifier(http, CERTIFIER, "Cora Lin");
        Scenario.created(http.post("/api/branches/" + XIHU + "/officers", Map.of("officerId", "fz-removable",
                "name", "Removable", "subject", "fz-removable", "roles", List.of("OFFICER")), ERIN));
        learner = Scenario.openAccount(http, ALICE, "Fuzzed Learner");
        mergeable = Scenario.openAccount(http, ALICE, "Fuzzed Learner");
        closable = Scenario.openAccount(http, ALICE, "Fuzzed Closable");
        bindable = Scenario.openAccount(http, ALICE, "Fuzzed Bindable");
        for (String use : List.of("certification", "rejection", "correction", "revocation")) {
            String id = Scenario.record(http, ALICE, learner, Scenario.course("FZ-" + use, "2"));
            if (use.equals("revocation")) {
                assertThat(http.post(learner(learner) + "/achievements/" + id + "/certification", "", BOB).status())
                        .isEqualTo(200);
            }
            ACHIEVEMENTS.put(use, id);
        }
        Scenario.branchesForStatusChanges(http, "FZ");
        Scenario.created(http.post("/api/branches", Map.of("code", "FZ-INST", "name", "Fuzzed University",
                "tier", "INSTITUTION_BRANCH", "parentCode", HANGZHOU, "divisionCode", "330100"), ALICE));
        Scenario.created(http.post("/api/branches/FZ-INST/officers", Scenario.officer("fz-ivy", "Ivy Qian"), ERIN));
        Scenario.created(http.post("/api/institutions/FZ-INST/programmes", programme("FZ-PROG"), ALICE));
        Scenario.created(http.post("/api/institutions/FZ-INST/recognition-rules", rule("FZ-RULE"), ALICE));
        Scenario.created(http.post("/api/institutions/FZ-INST/recognition-rules", rule("FZ-WITHDRAWN"), ALICE));
        Scenario.created(http.post("/api/institutions/FZ-INST/qualifications", qualification("FZ-QUAL"), ALICE));
        Scenario.created(http.post("/api/agreements", Map.of("agreementId", "FZ-AGREE", "first", "FZ-INST", "second",
                NINGBO_CODE, "firstAccepts", List.of("FZ-RULE"), "effectiveFrom", "2020-01-01"), ERIN));
        convertible = Scenario.record(http, ALICE, learner, Scenario.course("FZ-conversion", "2"));
        assertThat(http.post(learner(learner) + "/achievements/" + convertible + "/certification", "", BOB)
                .status()).isEqualTo(200);
        application = Scenario.created(http.post(learner(learner) + "/conversions", conversion(), ALICE)).json()
                .get("applicationId").asText();
        assertThat(http.post("/api/points-rules", Map.of("ruleId", "FZ-POINTS", "kinds", List.of("ELDERLY_EDUCATION"),
                "pointsPerCredit", 10, "effectiveFrom", "2020-01-01"), ERIN).status()).isEqualTo(204);
        elder = Scenario.openAccount(http, ALICE, "Fuzzed Elder");
        young = Scenario.openAccount(http, ALICE, "Fuzzed Young");
        invitee = Scenario.openAccount(http, ALICE, "Fuzzed Invitee");
        Map<String, Object> painting = Scenario.course("FZ-ELDER", "10");
        painting.put("kind", "ELDERLY_EDUCATION");
        assertThat(http.post(learner(elder) + "/achievements/" + Scenario.record(http, ALICE, elder, painting)
                + "/certification", "", BOB).status()).isEqualTo(200);
        Scenario.created(http.post("/api/groups", Map.of("groupId", "fz-family", "kind", "FAMILY", "name", "The Fus",
                "founder", elder, "generation", 1), ALICE));
        http.post("/api/groups/fz-family/invitations", Map.of("invitedBy", elder, "learnerNumber", young,
                "generation", 2), ALICE);
        http.post("/api/groups/fz-family/members/" + young + "/acceptance", "", ALICE);
    }

    private static Map<String, Object> programme(String code) {
        return Map.of("programme", code, "title", "Fuzzed Studies", "unit", "INSTITUTION:FZU", "totalCredits", 100,
                "transferCap", 50, "yearlyCap", 40, "awardingBodyCap", 30);
    }

    private static Map<String, Object> rule(String id) {
        return Map.of("ruleId", id, "programme", "FZ-PROG", "criteria", Map.of("kind", "ACADEMIC_COURSE",
                "minQualificationLevel", 5, "resultScheme", "PERCENT", "minResult", 60, "maxAgeYears", 10),
                "grant", Map.of("unit", "INSTITUTION:FZU", "exemptions", List.of(Map.of("course", "FZ101",
                        "credits", 1))), "effectiveFrom", "2020-01-01");
    }

    private static Map<String, Object> qualification(String code) {
        return Map.of("qualification", code, "title", "Fuzzed Certificate", "kind", "CERTIFICATE_OF_COMPLETION",
                "programme", "FZ-PROG", "totalCredits", 1, "groups", List.of(Map.of("name", "Core", "courses",
                        List.of("FZ101"), "minCredits", 1)), "requiredCourses", List.of("FZ101"));
    }

    private static Map<String, Object> conversion() {
        return Map.of("institution", "FZ-INST", "programme", "FZ-PROG", "sources", List.of(convertible));
    }

    @AfterAll
    static void stop() {
        ledger.close();
    }

    @Test
    void every_mutated_body_of_every_post_and_put_is_answered_without_failing_and_a_refusal_stores_nothing() {
        Map<String, Operation> operations = operations();
        JsonNode paths = http.get("/v3/api-docs", Http.AS, Http.ANONYMOUS).json().get("paths");
        Map<String, Boolean> described = new TreeMap<>();
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            if (method.getKey().equals("post") || method.getKey().equals("put")) {
                described.put(method.getKey().toUpperCase() + " " + path.getKey(),
                        method.getValue().has("requestBody"));
            }
        }));
        assertThat(operations.keySet()).as("POST and PUT operations with a valid body")
                .containsExactlyInAnyOrderElementsOf(described.keySet());
        operations.forEach((endpoint, operation) -> assertThat(operation.body() != null)
                .as(endpoint + " reads a body").isEqualTo(described.get(endpoint)));

        List<String> wrong = new ArrayList<>();
        Map<String, Integer> sent = new LinkedHashMap<>();
        Map<String, TreeSet<Integer>> statuses = new TreeMap<>();
        for (Map.Entry<String, Operation> entry : operations.entrySet()) {
            String endpoint = entry.getKey();
            Operation operation = entry.getValue();
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            Map<String, Object> body = operation.body() == null ? null : operation.body().get();
            noRebuildRunning();
            Http.Reply valid = http.send(method, operation.path(), BodyMutations.JSON,
                    body == null ? new byte[0] : BodyMutations.write(Http.JSON.valueToTree(body)).getBytes(
                            java.nio.charset.StandardCharsets.UTF_8), operation.actor());
            assertThat(valid.status()).as(endpoint + " with its valid body: " + valid).isBetween(200, 299);
            List<Mutation> mutations = body == null ? BodyMutations.garbage(SEED)
                    : BodyMutations.of(Http.JSON.valueToTree(body), SEED ^ endpoint.hashCode());
            for (Mutation mutation : mutations) {
                long events = ledger.eventCount();
                Http.Reply reply = http.send(method, operation.path(), mutation.contentType(), mutation.body(),
                        operation.actor());
                String problem = body != null && body.containsKey("rows") && mutation.name().startsWith("rows[")
                        ? checkRow(mutation, reply, events) : check(mutation, reply, events);
                if (problem != null) {
                    wrong.add(endpoint + ", " + mutation.name() + ": " + problem);
                }
                statuses.computeIfAbsent(mutation.expect().name(), k -> new TreeSet<>()).add(reply.status());
            }
            sent.put(endpoint, mutations.size());
        }
        noRebuildRunning();
        System.out.printf("FuzzedInputTest: %d requests: %s; statuses %s%n",
                sent.values().stream().mapToInt(Integer::intValue).sum(), sent, statuses);
        assertThat(wrong).isEmpty();
    }

    /** Waits until no read model is being rebuilt (a garbage body on a rebuild may have started one). */
    private static void noRebuildRunning() {
        Await.until("the rebuilds to end", Duration.ofSeconds(60), () -> http.get("/api/admin/read-models", OPERATOR)
                .json(), models -> models.findValues("state").stream()
                .allMatch(state -> state.asText().matches("SWITCHED|FAILED")));
    }

    /** What is wrong with the answer to a mutated body, or null when it is what the API's rules make of it. */
    private static String check(Mutation mutation, Http.Reply reply, long events) {
        int status = reply.status();
        boolean expected = switch (mutation.expect()) {
            case REFUSED -> status == 400;
            case REFUSED_OR_TOO_LARGE -> status == 400 || status == 413;
            case UNSUPPORTED -> status == 415;
            case EITHER -> status >= 200 && status < 300 || status >= 400 && status < 500;
        };
        if (!expected) {
            return "expected " + mutation.expect() + ", got " + abbreviated(reply);
        }
        if (status < 400) {
            return null;
        }
        try {
            String type = reply.json().path("type").asText();
            Problems.problem(reply, status, type.substring(type.lastIndexOf(':') + 1));
        } catch (AssertionError | RuntimeException e) {
            return "not a well-formed problem: " + abbreviated(reply);
        }
        long now = ledger.eventCount();
        return now == events ? null : "refused (" + status + ") but stored " + (now - events) + " events";
    }

    /**
     * What is wrong with the answer to a batch whose row was mutated: a batch answers each row on its own, so a row
     * the API's rules refuse is a {@code REFUSED} result in a {@code 200} that stores nothing (a body it cannot read
     * at all is refused whole, as any other).
     */
    private static String checkRow(Mutation mutation, Http.Reply reply, long events) {
        if (reply.status() != 200 || mutation.expect() == BodyMutations.Expect.EITHER
                || mutation.expect() == BodyMutations.Expect.UNSUPPORTED) {
            return check(mutation, reply, events);
        }
        JsonNode results = reply.json().path("results");
        if (results.size() != 1 || !results.get(0).path("outcome").asText().equals("REFUSED")) {
            return "expected the row " + mutation.expect() + ", got " + abbreviated(reply);
        }
        long now = ledger.eventCount();
        return now == events ? null : "row refused but stored " + (now - events) + " events";
    }

    private static String abbreviated(Http.Reply reply) {
        String text = reply.toString();
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    /** Every POST and PUT with its principal and a valid body; the rebuilds and the certification read none. */
    private static Map<String, Operation> operations() {
        Map<String, Operation> operations = new LinkedHashMap<>();
        String l = "/api/learners/{learnerNumber}";
        String a = l + "/achievements/{achievementId}";
        operations.put("POST /api/branches", new Operation("/api/branches", ERIN,
                () -> branch("FZ-" + SERIAL.incrementAndGet())));
        operations.put("POST /api/branches/{code}/officers", new Operation("/api/branches/" + XIHU + "/officers",
                ERIN, () -> {
                    String id = "fz-officer-" + SERIAL.incrementAndGet();
                    return Map.of("officerId", id, "name", "Officer", "subject", id, "roles", List.of("OFFICER"),
                            "system", false);
                }));
        operations.put("PUT /api/branches/{code}/officers/{officerId}/subject", new Operation(
                "/api/branches/" + XIHU + "/officers/dave/subject", ERIN,
                () -> Map.of("subject", "fz-dave-" + SERIAL.incrementAndGet())));
        operations.put("POST /api/branches/{code}/officers/{officerId}/removal", new Operation(
                "/api/branches/" + XIHU + "/officers/fz-removable/removal", ERIN, FuzzedInputTest::reason));
        Map.of("suspension", "FZ-SUSPEND", "reinstatement", "FZ-REINSTATE", "closure", "FZ-CLOSE").forEach(
                (change, branch) -> operations.put("POST /api/branches/{code}/" + change, new Operation(
                        "/api/branches/" + branch + "/" + change, ERIN, FuzzedInputTest::reason)));
        operations.put("POST /api/learners", new Operation("/api/learners", ALICE, () -> {
            Map<String, Object> person = Scenario.newPerson("Fuzzed Person");
            person.put("contact", contact());
            person.put("subject", "fz-learner-" + SERIAL.incrementAndGet());
            return person;
        }));
        operations.put("PUT " + l + "/contact", new Operation(learner(learner) + "/contact", ALICE,
                FuzzedInputTest::contact));
        operations.put("POST " + l + "/sign-in", new Operation(learner(bindable) + "/sign-in", ALICE,
                () -> Map.of("subject", "fz-bound-" + SERIAL.incrementAndGet())));
        operations.put("POST " + l + "/merges", new Operation(learner(learner) + "/merges", ALICE,
                () -> Map.of("mergedLearnerNumber", mergeable, "reason", "one person")));
        operations.put("POST " + l + "/closure", new Operation(learner(closable) + "/closure", ALICE,
                FuzzedInputTest::reason));
        operations.put("POST " + l + "/achievements", new Operation(learner(learner) + "/achievements", ALICE,
                () -> {
                    Map<String, Object> certificate = Scenario.certificate("FZ-R-" + SERIAL.incrementAndGet(),
                            "VC-FZ-" + SERIAL.get());
                    certificate.put("assessingBody", "Zhejiang Examination Authority");
                    return certificate;
                }));
        operations.put("POST " + a + "/certification", new Operation(achievement("certification") + "/certification",
                CORA, null));
        operations.put("POST " + a + "/rejection", new Operation(achievement("rejection") + "/rejection", CORA,
                FuzzedInputTest::reason));
        operations.put("POST " + a + "/correction", new Operation(achievement("correction") + "/correction", ALICE,
                () -> Map.of("reason", "fuzzed", "title", "Linear Algebra I", "awardingBody", "Zhejiang University",
                        "achievedOn", "2025-06-29", "credits", Map.of("amount", 3, "unit", "BANK_CREDIT"),
                        "qualificationLevel", 5, "result", Map.of("scheme", "PERCENT", "value", "92"))));
        operations.put("POST " + a + "/revocation", new Operation(achievement("revocation") + "/revocation", CORA,
                FuzzedInputTest::reason));
        String i = "/api/institutions/{institution}";
        String institution = "/api/institutions/FZ-INST";
        operations.put("POST " + i + "/programmes", new Operation(institution + "/programmes", ALICE,
                () -> programme("FZP-" + SERIAL.incrementAndGet())));
        operations.put("POST " + i + "/qualifications", new Operation(institution + "/qualifications", ALICE,
                () -> qualification("FZQ-" + SERIAL.incrementAndGet())));
        operations.put("POST " + i + "/recognition-rules", new Operation(institution + "/recognition-rules", ALICE,
                () -> rule("FZ-RULE-" + SERIAL.incrementAndGet())));
        operations.put("POST /api/recognition-rules/{ruleId}/amendment", new Operation(
                "/api/recognition-rules/FZ-RULE/amendment", ALICE, () -> Map.of("criteria", Map.of("kind",
                "ACADEMIC_COURSE", "acceptedResults", List.of("PASS"), "resultScheme", "PASS_FAIL"), "grant",
                Map.of("unit", "INSTITUTION:FZU", "credits", 2, "course", "FZ102"), "effectiveFrom",
                java.time.LocalDate.parse("2030-01-01").plusDays(SERIAL.incrementAndGet()).toString(),
                "effectiveUntil", "2099-12-31", "reason", "fuzzed")));
        operations.put("POST /api/recognition-rules/{ruleId}/withdrawal", new Operation(
                "/api/recognition-rules/FZ-WITHDRAWN/withdrawal", ALICE, () -> Map.of("withdrawnFrom", "2040-01-01",
                "reason", "fuzzed")));
        operations.put("POST /api/agreements", new Operation("/api/agreements", ERIN, () -> Map.of("agreementId",
                "FZ-AGREE-" + SERIAL.incrementAndGet(), "first", "FZ-INST", "second", NINGBO_CODE, "firstAccepts",
                List.of("FZ-RULE"), "secondAccepts", List.of(), "effectiveFrom", "2020-01-01", "effectiveUntil",
                "2099-12-31")));
        operations.put("POST /api/agreements/{agreementId}/withdrawal", new Operation(
                "/api/agreements/FZ-AGREE/withdrawal", ERIN, () -> Map.of("withdrawnFrom", "2040-01-01", "reason",
                "fuzzed")));
        operations.put("POST /api/points-rules", new Operation("/api/points-rules", ERIN, () -> Map.of("ruleId",
                "FZ-POINTS-" + SERIAL.incrementAndGet(), "kinds", List.of("MICRO_CREDENTIAL"), "pointsPerCredit", 3,
                "effectiveFrom", "2020-01-01", "effectiveUntil", "2099-12-31")));
        operations.put("POST /api/groups", new Operation("/api/groups", ALICE, () -> Map.of("groupId", "fz-group-"
                + SERIAL.incrementAndGet(), "kind", "SCHOOL", "name", "Class 3", "founder", learner)));
        operations.put("POST /api/groups/{groupId}/invitations", new Operation("/api/groups/fz-family/invitations",
                ALICE, () -> Map.of("invitedBy", elder, "learnerNumber", invitee, "generation", 3)));
        operations.put("POST /api/groups/{groupId}/members/{learnerNumber}/acceptance", new Operation(
                "/api/groups/fz-family/members/" + invitee + "/acceptance", ALICE, null));
        operations.put("POST /api/groups/{groupId}/members/{learnerNumber}/departure", new Operation(
                "/api/groups/fz-family/members/" + invitee + "/departure", ALICE, null));
        operations.put("POST /api/groups/{groupId}/transfers", new Operation("/api/groups/fz-family/transfers",
                ALICE, () -> Map.of("transferId", "fz-transfer-1", "from", elder, "to", young, "points", 7)));
        operations.put("POST /api/hours-rules", new Operation("/api/hours-rules", ERIN, () -> Map.of("ruleId",
                "FZ-HOURS-" + SERIAL.incrementAndGet(), "kinds", List.of("ONLINE_COURSE"), "hoursPerCredit", 18,
                "yearlyCap", 6, "scale", 2, "rounding", "HALF_EVEN", "effectiveFrom", "2020-01-01")));
        operations.put("POST " + l + "/conversions", new Operation(learner(learner) + "/conversions", ALICE,
                FuzzedInputTest::conversion));
        // The decision grants the application; the award after it finds its credits.
        operations.put("POST " + l + "/conversions/{applicationId}/decision", new Operation(learner(learner)
                + "/conversions/" + application + "/decision", IVY, () -> Map.of("refusedSources", List.of())));
        operations.put("POST " + l + "/qualifications", new Operation(learner(learner) + "/qualifications", IVY,
                () -> Map.of("institution", "FZ-INST", "qualification", "FZ-QUAL", "evidence", Map.of("sha256",
                        "e".repeat(64), "mediaType", "application/pdf"))));
        operations.put("POST /api/admin/read-models/rebuild", new Operation("/api/admin/read-models/rebuild",
                OPERATOR, null));
        operations.put("POST /api/admin/read-models/{name}/rebuild", new Operation(
                "/api/admin/read-models/archive/rebuild", OPERATOR, null));
        // A batch answers a refused row inside its 200; a body it cannot read at all is refused whole.
        operations.put("POST /api/imports/branches", new Operation("/api/imports/branches", ERIN,
                () -> rows(Map.of("row", 1, "code", "FZ-IMP-" + SERIAL.incrementAndGet(), "name", "Imported point",
                        "tier", "ACCEPTANCE_POINT", "parentCode", XIHU, "divisionCode", "330106"))));
        operations.put("POST /api/imports/officers", new Operation("/api/imports/officers", ERIN, () -> {
            String id = "fz-imported-" + SERIAL.incrementAndGet();
            return rows(Map.of("row", 1, "branchCode", XIHU, "officerId", id, "name", "Imported officer",
                    "subject", id, "roles", "OFFICER"));
        }));
        operations.put("POST /api/imports/learners", new Operation("/api/imports/learners", ERIN, () -> {
            Map<String, Object> person = Scenario.newPerson("导入学员");
            return rows(Map.of("row", 1, "fullName", person.get("fullName"), "idDocumentType", "RESIDENT_ID",
                    "idDocumentNumber", person.get("idDocumentNumber"), "birthDate", person.get("birthDate"),
                    "branchCode", HANGZHOU, "openedBy", "alice", "openedAt", "2015-03-01T08:00:00Z"));
        }));
        operations.put("POST /api/imports/achievements", new Operation("/api/imports/achievements", ERIN, () -> {
            Map<String, Object> row = new LinkedHashMap<>(flatCourse("FZ-IMP-" + SERIAL.incrementAndGet()));
            row.putAll(Map.of("row", 1, "legacyId", row.get("externalId"), "status", "RECORDED", "branchCode",
                    HANGZHOU, "recordedBy", "alice", "recordedAt", "2015-07-01T08:00:00Z"));
            return rows(row);
        }));
        operations.put("POST /api/branches/{code}/rosters", new Operation("/api/branches/" + HANGZHOU + "/rosters",
                ALICE, () -> rows(flatCourse("FZ-ROSTER-" + SERIAL.incrementAndGet()))));
        return operations;
    }

    private static Map<String, Object> rows(Map<String, Object> row) {
        return Map.of("rows", List.of(row));
    }

    /** A course as an import's or a roster's row: flat columns, on the fuzzed learner's account. */
    private static Map<String, Object> flatCourse(String externalId) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("learnerNumber", learner);
        row.put("kind", "ACADEMIC_COURSE");
        row.put("title", "线性代数");
        row.put("awardingBody", "浙江大学");
        row.put("achievedOn", "2014-06-30");
        row.put("evidenceSha256", Scenario.EVIDENCE_SHA256);
        row.put("evidenceMediaType", "application/pdf");
        row.put("credits", "2");
        row.put("creditUnit", "BANK_CREDIT");
        row.put("externalIssuer", "ZJU");
        row.put("externalId", externalId);
        return row;
    }

    private static Map<String, Object> reason() {
        return Map.of("reason", "fuzzed");
    }

    private static Map<String, Object> contact() {
        return Map.of("email", "fuzzed@example.org", "phone", "+86 571 8888 0000", "address", "1 West Lake Road");
    }

    private static Map<String, Object> branch(String code) {
        return Map.of("code", code, "name", "Fuzzed " + code, "tier", "ACCEPTANCE_POINT", "parentCode", XIHU,
                "divisionCode", "330106");
    }

    private static String learner(String number) {
        return "/api/learners/" + number;
    }

    private static String achievement(String use) {
        return learner(learner) + "/achievements/" + ACHIEVEMENTS.get(use);
    }
}
