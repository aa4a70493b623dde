package org.creditbank.ledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditbank.ledger.api.Scenario.ALICE;
import static org.creditbank.ledger.api.Scenario.BOB;
import static org.creditbank.ledger.api.Scenario.CENTRE;
import static org.creditbank.ledger.api.Scenario.ERIN;

/**
 * Conversion over HTTP on PostgreSQL: an institution defines a programme and publishes a recognition rule, a
 * certified vocational certificate converts into an 8-credit exemption, counts once toward the programme — also when
 * two applications race — and the catalogue and the applications read as they were decided.
 */
class ConversionTest {

    private static final String INSTITUTION = "CV-ZJU";
    private static final String[] IVAN = {Http.AS, "ivan", "Ledger-Branch", INSTITUTION};
    private static final String[] IRIS = {Http.AS, "iris", "Ledger-Branch", INSTITUTION};
    private static final String PROGRAMME = "EE-BSC";
    private static final String RULE = "R-ELEC-" + UUID.randomUUID().toString().substring(0, 8);

    private static final RunningLedger ledger = SharedLedger.get();
    private static final Http http = ledger.http();

    @BeforeAll
    static void institutionWithAProgrammeAndARule() {
        Scenario.created(http.post("/api/branches", Map.of("code", INSTITUTION, "name", "Zhejiang University",
                "tier", "INSTITUTION_BRANCH", "parentCode", CENTRE, "divisionCode", "330000"), ERIN));
        Scenario.created(http.post("/api/branches/" + INSTITUTION + "/officers",
                Scenario.officer("ivan", "Ivan Lu"), ERIN));
        Scenario.created(http.post("/api/branches/" + INSTITUTION + "/officers",
                Scenario.officer("iris", "Iris Wu"), ERIN));
        Map<String, Object> programme = new HashMap<>();
        programme.put("programme", PROGRAMME);
        programme.put("title", "Electrical Engineering");
        programme.put("unit", "INSTITUTION:ZJU");
        programme.put("totalCredits", 160);
        programme.put("transferCap", 80);
        Http.Reply defined = Scenario.created(http.post("/api/institutions/" + INSTITUTION + "/programmes", programme,
                IVAN));
        assertThat(defined.header("Location")).isEqualTo("/api/institutions/CV-ZJU/programmes/EE-BSC");
        Http.Reply published = Scenario.created(http.post("/api/institutions/" + INSTITUTION + "/recognition-rules",
                Map.of("ruleId", RULE, "programme", PROGRAMME,
                        "criteria", Map.of("kind", "VOCATIONAL_CERTIFICATE", "minVocationalLevel", 3,
                                "maxAgeYears", 10),
                        "grant", Map.of("unit", "INSTITUTION:ZJU", "exemptions", List.of(
                                Map.of("course", "EE101", "credits", 4), Map.of("course", "EE102", "credits", 4))),
                        "effectiveFrom", "2020-01-01"), IVAN));
        assertThat(published.json().get("latestVersion").asInt()).isEqualTo(1);
    }

