package org.creditbank.ledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditbank.ledger.api.AccessMatrixTest.Who.ADMINISTRATOR;
import static org.creditbank.ledger.api.AccessMatrixTest.Who.ANONYMOUS;
import static org.creditbank.ledger.api.AccessMatrixTest.Who.AUDITOR;
import static org.creditbank.ledger.api.AccessMatrixTest.Who.CERTIFIER;
import static org.creditbank.ledger.api.AccessMatrixTest.Who.INSTITUTION;
import static org.creditbank.ledger.api.AccessMatrixTest.Who.LEARNER_OTHER;
import static org.creditbank.ledger.api.AccessMatrixTest.Who.LEARNER_OWN;
import static org.creditbank.ledger.api.AccessMatrixTest.Who.OFFICER_OTHER;
import static org.creditbank.ledger.api.AccessMatrixTest.Who.OFFICER_OWN;
import static org.creditbank.ledger.api.AccessMatrixTest.Who.OPERATOR;
import static org.creditbank.ledger.api.AccessMatrixTest.Who.SYSTEM;
import static org.creditbank.ledger.api.Scenario.ALICE;
import static org.creditbank.ledger.api.Scenario.BOB;
import static org.creditbank.ledger.api.Scenario.ERIN;
import static org.creditbank.ledger.api.Scenario.HANGZHOU;
import static org.creditbank.ledger.api.Scenario.XIHU;

/**
 * Every endpoint of the OpenAPI description × every kind of principal → exactly the expected allow or deny. A deny
 * is a 401 (nobody signed in) or 403 problem+json and writes no event; an allow is anything else (the act itself may
 * still be refused for what it asks, never for who asks). An endpoint the description lists without a row here fails
 * the build: a new endpoint needs an access rule.
 */
class AccessMatrixTest {

    /** The principals: whose data or jurisdiction "own" and "other" refer to is the learner and branch under test. */
    enum Who {
        ANONYMOUS(Scenario.ANONYMOUS),
        LEARNER_OWN(Http.AS, "learner-lena"),
        LEARNER_OTHER(Http.AS, "learner-leo"),
        OFFICER_OWN(ALICE),
        OFFICER_OTHER(Scenario.CAROL),
        CERTIFIER(Http.AS, "cora"),
        AUDITOR(Http.AS, Identity.AUDITOR),
        OPERATOR(Http.AS, Identity.OPERATOR),
        ADMINISTRATOR(ERIN),
        SYSTEM(Http.AS, Http.CLIENT + Identity.SYSTEM_CLIENT),
        /** An officer with every role at an institution branch below Hangzhou: the receiving institution. */
        INSTITUTION(Http.AS, "ivy", "Ledger-Branch", "AM-INST");

        final String[] headers;

        Who(String... headers) {
            this.headers = headers;
        }
    }

    /** One endpoint's rule: who is allowed, and the request to send (method, path, body made fresh per call). */
    private record Rule(Set<Who> allowed, Supplier<Object> body) {
    }

    private static RunningLedger ledger;
    private static Http http;
    private static final AtomicInteger SERIAL = new AtomicInteger();
    private static String learner;
    /** The other learner's account (learner-leo's). */
    private static String other;
    private static String mergeable;
    private static String closable;
    private static String bindable;
    private static final Map<String, String> ACHIEVEMENTS = new LinkedHashMap<>();
    /** A certified achievement of the learner under test, and an application of it to the institution. */
    private static String convertible;
    private static String application;

