package org.creditbank.ledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Statistics over a generated data set — two thousand learners across every tier, recorded, certified, rejected,
 * corrected and revoked over HTTP — checked against counts made independently with SQL over the stored events, and
 * tier sums that add up.
 */
class StatisticsTest {

    private static final int LEARNERS = 2000;
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String CENTRE = "ZJ-CENTRE";
    /** Every branch of the network: code to {tier, parent, division code}. */
    private static final Map<String, String[]> NETWORK = new LinkedHashMap<>();

    static {
        NETWORK.put(CENTRE, new String[] {"PROVINCIAL_CENTRE", null, "330000"});
        NETWORK.put("HZ-BRANCH", new String[] {"MUNICIPAL_BRANCH", CENTRE, "330100"});
        NETWORK.put("NB-BRANCH", new String[] {"MUNICIPAL_BRANCH", CENTRE, "330200"});
        NETWORK.put("XH-SUBCENTRE", new String[] {"COUNTY_SUB_CENTRE", "HZ-BRANCH", "330106"});
        NETWORK.put("YZ-SUBCENTRE", new String[] {"COUNTY_SUB_CENTRE", "NB-BRANCH", "330203"});
        NETWORK.put("XH-POINT", new String[] {"ACCEPTANCE_POINT", "XH-SUBCENTRE", "330106"});
        NETWORK.put("ZJU-BRANCH", new String[] {"INSTITUTION_BRANCH", "HZ-BRANCH", "330100"});
        NETWORK.put("OU-BRANCH", new String[] {"INSTITUTION_BRANCH", CENTRE, "330000"});
    }

    private static final String[] KINDS = {"ACADEMIC_COURSE", "SKILLS_TRAINING", "COMMUNITY_LEARNING",
            "ELDERLY_EDUCATION", "ONLINE_COURSE", "MICRO_CREDENTIAL", "DEGREE_DIPLOMA"};
    private static final String[] UNITS = {"BANK_CREDIT", "HOURS", "ECTS"};

    private static RunningLedger ledger;
    private static Http http;
    private static Instant generated;