    @Test
    void a_certificate_converts_into_an_exemption_and_counts_once_toward_the_programme() {
        String learner = Scenario.openAccount(http, ALICE, "Conversion Li");
        String certificate = certified(learner, "CV-1");

        Http.Reply applied = Scenario.created(apply(learner, certificate, ALICE));
        JsonNode source = applied.json().get("sources").get(0);
        assertThat(applied.json().get("status").asText()).isEqualTo("APPLIED");
        assertThat(source.get("ruleId").asText()).isEqualTo(RULE);
        assertThat(source.get("credits").decimalValue()).isEqualByComparingTo("8");
        assertThat(source.get("exemptions")).extracting(e -> e.get("course").asText() + ":" + e.get("credits")
                .decimalValue().stripTrailingZeros().toPlainString()).containsExactly("EE101:4", "EE102:4");
        String application = applied.json().get("applicationId").asText();
        assertThat(http.get("/api/institutions/" + INSTITUTION + "/conversions", IVAN).json())
                .extracting(a -> a.get("applicationId").asText()).contains(application);

        // Alice applied on the learner's behalf: she is not of the institution, and Ivan decides.
        Http.Reply byAlice = http.post(decision(learner, application), Map.of(), ALICE);
        assertThat(byAlice.status()).as(byAlice.toString()).isEqualTo(403);
        assertThat(byAlice.json().get("type").asText()).isEqualTo("urn:ledger:problem:not-the-receiving-institution");
        Http.Reply granted = http.post(decision(learner, application), Map.of(), IVAN);
        assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
        assertThat(granted.json().get("status").asText()).isEqualTo("GRANTED");
        assertThat(granted.json().get("credits").decimalValue()).isEqualByComparingTo("8");
        assertThat(granted.json().get("creditUnit").asText()).isEqualTo("INSTITUTION:ZJU");
        assertThat(granted.json().get("sources").get(0).get("outcome").asText()).isEqualTo("GRANTED");
        // The transcript lists the credits converted, apart from the deposits' totals.
        JsonNode converted = http.get("/api/learners/" + learner + "/transcript", ALICE).json().get("conversions");
        assertThat(converted).hasSize(1);
        assertThat(converted.get(0).get("programme").asText()).isEqualTo(PROGRAMME);
        assertThat(converted.get(0).get("credits").decimalValue()).isEqualByComparingTo("8");
        assertThat(http.get("/api/learners/" + learner + "/transcript", "Accept", "text/csv", Http.AS, "alice",
                "Ledger-Branch", Scenario.HANGZHOU).text()).contains("CONVERSION," + converted.get(0)
                .get("grantedOn").asText() + "," + PROGRAMME + ",\"1 sources\"," + INSTITUTION
                + ",8,INSTITUTION:ZJU,,\"" + application + "\"");

        Http.Reply again = Scenario.created(apply(learner, certificate, ALICE));
        assertThat(again.json().get("sources").get(0).get("assessment").asText())
                .startsWith("it already counts toward programme EE-BSC (application " + application + ")");
        assertThat(http.get("/api/learners/" + learner + "/conversions", ALICE).json()).hasSize(2);

        // The certificate is revoked: the conversion it fed no longer stands, and says why.
        Http.Reply revoked = http.post("/api/learners/" + learner + "/achievements/" + certificate + "/revocation",
                Map.of("reason", "forged certificate"), BOB);
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
        JsonNode invalidated = http.get("/api/learners/" + learner + "/conversions/" + application, ALICE).json();
        assertThat(invalidated.get("status").asText()).isEqualTo("INVALIDATED");
        assertThat(invalidated.get("invalidation").get("achievementId").asText()).isEqualTo(certificate);
        assertThat(invalidated.get("invalidation").get("act").asText()).isEqualTo("REVOKED");
        assertThat(invalidated.get("invalidation").get("reason").asText()).isEqualTo("forged certificate");

        // An officer of a branch that does not serve the learner may apply, but is not shown how the sources weighed.
        Http.Reply byOther = Scenario.created(apply(learner, certificate, Scenario.CAROL));
        assertThat(byOther.json().get("status").asText()).isEqualTo("APPLIED");
        assertThat(byOther.json().has("sources")).as(byOther.toString()).isFalse();
    }