    @BeforeAll
    static void network() {
        ledger = RunningLedger.onPostgres();
        http = ledger.http();
        Scenario.installNetwork(http);
        Scenario.appointCertifier(http, "cora", "Cora Lin");
        Scenario.created(http.post("/api/branches/" + HANGZHOU + "/officers", Map.of("officerId",
                Identity.SYSTEM_CLIENT, "name", "Hangzhou registry", "subject", Identity.SYSTEM_CLIENT,
                "roles", List.of("OFFICER"), "system", true), ERIN));
        learner = open("learner-lena");
        other = open("learner-leo");
        mergeable = open(null);
        closable = open(null);
        bindable = open(null);
        for (String use : List.of("certification", "rejection", "correction", "revocation")) {
            String id = Scenario.record(http, ALICE, learner, Scenario.course("AM-" + use, "2"));
            if (use.equals("correction") || use.equals("revocation")) {
                assertThat(http.post(achievement(id) + "/certification", "", BOB).status()).isEqualTo(200);
            }
            ACHIEVEMENTS.put(use, id);
        }
        Scenario.branchesForStatusChanges(http, "AM");
        // The receiving institution: its officer, a programme, a rule; and an application to it.
        Scenario.created(http.post("/api/branches", Map.of("code", "AM-INST", "name", "Matrix University",
                "tier", "INSTITUTION_BRANCH", "parentCode", HANGZHOU, "divisionCode", "330100"), ALICE));
        Scenario.created(http.post("/api/branches/AM-INST/officers", Scenario.officer("ivy", "Ivy Qian"), ERIN));
        Scenario.created(http.post("/api/institutions/AM-INST/programmes", programme("AM-PROG"), ALICE));
        Scenario.created(http.post("/api/institutions/AM-INST/recognition-rules", rule("AM-RULE"), ALICE));
        Scenario.created(http.post("/api/institutions/AM-INST/qualifications", qualification("AM-QUAL"), ALICE));
        Scenario.created(http.post("/api/agreements", agreement("AM-AGREE"), ALICE));
        Scenario.created(http.post("/api/groups", Map.of("groupId", "am-group", "kind", "INTEREST", "name",
                "Matrix readers", "founder", learner), ALICE));
        convertible = Scenario.record(http, ALICE, learner, Scenario.course("AM-conversion", "2"));
        assertThat(http.post(achievement(convertible) + "/certification", "", BOB).status()).isEqualTo(200);
        application = Scenario.created(http.post("/api/learners/" + learner + "/conversions",
                conversion(), ALICE)).json().get("applicationId").asText();
    }

    private static Map<String, Object> programme(String code) {
        return Map.of("programme", code, "title", "Matrix Studies", "unit", "INSTITUTION:AMU", "totalCredits", 100,
                "transferCap", 50);
    }

    private static Map<String, Object> agreement(String id) {
        return Map.of("agreementId", id, "first", "AM-INST", "second", XIHU, "firstAccepts", List.of("AM-RULE"),
                "effectiveFrom", "2020-01-01");
    }

    private static Map<String, Object> qualification(String code) {
        return Map.of("qualification", code, "title", "Matrix Certificate", "kind", "CERTIFICATE_OF_COMPLETION",
                "programme", "AM-PROG", "totalCredits", 1);
    }

    private static Map<String, Object> rule(String id) {
        return Map.of("ruleId", id, "programme", "AM-PROG", "criteria", Map.of("kind", "ACADEMIC_COURSE"),
                "grant", Map.of("unit", "INSTITUTION:AMU", "credits", 1), "effectiveFrom", "2020-01-01");
    }

    private static Map<String, Object> conversion() {
        return Map.of("institution", "AM-INST", "programme", "AM-PROG", "sources", List.of(convertible));
    }

    @AfterAll
    static void stop() {
        ledger.close();
    }

    @Test
    void a_learner_outside_a_group_cannot_tell_whether_it_exists() {
        Http.Reply known = http.get("/api/groups/am-group", Who.LEARNER_OTHER.headers);
        Http.Reply unknown = http.get("/api/groups/am-no-such-group", Who.LEARNER_OTHER.headers);
        assertThat(known.status()).isEqualTo(403);
        assertThat(unknown.status()).isEqualTo(403);
        assertThat(unknown.json().get("type")).isEqualTo(known.json().get("type"));
        assertThat(unknown.json().get("detail")).isEqualTo(known.json().get("detail"));
        assertThat(http.get("/api/groups/am-no-such-group", Who.OFFICER_OWN.headers).status()).isEqualTo(404);
    }