    @BeforeAll
    static void generate() throws Exception {
        ledger = RunningLedger.onPostgres();
        http = ledger.http();
        installNetwork();
        List<String> branches = new ArrayList<>(NETWORK.keySet());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            work.add(pool.submit(() -> {
                Random random = new Random(42 + thread);
                for (int i = thread; i < LEARNERS; i += 4) {
                    learnerLife(random, branches, i);
                }
                return null;
            }));
        }
        for (Future<?> done : work) {
            done.get();
        }
        pool.shutdown();
        generated = Instant.now();
    }

    @AfterAll
    static void stop() {
        ledger.close();
    }

    private static void installNetwork() {
        NETWORK.forEach((code, b) -> {
            String[] parentOfficer = b[1] == null ? new String[0] : officer(b[1], 1);
            Map<String, Object> body = new HashMap<>(Map.of("code", code, "name", code + " branch", "tier", b[0],
                    "divisionCode", b[2]));
            if (b[1] != null) {
                body.put("parentCode", b[1]);
            }
            Scenario.created(http.post("/api/branches", body, parentOfficer));
            for (int n = 1; n <= 2; n++) {
                Scenario.created(http.post("/api/branches/" + code + "/officers",
                        Scenario.officer(officerId(code, n), "Officer " + n + " of " + code),
                        b[1] != null ? parentOfficer : n == 1 ? new String[0] : officer(code, 1)));
            }
        });
    }

    private static String officerId(String branch, int n) {
        return branch.toLowerCase().replace("-", "") + n;
    }

    private static String[] officer(String branch, int n) {
        return new String[] {Http.AS, officerId(branch, n), "Ledger-Branch", branch};
    }

    /** One learner: an account, one to three achievements, and what happens to them. */
    private static void learnerLife(Random random, List<String> branches, int i) {
        String learner = Scenario.openAccount(http, officer(branches.get(random.nextInt(branches.size())), 1),
                "Learner " + i);
        int achievements = 1 + random.nextInt(3);
        for (int a = 0; a < achievements; a++) {
            String branch = branches.get(random.nextInt(branches.size()));
            Map<String, Object> body = Scenario.course("ST-" + i + "-" + a, String.valueOf(1 + random.nextInt(8)));
            body.put("kind", KINDS[random.nextInt(KINDS.length)]);
            body.put("credits", Map.of("amount", new BigDecimal(1 + random.nextInt(40)).movePointLeft(1),
                    "unit", UNITS[random.nextInt(UNITS.length)]));
            int level = random.nextInt(9);
            body.put("qualificationLevel", level == 0 ? null : level);
            body.put("achievedOn", LocalDate.of(2015 + random.nextInt(11), 1 + random.nextInt(12), 1).toString());
            String id = Scenario.record(http, officer(branch, 1), learner, body);
            String path = "/api/learners/" + learner + "/achievements/" + id;
            int fate = random.nextInt(100);
            if (fate < 15) {
                ok(http.post(path + "/rejection", Map.of("reason", "not evidenced"), officer(branch, 2)));
            } else if (fate < 75) {
                ok(http.post(path + "/certification", "", officer(branch, 2)));
                if (fate < 25) {
                    ok(http.post(path + "/revocation", Map.of("reason", "certificate withdrawn"),
                            officer(branch, 2)));
                } else if (fate < 35) {
                    ok(http.post(path + "/correction", Map.of("reason", "credits misprinted", "credits",
                            Map.of("amount", "2.5", "unit", "BANK_CREDIT"), "qualificationLevel", 4),
                            officer(branch, 2)));
                }
            }
        }
    }

    private static void ok(Http.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }

    @Test
    void every_branch_figure_equals_an_independent_count_over_the_stored_events() {
        Map<String, Map<String, Long>> counts = independentCounts();
        awaitStatistics(counts);
        for (String branch : NETWORK.keySet()) {
            Set<String> subtree = subtree(branch);
            JsonNode totals = http.get("/api/statistics?branch=" + branch).json().get("totals");
            assertThat(totals.get("accountsOpened").asLong()).as(branch)
                    .isEqualTo(sum(counts, subtree, "AccountOpened"));
            assertThat(totals.get("achievementsRecorded").asLong()).as(branch)
                    .isEqualTo(sum(counts, subtree, "AchievementRecorded"));
            assertThat(totals.get("achievementsCertified").asLong()).as(branch)
                    .isEqualTo(sum(counts, subtree, "AchievementCertified"));
            assertThat(totals.get("achievementsRejected").asLong()).as(branch)
                    .isEqualTo(sum(counts, subtree, "AchievementRejected"));
            assertThat(totals.get("achievementsCorrected").asLong()).as(branch)
                    .isEqualTo(sum(counts, subtree, "AchievementCorrected"));
            assertThat(totals.get("achievementsRevoked").asLong()).as(branch)
                    .isEqualTo(sum(counts, subtree, "AchievementRevoked"));
            assertThat(credits(totals)).as(branch).isEqualTo(independentCredits(subtree));
            assertThat(totals.get("activeLearners").asLong()).as(branch).isEqualTo(independentActive(subtree));
        }
        JsonNode all = http.get("/api/statistics").json().get("totals");
        assertThat(all.get("accountsOpened").asLong()).isEqualTo(LEARNERS);
        assertThat(all).isEqualTo(http.get("/api/statistics?branch=" + CENTRE).json().get("totals"));
    }

    @Test
    void tiers_add_up_the_province_is_its_own_acts_plus_its_branches() {
        awaitStatistics(independentCounts());
        for (String branch : NETWORK.keySet()) {
            JsonNode answer = http.get("/api/statistics?branch=" + branch + "&by=branch").json();
            JsonNode groups = answer.get("groups");
            List<String> children = NETWORK.entrySet().stream().filter(e -> branch.equals(e.getValue()[1]))
                    .map(Map.Entry::getKey).toList();
            assertThat(keys(groups)).isSubsetOf(concat(branch, children));
            assertAddsUp(answer);
            for (JsonNode group : groups) {
                String key = group.get("key").asText();
                if (!key.equals(branch)) {
                    JsonNode child = http.get("/api/statistics?branch=" + key).json().get("totals");
                    assertThat(group.get("figures")).as(key).isEqualTo(child);
                }
            }
        }
        JsonNode province = http.get("/api/statistics?branch=" + CENTRE).json().get("totals");
        long municipal = 0;
        for (String city : List.of("HZ-BRANCH", "NB-BRANCH")) {
            municipal += http.get("/api/statistics?branch=" + city).json().get("totals").get("achievementsRecorded")
                    .asLong();
        }
        long ownAndInstitutions = http.get("/api/statistics?branch=" + CENTRE + "&by=branch").json().get("groups")
                .findValues("key").stream().map(JsonNode::asText)
                .filter(k -> !k.equals("HZ-BRANCH") && !k.equals("NB-BRANCH"))
                .mapToLong(k -> group(CENTRE, k).get("achievementsRecorded").asLong()).sum();
        assertThat(province.get("achievementsRecorded").asLong()).isEqualTo(municipal + ownAndInstitutions);
    }

    @Test
    void every_grouping_adds_up_and_monthly_sums_agree_with_the_facts() {
        awaitStatistics(independentCounts());
        for (String by : List.of("month", "year", "kind", "level", "unit", "region")) {
            JsonNode answer = http.get("/api/statistics?branch=HZ-BRANCH&by=" + by).json();
            assertThat(answer.get("groups")).as(by).isNotEmpty();
            assertAddsUp(answer);
        }
        LocalDate today = LocalDate.now(ZONE);
        LocalDate monthStart = today.withDayOfMonth(1);
        JsonNode monthly = http.get("/api/statistics?by=kind&from=" + monthStart + "&to="
                + today.withDayOfMonth(today.lengthOfMonth())).json();
        assertThat(monthly.get("source").asText()).isEqualTo("monthly sums");
        JsonNode facts = http.get("/api/statistics?by=kind&from=" + monthStart + "&to="
                + today.withDayOfMonth(today.lengthOfMonth()) + "&asOf=" + Instant.now()).json();
        // As of now: this month's days before today from the daily sums (none on the 1st), today's from the facts.
        assertThat(facts.get("source").asText()).isIn("facts", "daily sums + facts");
        assertThat(facts.get("totals")).isEqualTo(monthly.get("totals"));
        assertThat(facts.get("groups")).isEqualTo(monthly.get("groups"));

        // Active learners counted ahead (whole periods) equal those counted from the facts, group by group.
        Instant now = Instant.now();
        for (String by : List.of("month", "year", "region", "branch")) {
            for (String scope : List.of("", "&branch=HZ-BRANCH", "&branch=" + CENTRE + "&from=" + today.getYear()
                    + "-01-01&to=" + today.getYear() + "-12-31")) {
                JsonNode ahead = http.get("/api/statistics?by=" + by + scope).json();
                JsonNode counted = http.get("/api/statistics?by=" + by + scope + "&asOf=" + now).json();
                assertThat(counted.get("source").asText()).endsWith("facts");
                assertThat(ahead.get("totals")).as(by + scope).isEqualTo(counted.get("totals"));
                assertThat(ahead.get("groups")).as(by + scope).isEqualTo(counted.get("groups"));
                assertThat(ahead.get("totals").get("activeLearners").asLong()).as(by + scope).isPositive();
            }
        }

        JsonNode byMonth = http.get("/api/statistics?by=month").json().get("groups");
        assertThat(keys(byMonth)).allMatch(k -> k.matches("\\d{4}-\\d{2}"));
        JsonNode byRegion = http.get("/api/statistics?by=region").json().get("groups");
        assertThat(keys(byRegion)).containsExactlyInAnyOrder("330000", "330100", "330106", "330200", "330203");
    }

    @Test
    void a_rebuild_derives_from_the_facts_what_the_processor_kept_up_batch_by_batch() {
        awaitStatistics(independentCounts());
        List<String> questions = List.of("/api/statistics", "/api/statistics?by=branch&branch=" + CENTRE,
                "/api/statistics?by=month", "/api/statistics?by=year", "/api/statistics?by=region",
                "/api/statistics?by=kind&branch=HZ-BRANCH", "/api/statistics?by=level",
                "/api/statistics?achievedBefore=2020-01-01", "/api/statistics?by=month&achievedBefore=2026-01-01");
        Map<String, JsonNode> live = answers(questions);
        // The learners active per month and branch, with their first day and earliest achieved date there, are the
        // acts on achievements grouped so (counted independently here); they fill more than one of the derivation's
        // chunks, which it writes while still reading.
        String learning = "'RECORDED', 'CERTIFIED', 'REJECTED', 'CORRECTED', 'REVOKED', 'SUPERSEDED'";
        assertThat(ledger.jdbc().queryForList("SELECT learner_number, month_start, branch_code, first_day,"
                + " first_achieved FROM stat_active ORDER BY 1, 2, 3")).hasSizeGreaterThan(2_000)
                .isEqualTo(ledger.jdbc().queryForList("SELECT learner_number, month_start, branch_code,"
                        + " MIN(day_start) AS first_day, MIN(achieved_on) AS first_achieved FROM stat_fact"
                        + " WHERE measure IN (" + learning + ") GROUP BY learner_number, month_start, branch_code"
                        + " ORDER BY 1, 2, 3"));

        // The replay check derives the statistics into the scratch slot as a rebuild does, and compares every row.
        JsonNode report = http.get("/api/audit/replay-check?readModel=statistics").json();
        assertThat(report.get("equal").asBoolean()).as(report.toString()).isTrue();

        Scenario.rebuild(http, "statistics");
        assertThat(answers(questions)).isEqualTo(live);
    }

    private static Map<String, JsonNode> answers(List<String> questions) {
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        questions.forEach(q -> answers.put(q, http.get(q).json()));
        return answers;
    }

    @Test
    void achieved_before_counts_only_achievements_of_that_valid_time() {
        awaitStatistics(independentCounts());
        JsonNode before = http.get("/api/statistics?achievedBefore=2020-01-01").json().get("totals");
        long expected = ledger.jdbc().queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE payload_type"
                + " LIKE '%AchievementRecorded' AND (convert_from(payload, 'UTF8')::jsonb ->> 'achievedOn')::date"
                + " < DATE '2020-01-01'", Long.class);
        assertThat(before.get("achievementsRecorded").asLong()).isEqualTo(expected).isPositive();
        assertThat(before.get("accountsOpened").asLong()).isZero();
        JsonNode none = http.get("/api/statistics?asOf=2000-01-01T00:00:00Z").json().get("totals");
        assertThat(none.get("achievementsRecorded").asLong()).isZero();
        assertThat(none.get("activeLearners").asLong()).isZero();
    }

    @Test
    void annual_reports_per_branch_as_json_and_csv() {
        awaitStatistics(independentCounts());
        int year = LocalDate.now(ZONE).getYear();
        JsonNode report = http.get("/api/statistics/branches/XH-SUBCENTRE/annual-report?year=" + year).json();
        JsonNode totals = http.get("/api/statistics?branch=XH-SUBCENTRE&from=" + year + "-01-01&to=" + year
                + "-12-31").json().get("totals");
        assertThat(report.get("totals")).isEqualTo(totals);
        assertThat(report.get("tier").asText()).isEqualTo("COUNTY_SUB_CENTRE");
        assertThat(keys(report.get("byBranch"))).containsExactlyInAnyOrder("XH-SUBCENTRE", "XH-POINT");
        assertThat(report.get("byMonth")).isNotEmpty();
        assertThat(report.get("byKind")).isNotEmpty();

        Http.Reply csv = http.get("/api/statistics/branches/HZ-BRANCH/annual-report?year=" + year,
                "Accept", "text/csv");
        assertThat(csv.status()).isEqualTo(200);
        List<String> lines = csv.text().lines().toList();
        assertThat(lines.get(0)).startsWith("section,key,accountsOpened,accountsMerged");
        String[] total = lines.get(1).split(",");
        JsonNode hz = http.get("/api/statistics/branches/HZ-BRANCH/annual-report?year=" + year).json()
                .get("totals");
        assertThat(total[0]).isEqualTo("total");
        assertThat(Long.parseLong(total[5])).isEqualTo(hz.get("achievementsRecorded").asLong());
        assertThat(lines.stream().filter(l -> l.startsWith("branch,")).count()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void bad_questions_are_refused_naming_the_field() {
        assertRefused(http.get("/api/statistics?by=week"), 400, "by");
        assertRefused(http.get("/api/statistics?branch=NO-SUCH"), 404, "branch");
        assertRefused(http.get("/api/statistics?from=2026-02-30"), 400, "from");
        assertRefused(http.get("/api/statistics?from=2026-03-01&to=2026-02-01"), 400, "to");
        assertRefused(http.get("/api/statistics?asOf=yesterday"), 400, "asOf");
        assertRefused(http.get("/api/statistics/branches/HZ-BRANCH/annual-report?year=20x6"), 400, "year");
        assertRefused(http.get("/api/statistics/branches/HZ-BRANCH/annual-report"), 400, "year");
    }

    private static void assertRefused(Http.Reply reply, int status, String field) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.json().get("field").asText()).isEqualTo(field);
    }

    /** Counts and credits of the groups add up to the totals. */
    private static void assertAddsUp(JsonNode answer) {
        JsonNode totals = answer.get("totals");
        for (String count : List.of("accountsOpened", "achievementsRecorded", "achievementsCertified",
                "achievementsRejected", "achievementsCorrected", "achievementsRevoked")) {
            long sum = 0;
            for (JsonNode group : answer.get("groups")) {
                sum += group.get("figures").get(count).asLong();
            }
            assertThat(sum).as(count).isEqualTo(totals.get(count).asLong());
        }
        Map<String, BigDecimal> credits = new TreeMap<>();
        for (JsonNode group : answer.get("groups")) {
            credits(group.get("figures")).forEach((unit, amount) -> credits.merge(unit, amount, BigDecimal::add));
        }
        credits.replaceAll((unit, amount) -> amount.stripTrailingZeros());
        credits.values().removeIf(amount -> amount.signum() == 0);
        Map<String, BigDecimal> total = credits(totals);
        total.values().removeIf(amount -> amount.signum() == 0);
        assertThat(credits).isEqualTo(total);
    }

    private static JsonNode group(String branch, String key) {
        for (JsonNode group : http.get("/api/statistics?branch=" + branch + "&by=branch").json().get("groups")) {
            if (group.get("key").asText().equals(key)) {
                return group.get("figures");
            }
        }
        throw new AssertionError("no group " + key);
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(rest);
        all.add(0, first);
        return all;
    }

    private static List<String> keys(JsonNode groups) {
        List<String> keys = new ArrayList<>();
        groups.forEach(g -> keys.add(g.get("key").asText()));
        return keys;
    }

    private static Map<String, BigDecimal> credits(JsonNode figures) {
        Map<String, BigDecimal> credits = new TreeMap<>();
        figures.get("creditsDeposited").forEach(c -> credits.put(c.get("unit").asText(),
                new BigDecimal(c.get("amount").asText()).stripTrailingZeros()));
        return credits;
    }

    private static void awaitStatistics(Map<String, Map<String, Long>> counts) {
        long recorded = sum(counts, subtree(CENTRE), "AchievementRecorded");
        long revoked = sum(counts, subtree(CENTRE), "AchievementRevoked");
        Await.until("statistics to count every event", Duration.ofSeconds(60),
                () -> http.get("/api/statistics").json().get("totals"),
                t -> t.get("achievementsRecorded").asLong() == recorded
                        && t.get("achievementsRevoked").asLong() == revoked
                        && t.get("accountsOpened").asLong() == LEARNERS);
    }

    /** Event type to branch code to count, straight from the event store. */
    private static Map<String, Map<String, Long>> independentCounts() {
        Map<String, Map<String, Long>> counts = new HashMap<>();
        ledger.jdbc().query("SELECT substring(payload_type from '[A-Za-z]+$') AS type,"
                + " convert_from(payload, 'UTF8')::jsonb ->> 'branchCode' AS branch, COUNT(*) AS n"
                + " FROM domain_event_entry GROUP BY 1, 2", rs -> {
            counts.computeIfAbsent(rs.getString("type"), t -> new HashMap<>())
                    .put(rs.getString("branch"), rs.getLong("n"));
        });
        return counts;
    }

    /** Credits deposited by acts of the subtree: certified, plus corrections' changes, less revoked. */
    private static Map<String, BigDecimal> independentCredits(Set<String> subtree) {
        Map<String, BigDecimal> credits = new TreeMap<>();
        ledger.jdbc().query("WITH e AS (SELECT substring(payload_type from '[A-Za-z]+$') AS type,"
                + " convert_from(payload, 'UTF8')::jsonb AS j FROM domain_event_entry),"
                + " c AS (SELECT j ->> 'achievementId' AS id, (j ->> 'credits')::numeric AS credits,"
                + " j ->> 'creditUnit' AS unit FROM e WHERE type = 'AchievementCertified'),"
                + " moves AS ("
                + "  SELECT e.j ->> 'branchCode' AS branch, c.unit, c.credits AS delta FROM e JOIN c"
                + "   ON c.id = e.j ->> 'achievementId' WHERE e.type = 'AchievementCertified'"
                + "  UNION ALL SELECT e.j ->> 'branchCode', c.unit, -c.credits FROM e JOIN c"
                + "   ON c.id = e.j ->> 'achievementId' WHERE e.type = 'AchievementRevoked'"
                + "  UNION ALL SELECT e.j ->> 'branchCode', c.unit, -c.credits FROM e JOIN c"
                + "   ON c.id = e.j ->> 'achievementId' WHERE e.type = 'AchievementCorrected'"
                + "  UNION ALL SELECT e.j ->> 'branchCode', e.j -> 'corrected' ->> 'creditUnit',"
                + "   (e.j -> 'corrected' ->> 'credits')::numeric FROM e JOIN c"
                + "   ON c.id = e.j ->> 'achievementId' WHERE e.type = 'AchievementCorrected')"
                + " SELECT unit, SUM(delta) AS total FROM moves WHERE branch IN (" + in(subtree) + ")"
                + " GROUP BY unit", rs -> {
            BigDecimal total = rs.getBigDecimal("total").stripTrailingZeros();
            if (total.signum() != 0) {
                credits.put(rs.getString("unit"), total);
            }
        }, subtree.toArray());
        return credits;
    }

    /** Learners with an act on an achievement by a branch of the subtree. */
    private static long independentActive(Set<String> subtree) {
        return ledger.jdbc().queryForObject("SELECT COUNT(DISTINCT aggregate_identifier) FROM domain_event_entry"
                + " WHERE payload_type LIKE '%Achievement%' AND convert_from(payload, 'UTF8')::jsonb ->> 'branchCode'"
                + " IN (" + in(subtree) + ")", Long.class, subtree.toArray());
    }

    private static String in(Set<String> values) {
        return values.stream().map(v -> "?").collect(Collectors.joining(", "));
    }

    private static long sum(Map<String, Map<String, Long>> counts, Set<String> branches, String type) {
        return counts.getOrDefault(type, Map.of()).entrySet().stream().filter(e -> branches.contains(e.getKey()))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** The branch and every branch under it. */
    private static Set<String> subtree(String branch) {
        Set<String> subtree = new java.util.HashSet<>(Set.of(branch));
        boolean grew = true;
        while (grew) {
            grew = NETWORK.entrySet().stream().filter(e -> subtree.contains(e.getValue()[1]))
                    .map(Map.Entry::getKey).toList().stream().map(subtree::add).reduce(false, Boolean::logicalOr);
        }
        return subtree;
    }
}