    @Test
    void a_conversion_an_award_and_a_revocation_tell_their_story_and_the_archive_still_verifies(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        Scenario.created(http.post("/api/institutions/" + INSTITUTION + "/qualifications", Map.of("qualification",
                "EE-CERT-" + RULE.substring(7).toUpperCase(), "title", "Certificate in Electrical Basics", "kind",
                "CERTIFICATE_OF_COMPLETION", "programme", PROGRAMME, "totalCredits", 8, "requiredCourses",
                List.of("EE101")), IVAN));
        String qualification = "EE-CERT-" + RULE.substring(7).toUpperCase();
        String learner = Scenario.openAccount(http, ALICE, "Story Li");
        String certificate = certified(learner, "CV-STORY");
        String application = Scenario.created(apply(learner, certificate, ALICE)).json().get("applicationId")
                .asText();
        assertThat(http.post(decision(learner, application), Map.of(), IVAN).status()).isEqualTo(200);
        String progress = "/api/learners/" + learner + "/qualifications/" + INSTITUTION + "/" + qualification
                + "/progress";
        JsonNode before = http.get(progress, ALICE).json();
        assertThat(before.get("total").decimalValue()).isEqualByComparingTo("8");
        assertThat(before.get("unmet")).isEmpty();

        Http.Reply awarded = Scenario.created(http.post("/api/learners/" + learner + "/qualifications",
                Map.of("institution", INSTITUTION, "qualification", qualification, "evidence",
                        Map.of("sha256", "b".repeat(64), "mediaType", "application/pdf")), IVAN));
        String diploma = awarded.json().get("achievementId").asText();
        assertThat(awarded.json().get("status").asText()).isEqualTo("AWARDED");
        JsonNode achievement = http.get("/api/learners/" + learner + "/achievements/" + diploma, ALICE).json();
        assertThat(achievement.get("kind").asText()).isEqualTo("DEGREE_DIPLOMA");
        assertThat(achievement.get("status").asText()).isEqualTo("RECORDED");
        // Four eyes on the award, as on any degree: the awarding certifier does not certify it; another does.
        assertThat(http.post("/api/learners/" + learner + "/achievements/" + diploma + "/certification", "", IVAN)
                .status()).isEqualTo(403);
        assertThat(http.post("/api/learners/" + learner + "/achievements/" + diploma + "/certification", "", IRIS)
                .status()).isEqualTo(200);

        // The archive as it stood with the award certified, captured to be asked for as of that instant later.
        JsonNode awardedArchive = http.get("/api/learners/" + learner + "/archive", ALICE).json();
        assertThat(awardedArchive.get("conversions").get(0).get("status").asText()).isEqualTo("GRANTED");
        assertThat(awardedArchive.get("qualifications").get(0).get("status").asText()).isEqualTo("AWARDED");
        java.time.Instant awardedAt = java.time.Instant.now();
        Await.until("the clock to pass the capture", Duration.ofSeconds(1), java.time.Instant::now,
                t -> t.isAfter(awardedAt));

        assertThat(http.post("/api/learners/" + learner + "/achievements/" + certificate + "/revocation",
                Map.of("reason", "forged certificate"), BOB).status()).isEqualTo(200);
        assertThat(http.get("/api/learners/" + learner + "/conversions/" + application, ALICE).json()
                .get("status").asText()).isEqualTo("INVALIDATED");
        JsonNode flagged = http.get("/api/learners/" + learner + "/qualifications", ALICE).json().get(0);
        assertThat(flagged.get("status").asText()).isEqualTo("FLAGGED");
        assertThat(flagged.get("causeAchievementId").asText()).isEqualTo(certificate);
        assertThat(flagged.get("causeReason").asText()).isEqualTo("forged certificate");
        assertThat(flagged.get("unmet")).extracting(JsonNode::asText).containsExactly(
                "total credits 0 of 8 INSTITUTION:ZJU", "required courses missing: EE101");
        JsonNode after = http.get(progress, ALICE).json();
        assertThat(after.get("total").decimalValue()).isEqualByComparingTo("0");
        // The award stands, flagged: the ledger never removes it on its own; the institution reviews it and revokes.
        assertThat(http.get("/api/learners/" + learner + "/achievements/" + diploma, ALICE).json().get("status")
                .asText()).isEqualTo("CERTIFIED");
        assertThat(http.post("/api/learners/" + learner + "/achievements/" + diploma + "/revocation",
                Map.of("reason", "thresholds no longer met"), IRIS).status()).isEqualTo(200);
        assertThat(http.get("/api/learners/" + learner + "/qualifications", ALICE).json().get(0).get("status")
                .asText()).isEqualTo("REVOKED");
        // The archive tells the story: the grant invalidated by the revocation, the award revoked after review;
        // and as of the instant captured, it reads exactly as it read then.
        JsonNode archive = http.get("/api/learners/" + learner + "/archive", ALICE).json();
        JsonNode story = archive.get("conversions").get(0);
        assertThat(story.get("status").asText()).isEqualTo("INVALIDATED");
        assertThat(story.get("invalidation").get("reason").asText()).isEqualTo("forged certificate");
        assertThat(archive.get("qualifications").get(0).get("status").asText()).isEqualTo("REVOKED");
        JsonNode then = http.get("/api/learners/" + learner + "/archive?asOf=" + awardedAt, ALICE).json();
        assertThat(then.get("asOf").asText()).isEqualTo(awardedAt.toString());
        ((com.fasterxml.jackson.databind.node.ObjectNode) then).remove("asOf");
        assertThat(then).isEqualTo(awardedArchive);

        // The verified archive holds every event of the story, and verifies offline.
        String key = http.get("/log/key").text().strip();
        VerifiableLogTest.awaitCheckpoint(http, org.creditbank.ledger.log.NoteKeys.Verifier.parse(key),
                ledger.eventCount());
        Http.Reply verified = http.get("/api/learners/" + learner + "/verified-archive", ALICE);
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        assertThat(verified.json().get("entries")).hasSize((int) ledger.eventCount(learner));
        java.nio.file.Path file = dir.resolve("archive.json");
        java.nio.file.Files.writeString(file, verified.text());
        LedgerCliProcess.Run run = LedgerCliProcess.ledger("verify-archive", file.toString(), "--key", key);
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("VERIFIED learner " + learner + ": " + ledger.eventCount(learner)
                + " events");
    }