    @Test
    void every_endpoint_answers_every_principal_as_its_rule_says_and_a_deny_writes_nothing() {
        Map<String, Rule> rules = rules();
        JsonNode paths = http.get("/v3/api-docs", Http.AS, Http.ANONYMOUS).json().get("paths");
        Set<String> described = new TreeSet<>();
        paths.fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method ->
                described.add(method.toUpperCase() + " " + path.getKey())));
        assertThat(rules.keySet()).as("endpoints with an access rule").containsExactlyInAnyOrderElementsOf(described);

        List<String> wrong = new ArrayList<>();
        for (String endpoint : described) {
            Rule rule = rules.get(endpoint);
            // Denied principals first: an allowed act may change what the next request meets.
            List<Who> order = new ArrayList<>(EnumSet.complementOf(EnumSet.copyOf(rule.allowed())));
            order.addAll(rule.allowed());
            for (Who who : order) {
                long events = ledger.eventCount();
                Http.Reply reply = send(endpoint, rule, who);
                boolean denied = reply.status() == 401 || reply.status() == 403;
                boolean allowed = rule.allowed().contains(who);
                if (allowed == denied) {
                    wrong.add(endpoint + " as " + who + ": expected " + (allowed ? "allow" : "deny") + ", got "
                            + reply);
                } else if (denied) {
                    int expected = who == ANONYMOUS ? 401 : 403;
                    if (reply.status() != expected || !"application/problem+json".equals(reply.header("Content-Type"))
                            || ledger.eventCount() != events) {
                        wrong.add(endpoint + " as " + who + ": a deny must be " + expected
                                + " problem+json writing nothing, got " + reply);
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static Map<String, Rule> rules() {
        Set<Who> everyone = EnumSet.allOf(Who.class);
        Set<Who> readers = EnumSet.of(LEARNER_OWN, OFFICER_OWN, CERTIFIER, AUDITOR, ADMINISTRATOR, SYSTEM);
        Set<Who> network = EnumSet.of(OFFICER_OWN, OFFICER_OTHER, CERTIFIER, AUDITOR, OPERATOR, ADMINISTRATOR, SYSTEM,
                INSTITUTION);
        Set<Who> branchReaders = EnumSet.of(OFFICER_OWN, CERTIFIER, AUDITOR, ADMINISTRATOR, SYSTEM);
        Set<Who> anyOfficer = EnumSet.of(OFFICER_OWN, OFFICER_OTHER, ADMINISTRATOR, SYSTEM, INSTITUTION);
        Set<Who> jurisdictionOfficer = EnumSet.of(OFFICER_OWN, ADMINISTRATOR, SYSTEM);
        Set<Who> certifiers = EnumSet.of(OFFICER_OWN, CERTIFIER, ADMINISTRATOR);
        Set<Who> auditors = EnumSet.of(AUDITOR);
        Map<String, Rule> rules = new LinkedHashMap<>();
        String l = "/api/learners/{learnerNumber}";
        String a = l + "/achievements/{achievementId}";
        for (String open : List.of("/log/checkpoint", "/log/key", "/log/proof/inclusion", "/log/proof/consistency")) {
            rules.put("GET " + open, new Rule(everyone, null));
        }
        rules.put("POST /api/branches", new Rule(EnumSet.of(OFFICER_OWN, ADMINISTRATOR),
                () -> branch("AM-" + SERIAL.incrementAndGet())));
        rules.put("GET /api/branches", new Rule(network, null));
        rules.put("GET /api/branches/{code}", new Rule(network, null));
        rules.put("GET /api/branches/{code}/queue", new Rule(branchReaders, null));
        rules.put("GET /api/branches/{code}/activity", new Rule(branchReaders, null));
        rules.put("POST /api/branches/{code}/officers", new Rule(EnumSet.of(OFFICER_OWN, ADMINISTRATOR),
                () -> {
                    String id = "am-officer-" + SERIAL.incrementAndGet();
                    return Map.of("officerId", id, "name", "Officer", "subject", id, "roles", List.of("OFFICER"));
                }));
        rules.put("PUT /api/branches/{code}/officers/{officerId}/subject", new Rule(EnumSet.of(OFFICER_OWN,
                ADMINISTRATOR), () -> Map.of("subject", "dave-" + SERIAL.incrementAndGet())));
        rules.put("POST /api/branches/{code}/officers/{officerId}/removal",
                new Rule(EnumSet.of(OFFICER_OWN, ADMINISTRATOR), () -> Map.of("reason", "matrix")));
        for (String change : List.of("suspension", "reinstatement", "closure")) {
            rules.put("POST /api/branches/{code}/" + change, new Rule(EnumSet.of(OFFICER_OWN, ADMINISTRATOR),
                    () -> Map.of("reason", "matrix")));
        }
        rules.put("POST /api/learners", new Rule(anyOfficer, () -> Scenario.newPerson("Matrix Person")));
        rules.put("GET " + l, new Rule(readers, null));
        rules.put("GET " + l + "/archive", new Rule(readers, null));
        rules.put("GET " + l + "/transcript", new Rule(readers, null));
        rules.put("GET " + l + "/verified-archive", new Rule(readers, null));
        rules.put("GET " + a, new Rule(readers, null));
        rules.put("PUT " + l + "/contact", new Rule(EnumSet.of(LEARNER_OWN, OFFICER_OWN, ADMINISTRATOR, SYSTEM),
                () -> Map.of("email", "matrix@example.org")));
        rules.put("POST " + l + "/sign-in", new Rule(jurisdictionOfficer,
                () -> Map.of("subject", "matrix-" + SERIAL.incrementAndGet())));
        rules.put("POST " + l + "/merges", new Rule(jurisdictionOfficer,
                () -> Map.of("mergedLearnerNumber", mergeable, "reason", "one person")));
        rules.put("POST " + l + "/closure", new Rule(jurisdictionOfficer, () -> Map.of("reason", "matrix")));
        rules.put("POST " + l + "/achievements", new Rule(anyOfficer,
                () -> Scenario.course("AM-R-" + SERIAL.incrementAndGet(), "1")));
        rules.put("POST " + a + "/certification", new Rule(EnumSet.of(CERTIFIER, ADMINISTRATOR), () -> ""));
        rules.put("POST " + a + "/rejection", new Rule(certifiers, () -> Map.of("reason", "matrix")));
        rules.put("POST " + a + "/correction", new Rule(jurisdictionOfficer,
                () -> Map.of("reason", "matrix", "title", "Linear Algebra I")));
        rules.put("POST " + a + "/revocation", new Rule(certifiers, () -> Map.of("reason", "matrix")));
        rules.put("GET /api/review/certificate-claims", new Rule(auditors, null));
        rules.put("GET /api/audit/acts", new Rule(auditors, null));
        rules.put("GET /api/audit/replay-check", new Rule(auditors, null));
        rules.put("GET /api/admin/read-models", new Rule(EnumSet.of(AUDITOR, OPERATOR), null));
        rules.put("GET /api/admin/read-models/{name}", new Rule(EnumSet.of(AUDITOR, OPERATOR), null));
        rules.put("POST /api/admin/read-models/rebuild", new Rule(EnumSet.of(OPERATOR), () -> ""));
        rules.put("POST /api/admin/read-models/{name}/rebuild", new Rule(EnumSet.of(OPERATOR), () -> ""));
        rules.put("GET /api/statistics", new Rule(EnumSet.of(AUDITOR, ADMINISTRATOR), null));
        rules.put("GET /api/statistics/branches/{code}/annual-report", new Rule(branchReaders, null));
        // The whole network's conversions, as its other statistics: auditors and the provincial centre.
        rules.put("GET /api/statistics/conversions", new Rule(EnumSet.of(AUDITOR, ADMINISTRATOR), null));
        // The recognition catalogue: read by anyone signed in; kept by officers of the institution or above it.
        Set<Who> signedIn = EnumSet.complementOf(EnumSet.of(ANONYMOUS));
        Set<Who> catalogueKeepers = EnumSet.of(OFFICER_OWN, ADMINISTRATOR, SYSTEM, INSTITUTION);
        String i = "/api/institutions/{institution}";
        rules.put("POST " + i + "/programmes", new Rule(catalogueKeepers,
                () -> programme("AMP-" + SERIAL.incrementAndGet())));
        rules.put("GET " + i + "/programmes/{programme}", new Rule(signedIn, null));
        rules.put("GET " + i + "/programmes/{programme}/rules", new Rule(signedIn, null));
        rules.put("POST " + i + "/recognition-rules", new Rule(catalogueKeepers,
                () -> rule("AM-RULE-" + SERIAL.incrementAndGet())));
        rules.put("GET /api/recognition-rules/{ruleId}", new Rule(signedIn, null));
        rules.put("POST /api/recognition-rules/{ruleId}/amendment", new Rule(catalogueKeepers, () -> Map.of(
                "criteria", Map.of("kind", "ACADEMIC_COURSE"), "grant", Map.of("unit", "INSTITUTION:AMU", "credits",
                        2), "effectiveFrom", java.time.LocalDate.parse("2030-01-01")
                        .plusDays(SERIAL.incrementAndGet()).toString(), "reason", "matrix")));
        rules.put("POST /api/recognition-rules/{ruleId}/withdrawal", new Rule(catalogueKeepers,
                () -> Map.of("withdrawnFrom", "2040-01-01", "reason", "matrix")));
        // Conversions: applied for by the learner or any officer; decided by the receiving institution's certifier.
        Set<Who> applicants = EnumSet.copyOf(anyOfficer);
        applicants.add(LEARNER_OWN);
        rules.put("POST " + l + "/conversions", new Rule(applicants, AccessMatrixTest::conversion));
        rules.put("GET " + l + "/conversions", new Rule(readers, null));
        rules.put("GET " + l + "/conversions/{applicationId}", new Rule(readers, null));
        rules.put("POST " + l + "/conversions/{applicationId}/decision", new Rule(EnumSet.of(INSTITUTION),
                Map::of));
        rules.put("POST " + i + "/qualifications", new Rule(catalogueKeepers,
                () -> qualification("AMQ-" + SERIAL.incrementAndGet())));
        rules.put("GET " + i + "/qualifications/{qualification}", new Rule(signedIn, null));
        rules.put("GET " + l + "/qualifications", new Rule(readers, null));
        rules.put("GET " + l + "/qualifications/{institution}/{qualification}/progress", new Rule(readers, null));
        rules.put("POST " + l + "/qualifications", new Rule(EnumSet.of(INSTITUTION), () -> Map.of("institution",
                "AM-INST", "qualification", "AM-QUAL", "evidence", Map.of("sha256", "c".repeat(64), "mediaType",
                        "application/pdf"))));
        // Agreements: concluded above both parties (here, Hangzhou and above); withdrawn by either side.
        rules.put("POST /api/agreements", new Rule(EnumSet.of(OFFICER_OWN, ADMINISTRATOR, SYSTEM),
                () -> agreement("AM-AGREE-" + SERIAL.incrementAndGet())));
        rules.put("GET /api/agreements/{agreementId}", new Rule(signedIn, null));
        rules.put("POST /api/agreements/{agreementId}/withdrawal", new Rule(EnumSet.of(OFFICER_OWN, ADMINISTRATOR,
                SYSTEM, INSTITUTION), () -> Map.of("withdrawnFrom", "2040-01-01", "reason", "matrix")));
        // Groups and points: learners act for themselves, officers on their behalf; the centre sets the points rule.
        // An officer acts on a learner's behalf within the jurisdiction of the branch that opened the account.
        Set<Who> selfOrOfficer = EnumSet.of(LEARNER_OWN, OFFICER_OWN, ADMINISTRATOR, SYSTEM);
        rules.put("POST /api/points-rules", new Rule(EnumSet.of(ADMINISTRATOR), () -> Map.of("ruleId", "AM-POINTS-"
                + SERIAL.incrementAndGet(), "kinds", List.of("ONLINE_COURSE"), "pointsPerCredit", 5, "effectiveFrom",
                "2030-01-01")));
        rules.put("POST /api/groups", new Rule(selfOrOfficer, () -> Map.of("groupId", "am-group-"
                + SERIAL.incrementAndGet(), "kind", "INTEREST", "name", "Matrix", "founder", learner)));
        Set<Who> groupReaders = EnumSet.complementOf(EnumSet.of(ANONYMOUS, LEARNER_OTHER, OPERATOR));
        rules.put("GET /api/groups/{groupId}", new Rule(groupReaders, null));
        rules.put("POST /api/groups/{groupId}/invitations", new Rule(selfOrOfficer, () -> Map.of("invitedBy",
                learner, "learnerNumber", other)));
        rules.put("POST /api/groups/{groupId}/members/{learnerNumber}/acceptance", new Rule(selfOrOfficer,
                () -> ""));
        rules.put("POST /api/groups/{groupId}/members/{learnerNumber}/departure", new Rule(selfOrOfficer,
                () -> ""));
        rules.put("POST /api/groups/{groupId}/transfers", new Rule(selfOrOfficer, () -> Map.of("transferId",
                "am-transfer-" + SERIAL.incrementAndGet(), "from", learner, "to", other, "points", 1)));
        rules.put("GET " + l + "/points", new Rule(readers, null));
        rules.put("POST /api/hours-rules", new Rule(EnumSet.of(ADMINISTRATOR), () -> Map.of("ruleId", "AM-HOURS-"
                + SERIAL.incrementAndGet(), "kinds", List.of("ELDERLY_EDUCATION"), "hoursPerCredit", 16, "yearlyCap", 4,
                "scale", 1, "rounding", "DOWN", "effectiveFrom", "2020-01-01")));
        rules.put("GET /api/hours-rules/{ruleId}", new Rule(signedIn, null));
        rules.put("GET " + l + "/hours-conversions", new Rule(readers, null));
        rules.put("GET " + i + "/conversions", new Rule(EnumSet.of(OFFICER_OWN, CERTIFIER, AUDITOR, ADMINISTRATOR,
                SYSTEM, INSTITUTION), null));
        // A roster: the branch's own officers and its system client (a row without fields is refused, 200).
        rules.put("POST /api/branches/{code}/rosters", new Rule(EnumSet.of(OFFICER_OWN, SYSTEM),
                () -> Map.of("rows", List.of(Map.of("row", 1)))));
        // Imports: administrators of the provincial centre only (a row without fields is answered refused, 200).
        for (String kind : List.of("branches", "officers", "learners", "achievements")) {
            rules.put("POST /api/imports/" + kind, new Rule(EnumSet.of(ADMINISTRATOR),
                    () -> Map.of("rows", List.of(Map.of("row", 1)))));
        }
        return rules;
    }

    private static Http.Reply send(String endpoint, Rule rule, Who who) {
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        String template = endpoint.substring(method.length() + 1);
        String path = template
                .replace("{learnerNumber}", template.endsWith("/sign-in") ? bindable
                        : template.endsWith("/closure") ? closable : learner)
                .replace("{achievementId}", ACHIEVEMENTS.getOrDefault(template.substring(template.lastIndexOf('/')
                        + 1), ACHIEVEMENTS.get("certification")))
                .replace("{officerId}", template.endsWith("/subject") ? "dave" : "nobody")
                .replace("{name}", "archive")
                .replace("{institution}", "AM-INST")
                .replace("{programme}", "AM-PROG")
                .replace("{ruleId}", "AM-RULE")
                .replace("{qualification}", "AM-QUAL")
                .replace("{agreementId}", "AM-AGREE")
                .replace("{groupId}", "am-group")
                .replace("{applicationId}", application)
                .replace("{code}", branchFor(template));
        path += switch (template) {
            case "/log/proof/inclusion" -> "?event=00000000-0000-0000-0000-000000000000";
            case "/log/proof/consistency" -> "?from=1&to=2";
            case "/api/statistics/branches/{code}/annual-report" -> "?year=2026";
            default -> "";
        };
        return switch (method) {
            case "GET" -> http.get(path, who.headers);
            case "POST" -> http.post(path, rule.body().get(), who.headers);
            case "PUT" -> http.put(path, rule.body().get(), who.headers);
            default -> throw new AssertionError("no request of method " + method);
        };
    }

    private static String branchFor(String template) {
        if (template.endsWith("/suspension")) {
            return "AM-SUSPEND";
        }
        if (template.endsWith("/reinstatement")) {
            return "AM-REINSTATE";
        }
        if (template.endsWith("/closure")) {
            return "AM-CLOSE";
        }
        return template.contains("/officers") ? XIHU : HANGZHOU;
    }

    private static Map<String, Object> branch(String code) {
        return Map.of("code", code, "name", "Matrix " + code, "tier", "ACCEPTANCE_POINT", "parentCode", XIHU,
                "divisionCode", "330106");
    }

    private static String open(String subject) {
        Map<String, Object> person = Scenario.newPerson("Matrix Learner");
        if (subject != null) {
            person.put("subject", subject);
        }
        return Scenario.created(http.post("/api/learners", person, ALICE)).json().get("learnerNumber").asText();
    }

    private static String achievement(String id) {
        return "/api/learners/" + learner + "/achievements/" + id;
    }
}
