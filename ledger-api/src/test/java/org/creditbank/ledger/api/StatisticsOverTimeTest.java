package org.creditbank.ledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditbank.ledger.api.Scenario.ALICE;
import static org.creditbank.ledger.api.Scenario.BOB;
import static org.creditbank.ledger.api.Scenario.CAROL;
import static org.creditbank.ledger.api.Scenario.CENTRE;
import static org.creditbank.ledger.api.Scenario.DAVE;
import static org.creditbank.ledger.api.Scenario.ERIN;
import static org.creditbank.ledger.api.Scenario.HANGZHOU;
import static org.creditbank.ledger.api.Scenario.NINGBO;
import static org.creditbank.ledger.api.Scenario.XIHU;

/**
 * Statistics of recorded time that spans months and a year's end: a ledger whose clock is moved through five months
 * records a history over HTTP, then every question as of an instant, or over a period that cuts months, is checked
 * against the history the test itself kept. Those answers are put together from monthly and daily sums and the facts
 * of one day; the test asks at local midnights, a millisecond before them, and at the instant of an act.
 */
class StatisticsOverTimeTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Instant START = Instant.parse("2025-10-20T02:00:00Z");
    private static final Instant END = Instant.parse("2026-03-10T02:00:00Z");

    /** One act the test performed, as the statistics should count it. */
    private record Act(Instant at, String what, String branch, String learner, BigDecimal credits,
                       LocalDate achieved) {
        boolean learning() {
            return !what.equals("opened");
        }
    }

    /** An act to perform, in time order; it may depend on what an earlier one answered (an id). */
    private record Planned(Instant at, int learner, int achievement, String what) {
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"PostgreSQL", "H2"})
    void as_of_any_instant_and_over_periods_cutting_months_equal_the_history_kept_by_the_test(String database) {
        SettableClock clock = new SettableClock(START);
        try (RunningLedger ledger = RunningLedger.withClock(database.equals("PostgreSQL"), clock)) {
            Http http = ledger.http();
            Scenario.installNetwork(http);
            List<Act> acts = live(http, clock, plan(new Random(7)));
            awaitCounted(http, acts);

            List<Instant> instants = new ArrayList<>(List.of(START.minusSeconds(3600), END.plusSeconds(3600),
                    Instant.now()));
            for (String day : List.of("2025-11-01", "2025-12-01", "2026-01-01", "2026-02-15", "2025-10-21")) {
                Instant midnight = LocalDate.parse(day).atStartOfDay(ZONE).toInstant();
                instants.add(midnight);
                instants.add(midnight.minusMillis(1));
            }
            for (int i = 0; i < acts.size(); i += acts.size() / 7) {
                instants.add(acts.get(i).at());
                instants.add(acts.get(i).at().minusMillis(1));
            }
            Map<String, Predicate<String>> scopes = Map.of("", b -> true,
                    "&branch=" + HANGZHOU, b -> b.equals(HANGZHOU) || b.equals(XIHU),
                    "&branch=" + XIHU, b -> b.equals(XIHU),
                    "&branch=" + NINGBO, b -> b.equals(NINGBO));
            for (Instant t : instants) {
                Predicate<Act> byThen = a -> !a.at().isAfter(t);
                scopes.forEach((scope, within) -> assertFigures(
                        http.get("/api/statistics?asOf=" + t + scope).json().get("totals"),
                        acts, byThen.and(a -> within.test(a.branch())), "as of " + t + scope));
                assertFigures(http.get("/api/statistics?from=2026-01-01&to=2026-12-31&asOf=" + t).json()
                        .get("totals"), acts, byThen.and(a -> month(a).getYear() == 2026), "2026 as of " + t);

                JsonNode byMonth = http.get("/api/statistics?by=month&asOf=" + t).json().get("groups");
                for (JsonNode group : byMonth) {
                    LocalDate month = LocalDate.parse(group.get("key").asText() + "-01");
                    assertFigures(group.get("figures"), acts, byThen.and(a -> month(a).equals(month)),
                            group.get("key").asText() + " as of " + t);
                }
                assertThat(byMonth.size()).isEqualTo(acts.stream().filter(byThen).map(StatisticsOverTimeTest::month)
                        .distinct().count());

                JsonNode byBranch = http.get("/api/statistics?by=branch&branch=" + CENTRE + "&asOf=" + t).json()
                        .get("groups");
                for (JsonNode group : byBranch) {
                    String key = group.get("key").asText();
                    Predicate<String> in = key.equals(HANGZHOU) ? b -> b.equals(HANGZHOU) || b.equals(XIHU)
                            : key::equals;
                    assertFigures(group.get("figures"), acts, byThen.and(a -> in.test(a.branch())),
                            key + " as of " + t);
                }
            }

            // Periods that cut months: whole months from the monthly sums, the days around them from the daily sums.
            for (String[] period : List.of(new String[] {"2025-11-10", "2026-01-20"},
                    new String[] {"2025-12-05", "2025-12-05"}, new String[] {"2025-10-01", "2025-12-31"},
                    new String[] {"2026-02-01", "2026-02-27"}, new String[] {"2025-12-31", "2026-01-01"})) {
                LocalDate from = LocalDate.parse(period[0]);
                LocalDate to = LocalDate.parse(period[1]);
                Predicate<Act> during = a -> !day(a).isBefore(from) && !day(a).isAfter(to);
                JsonNode answer = http.get("/api/statistics?from=" + from + "&to=" + to).json();
                assertFigures(answer.get("totals"), acts, during, from + ".." + to);
                assertThat(answer.get("source").asText()).doesNotContain("facts");
                Instant t = acts.get(acts.size() / 2).at();
                assertFigures(http.get("/api/statistics?from=" + from + "&to=" + to + "&asOf=" + t).json()
                        .get("totals"), acts, during.and(a -> !a.at().isAfter(t)), from + ".." + to + " as of " + t);
            }

            assertAchievedBefore(http, acts, scopes);

            // Live (batches as they came, a learner moved to an earlier day and date) equals a replay, row by row.
            JsonNode report = http.get("/api/audit/replay-check?readModel=statistics").json();
            assertThat(report.get("equal").asBoolean()).as(report.toString()).isTrue();

            // Every learner who acted on an achievement is counted active somewhere, and each fact has its recorded
            // instant's day in the ledger's time zone, midnights and the clock stepped back included.
            assertThat(dayTables(ledger).get("stat_active")).hasSizeGreaterThanOrEqualTo((int) acts.stream()
                    .filter(Act::learning).map(Act::learner).distinct().count());
            assertThat(factDays(ledger)).hasSizeGreaterThanOrEqualTo(acts.size()).allSatisfy(fact -> assertThat(
                    fact.get(3)).isEqualTo(LocalDate.ofInstant(((OffsetDateTime) fact.get(2)).toInstant(), ZONE)));

            // A rebuild folds the history in a few large batches: an achievement's record and its correction in one
            // batch still count each with the date the achievement had then.
            Scenario.rebuild(http, "statistics");
            assertAchievedBefore(http, acts, scopes);
        }
    }

    /** Each fact of slot A: its key, when it was recorded and its day. */
    private static List<List<Object>> factDays(RunningLedger ledger) {
        return ledger.jdbc().query("SELECT event_identifier, ordinal, recorded_at, day_start FROM stat_fact"
                + " ORDER BY event_identifier, ordinal", (rs, i) -> List.of(rs.getString(1), rs.getInt(2),
                rs.getObject(3, OffsetDateTime.class), rs.getObject(4, LocalDate.class)));
    }

    /** Questions as of a valid date, checked against the acts the test kept. */
    private static void assertAchievedBefore(Http http, List<Act> acts, Map<String, Predicate<String>> scopes) {
        // As of a valid date: what had been achieved before it (and accounts opened before it), from the sums.
        for (String date : List.of("2000-01-01", "2008-03-01", "2012-07-15", "2019-12-31", "2025-10-21",
                "2026-01-01", "2030-01-01")) {
            LocalDate before = LocalDate.parse(date);
            Predicate<Act> achieved = a -> a.achieved() == null ? day(a).isBefore(before)
                    : a.achieved().isBefore(before);
            scopes.forEach((scope, within) -> {
                JsonNode answer = http.get("/api/statistics?achievedBefore=" + before + scope).json();
                assertThat(answer.get("source").asText()).as(date).doesNotContain("facts");
                assertFigures(answer.get("totals"), acts, achieved.and(a -> within.test(a.branch())),
                        "achieved before " + before + scope);
            });
            for (JsonNode group : http.get("/api/statistics?by=month&achievedBefore=" + before).json()
                    .get("groups")) {
                LocalDate month = LocalDate.parse(group.get("key").asText() + "-01");
                assertFigures(group.get("figures"), acts, achieved.and(a -> month(a).equals(month)),
                        group.get("key").asText() + " achieved before " + before);
            }
            assertFigures(http.get("/api/statistics?from=2025-11-01&to=2026-01-31&achievedBefore=" + before)
                    .json().get("totals"), acts, achieved.and(a -> !month(a).isBefore(LocalDate.of(2025, 11, 1))
                    && month(a).isBefore(LocalDate.of(2026, 2, 1))), "Nov-Jan achieved before " + before);
        }
    }

    private static Map<String, List<Map<String, Object>>> dayTables(RunningLedger ledger) {
        Map<String, List<Map<String, Object>>> tables = new TreeMap<>();
        String dimensions = "month_start, branch_code, measure, kind, qualification_level, credit_unit";
        for (String[] table : List.of(new String[] {"stat_day", "day_start, " + dimensions},
                new String[] {"stat_valid", "grain, achieved, " + dimensions},
                new String[] {"stat_reach_day", "node, period, day_start"},
                new String[] {"stat_reach_valid", "node, period, achieved"},
                new String[] {"stat_reach_count", "node, period"},
                new String[] {"stat_active", "learner_number, month_start, branch_code"})) {
            tables.put(table[0], ledger.jdbc().queryForList("SELECT * FROM " + table[0] + " ORDER BY " + table[1]));
        }
        return tables;
    }

    /** Five months of learners' lives: accounts, records, certifications (days later), revocations. */
    private static List<Planned> plan(Random random) {
        List<Planned> plan = new ArrayList<>();
        long span = Duration.between(START, END).toSeconds();
        for (int learner = 0; learner < 40; learner++) {
            Instant opened = START.plusSeconds(random.nextLong(span * 3 / 4));
            plan.add(new Planned(opened, learner, -1, "opened"));
            for (int a = 0; a < 1 + random.nextInt(2); a++) {
                Instant recorded = opened.plusSeconds(60 + random.nextLong(20 * 86_400));
                plan.add(new Planned(recorded, learner, a, "recorded"));
                if (random.nextInt(5) == 0) {
                    plan.add(new Planned(recorded.plusSeconds(30), learner, a, "corrected"));
                }
                if (random.nextInt(4) > 0) {
                    Instant certified = recorded.plusSeconds(60 + random.nextLong(10 * 86_400));
                    plan.add(new Planned(certified, learner, a, "certified"));
                    if (random.nextInt(4) == 0) {
                        plan.add(new Planned(certified.plusSeconds(60 + random.nextLong(5 * 86_400)), learner, a,
                                "revoked"));
                    }
                }
            }
        }
        // Some acts just either side of a local midnight.
        for (int i = 0; i < 6; i++) {
            Planned p = plan.get(random.nextInt(plan.size()));
            if (p.what().equals("opened")) {
                Instant midnight = LocalDate.ofInstant(p.at(), ZONE).plusDays(1).atStartOfDay(ZONE).toInstant();
                plan.add(new Planned(midnight.minusMillis(1), 100 + i, -1, "opened"));
                plan.add(new Planned(midnight, 100 + i, 0, "recorded"));
            }
        }
        plan.sort(Comparator.comparing(Planned::at));
        return plan;
    }

    /** Performs the plan over HTTP at its instants; answers what the statistics should count. */
    private static List<Act> live(Http http, SettableClock clock, List<Planned> plan) {
        String[][] recorders = {ALICE, DAVE, CAROL};
        Map<Integer, String> learners = new HashMap<>();
        Map<Integer, String[]> recordedBy = new HashMap<>();
        Map<String, String> achievements = new HashMap<>();
        Map<String, LocalDate> achievedOn = new HashMap<>();
        List<Act> acts = new ArrayList<>();
        for (Planned p : plan) {
            clock.set(p.at());
            String[] officer = recorders[Math.floorMod(p.learner(), recorders.length)];
            if (p.what().equals("opened")) {
                String[] opener = p.learner() % 5 == 4 ? ERIN : officer;
                learners.put(p.learner(), Scenario.openAccount(http, opener, "Learner " + p.learner()));
                recordedBy.put(p.learner(), officer);
                acts.add(new Act(p.at(), "opened", opener[3], learners.get(p.learner()), BigDecimal.ZERO, null));
                continue;
            }
            String learner = learners.get(p.learner());
            String key = p.learner() + "/" + p.achievement();
            // Ningbo's records are certified by the centre, Xihu's by Hangzhou.
            String[] certifier = officer == CAROL ? ERIN : BOB;
            BigDecimal credits = new BigDecimal(1 + Math.floorMod(p.learner() + p.achievement(), 5));
            switch (p.what()) {
                case "recorded" -> {
                    // Achieved over two decades, some on the very days asked about.
                    LocalDate achieved = LocalDate.of(2005, 1, 1).plusDays(Math.floorMod(p.learner() * 7919L
                            + p.achievement() * 104729L, 7500));
                    Map<String, Object> course = Scenario.course("OT-" + key, credits.toPlainString());
                    course.put("achievedOn", achieved.toString());
                    achievements.put(key, Scenario.record(http, officer, learner, course));
                    achievedOn.put(key, achieved);
                    acts.add(new Act(p.at(), "recorded", officer[3], learner, BigDecimal.ZERO, achieved));
                }
                case "certified" -> {
                    ok(http.post(path(learner, achievements.get(key)) + "/certification", "", certifier));
                    acts.add(new Act(p.at(), "certified", certifier[3], learner, credits, achievedOn.get(key)));
                }
                case "corrected" -> {
                    // An earlier date: the learner now counts as having achieved something earlier.
                    LocalDate earlier = achievedOn.get(key).minusYears(3);
                    ok(http.post(path(learner, achievements.get(key)) + "/correction", Map.of("reason",
                            "date misread", "achievedOn", earlier.toString()), certifier));
                    achievedOn.put(key, earlier);
                    acts.add(new Act(p.at(), "corrected", certifier[3], learner, BigDecimal.ZERO, earlier));
                }
                default -> {
                    ok(http.post(path(learner, achievements.get(key)) + "/revocation",
                            Map.of("reason", "withdrawn"), certifier));
                    acts.add(new Act(p.at(), "revoked", certifier[3], learner, credits.negate(),
                            achievedOn.get(key)));
                }
            }
        }
        // A clock stepped back: an act stamped days before the learner's first, counted after all the others.
        Act first = acts.stream().filter(a -> a.what().equals("recorded")).findFirst().orElseThrow();
        Instant stepped = first.at().minus(Duration.ofDays(3));
        clock.set(stepped);
        String[] officer = first.branch().equals(XIHU) ? DAVE : first.branch().equals(NINGBO) ? CAROL : ALICE;
        Map<String, Object> course = Scenario.course("OT-stepped-back", "2");
        course.put("achievedOn", "2004-02-29");
        Scenario.record(http, officer, first.learner(), course);
        acts.add(new Act(stepped, "recorded", officer[3], first.learner(), BigDecimal.ZERO, LocalDate.of(2004, 2, 29)));
        return acts;
    }

    private static String path(String learner, String achievement) {
        return "/api/learners/" + learner + "/achievements/" + achievement;
    }

    private static void ok(Http.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }

    private static LocalDate day(Act act) {
        return LocalDate.ofInstant(act.at(), ZONE);
    }

    private static LocalDate month(Act act) {
        return day(act).withDayOfMonth(1);
    }

    private static void awaitCounted(Http http, List<Act> acts) {
        Map<String, Long> counted = new HashMap<>();
        acts.forEach(a -> counted.merge(a.what(), 1L, Long::sum));
        Await.until("statistics to count every act", Duration.ofSeconds(60),
                () -> http.get("/api/statistics").json().get("totals"),
                t -> t.get("accountsOpened").asLong() == counted.getOrDefault("opened", 0L)
                        && t.get("achievementsRecorded").asLong() == counted.getOrDefault("recorded", 0L)
                        && t.get("achievementsCertified").asLong() == counted.getOrDefault("certified", 0L)
                        && t.get("achievementsCorrected").asLong() == counted.getOrDefault("corrected", 0L)
                        && t.get("achievementsRevoked").asLong() == counted.getOrDefault("revoked", 0L));
    }

    /** The figures answered equal those of the acts the test kept that match. */
    private static void assertFigures(JsonNode figures, List<Act> acts, Predicate<Act> counted, String question) {
        Map<String, Long> n = new TreeMap<>();
        BigDecimal credits = BigDecimal.ZERO;
        Set<String> active = new HashSet<>();
        for (Act act : acts) {
            if (counted.test(act)) {
                n.merge(act.what(), 1L, Long::sum);
                credits = credits.add(act.credits());
                if (act.learning()) {
                    active.add(act.learner());
                }
            }
        }
        assertThat(figures.get("accountsOpened").asLong()).as(question).isEqualTo(n.getOrDefault("opened", 0L));
        assertThat(figures.get("achievementsRecorded").asLong()).as(question)
                .isEqualTo(n.getOrDefault("recorded", 0L));
        assertThat(figures.get("achievementsCertified").asLong()).as(question)
                .isEqualTo(n.getOrDefault("certified", 0L));
        assertThat(figures.get("achievementsRevoked").asLong()).as(question)
                .isEqualTo(n.getOrDefault("revoked", 0L));
        assertThat(figures.get("achievementsCorrected").asLong()).as(question)
                .isEqualTo(n.getOrDefault("corrected", 0L));
        BigDecimal deposited = BigDecimal.ZERO;
        for (JsonNode credit : figures.get("creditsDeposited")) {
            deposited = deposited.add(new BigDecimal(credit.get("amount").asText()));
        }
        assertThat(deposited).as(question).isEqualByComparingTo(credits);
        assertThat(figures.get("activeLearners").asLong()).as(question).isEqualTo(active.size());
    }
}