    @Test
    void conversion_statistics_count_applications_grants_and_credits_by_rule_rolled_up_through_the_tiers() {
        String byRule = "/api/statistics/conversions?branch=" + INSTITUTION + "&by=rule";
        JsonNode before = http.get(byRule, IVAN).json();
        String learner = Scenario.openAccount(http, ALICE, "Statistics Li");
        String certificate = certified(learner, "CV-STAT");
        String application = Scenario.created(apply(learner, certificate, ALICE)).json().get("applicationId")
                .asText();
        assertThat(http.post(decision(learner, application), Map.of(), IVAN).status()).isEqualTo(200);
        assertThat(http.post("/api/learners/" + learner + "/achievements/" + certificate + "/revocation",
                Map.of("reason", "forged certificate"), BOB).status()).isEqualTo(200);

        // Trailing the commands: awaited until it has counted the invalidation.
        long invalidated = before.get("totals").get("invalidated").asLong() + 1;
        JsonNode after = Await.until("conversion statistics to count the invalidation", Duration.ofSeconds(30),
                () -> http.get(byRule, IVAN).json(), a -> a.get("totals").get("invalidated").asLong() == invalidated);
        JsonNode totals = after.get("totals");
        assertThat(totals.get("applications").asLong()).isEqualTo(before.get("totals").get("applications").asLong()
                + 1);
        assertThat(totals.get("granted").asLong()).isEqualTo(before.get("totals").get("granted").asLong() + 1);
        assertThat(credits(after.get("groups"), RULE, "creditsGranted").subtract(credits(before.get("groups"), RULE,
                "creditsGranted"))).isEqualByComparingTo("8");
        assertThat(credits(after.get("groups"), RULE, "creditsInvalidated").subtract(credits(before.get("groups"),
                RULE, "creditsInvalidated"))).isEqualByComparingTo("8");

        // Rolled up: the provincial centre sees the institution's figures as its own group, and the network's in all.
        JsonNode centre = http.get("/api/statistics/conversions?branch=" + CENTRE + "&by=branch", ERIN).json();
        JsonNode group = null;
        for (JsonNode g : centre.get("groups")) {
            if (g.get("key").asText().equals(INSTITUTION)) {
                group = g.get("figures");
            }
        }
        assertThat(group).isEqualTo(totals);
        assertThat(http.get("/api/statistics/conversions", ERIN).json().get("totals").get("applications").asLong())
                .isGreaterThanOrEqualTo(totals.get("applications").asLong());
        String csv = http.get("/api/statistics/conversions?branch=" + INSTITUTION, "Accept", "text/csv", IVAN[0],
                IVAN[1], IVAN[2], IVAN[3]).text();
        assertThat(csv).startsWith("section,key,applications,granted,refused,invalidated,").contains("total,all,"
                + totals.get("applications").asLong() + "," + totals.get("granted").asLong() + ",");
        // Another municipal branch does not read the institution's figures; a bad grouping is refused by name.
        assertThat(http.get("/api/statistics/conversions?branch=" + INSTITUTION, Scenario.CAROL).status())
                .isEqualTo(403);
        Http.Reply badGrouping = http.get("/api/statistics/conversions?branch=" + INSTITUTION + "&by=kind", IVAN);
        assertThat(badGrouping.status()).isEqualTo(400);
        assertThat(badGrouping.json().get("field").asText()).isEqualTo("by");
    }

    private static BigDecimal credits(JsonNode groups, String rule, String which) {
        for (JsonNode g : groups) {
            if (g.get("key").asText().equals(rule)) {
                for (JsonNode c : g.get("figures").get(which)) {
                    if (c.get("unit").asText().equals("INSTITUTION:ZJU")) {
                        return c.get("amount").decimalValue();
                    }
                }
            }
        }
        return BigDecimal.ZERO;
    }

    @Test
    void a_merge_carries_conversions_to_the_survivor_where_they_count_and_cascade() {
        String survivor = Scenario.openAccount(http, ALICE, "Merge Li");
        String merged = Scenario.openAccount(http, ALICE, "Merge Li Again");
        String certificate = certified(merged, "CV-MERGE");
        String pendingSource = certified(merged, "CV-MERGE-2");
        String application = Scenario.created(apply(merged, certificate, ALICE)).json().get("applicationId")
                .asText();
        assertThat(http.post(decision(merged, application), Map.of(), IVAN).status()).isEqualTo(200);
        String pending = Scenario.created(apply(merged, pendingSource, ALICE)).json().get("applicationId").asText();

        Http.Reply merge = http.post("/api/learners/" + survivor + "/merges", Map.of("mergedLearnerNumber", merged,
                "reason", "one person, two accounts"), ALICE);
        assertThat(merge.status()).as(merge.toString()).isEqualTo(200);
        // On the survivor: the grant stands and counts toward the programme; the undecided application awaits.
        JsonNode carried = http.get("/api/learners/" + survivor + "/conversions/" + application, ALICE).json();
        assertThat(carried.get("status").asText()).isEqualTo("GRANTED");
        assertThat(carried.get("credits").decimalValue()).isEqualByComparingTo("8");
        assertThat(http.get("/api/learners/" + survivor + "/conversions/" + pending, ALICE).json().get("status")
                .asText()).isEqualTo("APPLIED");
        JsonNode transcript = http.get("/api/learners/" + survivor + "/transcript", ALICE).json();
        assertThat(transcript.get("conversions")).extracting(c -> c.get("applicationId").asText())
                .containsExactly(application);
        // Its course counts once: the pending application's source exempts the same courses.
        Http.Reply twice = http.post(decision(survivor, pending), Map.of(), IVAN);
        assertThat(twice.status()).as(twice.toString()).isEqualTo(409);

        // Revoking the carried source on the survivor invalidates the carried grant there; the other is then granted.
        assertThat(http.post("/api/learners/" + survivor + "/achievements/" + certificate + "/revocation",
                Map.of("reason", "forged certificate"), BOB).status()).isEqualTo(200);
        JsonNode invalidated = http.get("/api/learners/" + survivor + "/conversions/" + application, ALICE).json();
        assertThat(invalidated.get("status").asText()).isEqualTo("INVALIDATED");
        assertThat(invalidated.get("invalidation").get("achievementId").asText()).isEqualTo(certificate);
        Http.Reply granted = http.post(decision(survivor, pending), Map.of(), IVAN);
        assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
        assertThat(granted.json().get("status").asText()).isEqualTo("GRANTED");
    }

    @Test
    void a_conversion_cites_the_agreement_under_which_its_rule_applies_and_a_withdrawn_one_no_more() {
        String agreement = "AGR-" + RULE.substring(7);
        Http.Reply concluded = http.post("/api/agreements", Map.of("agreementId", agreement, "first", INSTITUTION,
                "second", Scenario.NINGBO, "firstAccepts", List.of(RULE), "effectiveFrom", "2020-01-01"), ERIN);
        assertThat(concluded.status()).as(concluded.toString()).isEqualTo(201);
        String learner = Scenario.openAccount(http, Scenario.CAROL, "Ningbo Li");
        String certificate = Scenario.record(http, Scenario.CAROL, learner, Scenario.certificate("E-NB-" + learner,
                "NB-" + learner));
        assertThat(http.post("/api/learners/" + learner + "/achievements/" + certificate + "/certification", "",
                ERIN).status()).isEqualTo(200);
        JsonNode source = Scenario.created(apply(learner, certificate, Scenario.CAROL)).json().get("sources").get(0);
        assertThat(source.get("agreementId").asText()).isEqualTo(agreement);

        Http.Reply withdrawn = http.post("/api/agreements/" + agreement + "/withdrawal", Map.of("withdrawnFrom",
                "2021-01-01", "reason", "ended"), Scenario.CAROL);
        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
        assertThat(withdrawn.json().get("withdrawnFrom").asText()).isEqualTo("2021-01-01");
        JsonNode again = Scenario.created(apply(learner, certificate, Scenario.CAROL)).json().get("sources").get(0);
        assertThat(again.get("ruleId").asText()).isEqualTo(RULE);
        assertThat(again.has("agreementId")).as(again.toString()).isFalse();
    }

    @Test
    void the_same_source_applied_for_twice_at_once_is_granted_once() throws Exception {
        String learner = Scenario.openAccount(http, ALICE, "Racing Li");
        String certificate = certified(learner, "CV-RACE");
        List<String> applications = new ArrayList<>();
        for (Http.Reply reply : together(() -> apply(learner, certificate, ALICE),
                () -> apply(learner, certificate, ALICE))) {
            assertThat(reply.status()).as(reply.toString()).isIn(201, 409);
            if (reply.status() == 201) {
                applications.add(reply.json().get("applicationId").asText());
            }
        }
        assertThat(applications).isNotEmpty();
        List<Http.Reply> decisions = together(applications.stream().<Callable<Http.Reply>>map(application ->
                () -> http.post(decision(learner, application), Map.of(), application.hashCode() % 2 == 0 ? IVAN
                        : IRIS)).toArray(Callable[]::new));
        assertThat(decisions).allSatisfy(reply -> assertThat(reply.status()).as(reply.toString()).isIn(200, 409));
        long grantedEvents = ledger.jdbc().queryForObject("SELECT COUNT(*) FROM domain_event_entry"
                + " WHERE aggregate_identifier = ? AND payload_type LIKE '%ConversionGranted'", Long.class, learner);
        assertThat(grantedEvents).isEqualTo(1);
        assertThat(http.get("/api/learners/" + learner + "/conversions", ALICE).json())
                .filteredOn(a -> a.get("status").asText().equals("GRANTED")).hasSize(1);
    }

    @Test
    void a_rule_is_amended_and_withdrawn_and_reads_with_every_version() {
        String rule = "R-AMEND-" + UUID.randomUUID().toString().substring(0, 8);
        Scenario.created(http.post("/api/institutions/" + INSTITUTION + "/recognition-rules", Map.of("ruleId", rule,
                "programme", PROGRAMME, "criteria", Map.of("kind", "ACADEMIC_COURSE"),
                "grant", Map.of("unit", "INSTITUTION:ZJU", "credits", 2), "effectiveFrom", "2020-01-01"), IVAN));
        Http.Reply amended = http.post("/api/recognition-rules/" + rule + "/amendment", Map.of("criteria",
                Map.of("kind", "ACADEMIC_COURSE", "resultScheme", "PERCENT", "minResult", 60), "grant",
                Map.of("unit", "INSTITUTION:ZJU", "credits", 3), "effectiveFrom", "2021-01-01", "reason",
                "a pass mark"), IVAN);
        assertThat(amended.status()).as(amended.toString()).isEqualTo(200);
        Http.Reply withdrawn = http.post("/api/recognition-rules/" + rule + "/withdrawal", Map.of("withdrawnFrom",
                "2022-01-01", "reason", "superseded"), IVAN);
        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
        JsonNode read = http.get("/api/recognition-rules/" + rule, ALICE).json();
        assertThat(read.get("versions")).extracting(v -> v.get("version").asInt()).containsExactly(1, 2);
        assertThat(read.get("withdrawnFrom").asText()).isEqualTo("2022-01-01");
        // In force: version 1 in 2020, version 2 in 2021, nothing since 2022.
        assertThat(rulesOn("2020-06-01")).contains(rule + "@1");
        assertThat(rulesOn("2021-06-01")).contains(rule + "@2");
        assertThat(rulesOn("2022-06-01")).doesNotContain(rule + "@1", rule + "@2");
    }

    @Test
    void hours_of_community_learning_are_deposited_as_standard_credits_under_the_network_rule() {
        String rule = "NET-HOURS-" + RULE.substring(7);
        Map<String, Object> terms = new HashMap<>(Map.of("ruleId", rule, "kinds", List.of("COMMUNITY_LEARNING"),
                "hoursPerCredit", 16, "yearlyCap", 4, "scale", 1, "rounding", "DOWN", "effectiveFrom", "2020-01-01"));
        Http.Reply byBranch = http.post("/api/hours-rules", terms, ALICE);
        assertThat(byBranch.status()).as(byBranch.toString()).isEqualTo(403);
        assertThat(byBranch.json().get("type").asText()).isEqualTo("urn:ledger:problem:not-the-centre");
        Http.Reply published = http.post("/api/hours-rules", terms, ERIN);
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        assertThat(published.json()).hasSize(1);

        String learner = Scenario.openAccount(http, ALICE, "Hours Li");
        Map<String, Object> calligraphy = Scenario.course("HOURS-1-" + learner, "1");
        calligraphy.put("kind", "COMMUNITY_LEARNING");
        calligraphy.put("credits", Map.of("amount", 41, "unit", "HOURS"));
        String id = Scenario.record(http, ALICE, learner, calligraphy);
        Http.Reply certified = http.post("/api/learners/" + learner + "/achievements/" + id + "/certification", "",
                BOB);
        assertThat(certified.status()).as(certified.toString()).isEqualTo(200);
        assertThat(certified.json().get("credits").get("amount").decimalValue()).isEqualByComparingTo("2.5");
        assertThat(certified.json().get("credits").get("unit").asText()).isEqualTo("BANK_CREDIT");
        JsonNode hours = http.get("/api/learners/" + learner + "/hours-conversions", ALICE).json().get(0);
        assertThat(hours.get("hours").decimalValue()).isEqualByComparingTo("41");
        assertThat(hours.get("ruleId").asText()).isEqualTo(rule);
        assertThat(hours.get("deposited").decimalValue()).isEqualByComparingTo("2.5");
    }

    @Test
    void bad_catalogue_input_is_refused_naming_the_field() {
        Http.Reply mismatch = http.post("/api/institutions/" + INSTITUTION + "/recognition-rules", Map.of("ruleId",
                "R-ECTS-" + UUID.randomUUID().toString().substring(0, 8), "programme", PROGRAMME, "criteria",
                Map.of("kind", "ACADEMIC_COURSE"), "grant", Map.of("unit", "ECTS", "credits", 2), "effectiveFrom",
                "2020-01-01"), IVAN);
        assertThat(mismatch.status()).as(mismatch.toString()).isEqualTo(409);
        assertThat(mismatch.json().get("type").asText()).isEqualTo("urn:ledger:problem:unit-mismatch");
        Http.Reply noKind = http.post("/api/institutions/" + INSTITUTION + "/recognition-rules", Map.of("ruleId",
                "R-NOKIND", "programme", PROGRAMME, "criteria", Map.of("code", "X"), "grant",
                Map.of("unit", "INSTITUTION:ZJU", "credits", 2), "effectiveFrom", "2020-01-01"), IVAN);
        assertThat(noKind.status()).as(noKind.toString()).isEqualTo(400);
        assertThat(noKind.text()).contains("criteria.kind");
        Http.Reply noSources = http.post("/api/learners/" + Scenario.openAccount(http, ALICE, "Empty Li")
                + "/conversions", Map.of("institution", INSTITUTION, "programme", PROGRAMME, "sources", List.of()),
                ALICE);
        assertThat(noSources.status()).as(noSources.toString()).isEqualTo(400);
        assertThat(noSources.text()).contains("sources").doesNotContain("Exception");
    }

    private static List<String> rulesOn(String date) {
        List<String> rules = new ArrayList<>();
        http.get("/api/institutions/" + INSTITUTION + "/programmes/" + PROGRAMME + "/rules?on=" + date, ALICE).json()
                .forEach(v -> rules.add(v.get("ruleId").asText() + "@" + v.get("version").asInt()));
        return rules;
    }

    private static String certified(String learner, String serial) {
        String achievement = Scenario.record(http, ALICE, learner, Scenario.certificate("E-" + serial + "-"
                + learner, serial + "-" + learner));
        Http.Reply certified = http.post("/api/learners/" + learner + "/achievements/" + achievement
                + "/certification", "", BOB);
        assertThat(certified.status()).as(certified.toString()).isEqualTo(200);
        return achievement;
    }

    private static Http.Reply apply(String learner, String source, String[] actor) {
        return http.post("/api/learners/" + learner + "/conversions", Map.of("institution", INSTITUTION,
                "programme", PROGRAMME, "sources", List.of(source)), actor);
    }

    private static String decision(String learner, String application) {
        return "/api/learners/" + learner + "/conversions/" + application + "/decision";
    }

    /** Sends the requests at the same moment, each from a thread of its own; answers their replies in order. */
    @SafeVarargs
    private static List<Http.Reply> together(Callable<Http.Reply>... requests) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(requests.length);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Http.Reply>> replies = new ArrayList<>();
            for (Callable<Http.Reply> request : requests) {
                replies.add(threads.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<Http.Reply> answered = new ArrayList<>();
            for (Future<Http.Reply> reply : replies) {
                answered.add(reply.get());
            }
            return answered;
        } finally {
            threads.shutdownNow();
        }
    }
}
