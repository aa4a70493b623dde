package org.creditbank.ledger.projection.statistics;

import org.creditbank.ledger.projection.statistics.QueryConditions.Where;
import org.creditbank.ledger.projection.statistics.SumSources.Source;
import org.creditbank.ledger.readmodel.Lineages;
import org.creditbank.ledger.readmodel.Slot;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import static org.creditbank.ledger.projection.statistics.LearnerCounts.period;
import static org.creditbank.ledger.projection.statistics.LearnerCounts.wholeYears;

/**
 * Statistics for operators and education authorities, for a branch's whole jurisdiction (its subtree), a period of
 * recorded time, grouped by month, year, kind, level, credit unit, child branch or administrative region.
 *
 * <p>Sums are read at the coarsest grain that fits: a window of recorded time as whole months, then whole days, then
 * (as of an instant) the facts of the instant's own day; a question as of a valid date ("achieved before") over whole
 * months from the sums by valid time. Active learners, which cannot be summed, are counted ahead per jurisdiction and
 * period with the day each was first counted and the earliest date achieved. Only valid time combined with an
 * instant, or with a period that cuts a month, is answered from the facts. Every way gives the same figures.
 *
 * <p>This is the entry that answers a question: its sums come from {@link SumSources}, its active learners from
 * {@link LearnerCounts}, both within the question's {@link QueryConditions}, and add up in a {@link Tally}.
 */
public class StatisticsQueries {

    private final JdbcTemplate jdbc;
    private final QueryConditions conditions;
    private final SumSources sources;
    private final LearnerCounts learners;
    private final Supplier<Slot> branches;

    /**
     * @param slot     the slot being served, asked at each query (a rebuild switches it)
     * @param branches the branch register's live slot, which questions of a jurisdiction or a region join
     * @param zone     the time zone that months, years and dates are counted in
     */
    public StatisticsQueries(JdbcTemplate jdbc, Supplier<Slot> slot, Supplier<Slot> branches, ZoneId zone) {
        this.jdbc = jdbc;
        this.branches = branches;
        this.conditions = new QueryConditions(slot, branches, zone);
        this.sources = new SumSources(conditions, zone);
        this.learners = new LearnerCounts(jdbc, conditions, zone);
    }

    /** How figures are grouped. */
    public enum Grouping {
        NONE(null), MONTH("f.month_start"), YEAR("EXTRACT(YEAR FROM f.month_start)"), KIND("f.kind"),
        LEVEL("f.qualification_level"), UNIT("f.credit_unit"), BRANCH("f.branch_code"), REGION("b.division_code");

        private final String column;

        Grouping(String column) {
            this.column = column;
        }

        /** The expression of the group key on the summed rows {@code f} (and branches {@code b}); null: no groups. */
        String column() {
            return column;
        }

        /** Whether active learners (distinct, so not a sum) can be told per group. */
        boolean countsLearners() {
            return this != KIND && this != LEVEL && this != UNIT;
        }
    }

    /**
     * A question. Null parts select everything.
     *
     * @param branch         the branch whose jurisdiction is counted; null: the whole network
     * @param from           first day of the period (recorded time), inclusive
     * @param to             last day of the period, inclusive
     * @param asOf           count only what had been recorded by this instant
     * @param achievedBefore count only achievements achieved before this date (and accounts opened before it)
     */
    public record Query(String branch, LocalDate from, LocalDate to, Grouping by, Instant asOf,
                        LocalDate achievedBefore) {
    }

    /** An amount of credits in one unit system. */
    public record Credit(String unit, BigDecimal amount) {
    }

    /** The figures of a group or of the whole. */
    public record Figures(long accountsOpened, long accountsMerged, long accountsClosed, long achievementsRecorded,
                          long achievementsCertified, long achievementsRejected, long achievementsCorrected,
                          long achievementsRevoked, long achievementsSuperseded, List<Credit> creditsDeposited,
                          Long activeLearners) {
    }

    /** The figures of one group. */
    public record Group(String key, Figures figures) {
    }

    /** The answer: the totals and, when grouped, each group (their counts and credits add up to the totals). */
    public record Statistics(Query query, String source, Figures totals, List<Group> groups) {
    }

    /** Answers the question. */
    public Statistics statistics(Query query) {
        Grouping by = query.by() == null ? Grouping.NONE : query.by();
        boolean wholeMonths = (query.from() == null || query.from().getDayOfMonth() == 1)
                && (query.to() == null || query.to().equals(query.to().with(TemporalAdjusters.lastDayOfMonth())));
        boolean monthly = wholeMonths && query.asOf() == null && query.achievedBefore() == null;
        Map<String, String> groupOf = by == Grouping.BRANCH ? Lineages.groupsBelow(jdbc, branches.get().table("branch"), query.branch()) : Map.of();

        Tally total = new Tally();
        Map<String, Tally> groups = new TreeMap<>();
        // Valid time over whole months of recorded time, with no instant: from the valid-time sums.
        boolean validSums = query.achievedBefore() != null && query.asOf() == null && wholeMonths;
        Source source = sources.of(query, validSums);
        Where where = conditions.scope(query);
        String key = by.column == null ? "''" : by.column;
        List<Object> args = new ArrayList<>(source.args());
        args.addAll(where.args);
        jdbc.query("SELECT " + key + " AS k, f.branch_code, f.measure, f.credit_unit, SUM(f.n) AS n,"
                + " SUM(f.credits) AS credits FROM " + source.sql() + " f" + where.sql + " GROUP BY "
                + (by.column == null ? "" : key + ", ") + "f.branch_code, f.measure, f.credit_unit", rs -> {
            Measure measure = Measure.valueOf(rs.getString("measure"));
            long n = rs.getLong("n");
            BigDecimal credits = rs.getBigDecimal("credits");
            String unit = rs.getString("credit_unit");
            total.add(measure, n, unit, credits);
            if (by != Grouping.NONE) {
                String k = by == Grouping.BRANCH ? groupOf.get(rs.getString("branch_code")) : rs.getString("k");
                groups.computeIfAbsent(k, x -> new Tally()).add(measure, n, unit, credits);
            }
        }, args.toArray());

        // Active learners are counted ahead per jurisdiction and whole period; other questions count them here.
        Instant asOf = query.asOf();
        LocalDate achievedBefore = query.achievedBefore();
        boolean counted = query.achievedBefore() == null || validSums;
        String period = counted ? period(query.from(), query.to()) : null;
        String node = Reach.jurisdiction(query.branch());
        total.learners = period != null
                ? learners.counted(node, List.of(period), asOf, achievedBefore).getOrDefault(period, 0L)
                : learners.activeLearners(query, monthly, Grouping.NONE).getOrDefault("", 0L);
        counted = counted && wholeMonths;
        if (by == Grouping.BRANCH) {
            for (String group : groups.keySet()) {
                groups.get(group).learners = period != null
                        ? learners.counted(group.equals(query.branch()) ? Reach.own(group) : group, List.of(period),
                        asOf, achievedBefore).getOrDefault(period, 0L)
                        : learners.activeLearnersOf(query, monthly, group);
            }
        } else if (by == Grouping.MONTH && counted || by == Grouping.YEAR && counted && wholeYears(query)) {
            Map<String, String> periods = new LinkedHashMap<>();
            groups.keySet().forEach(k -> periods.put(k, by == Grouping.MONTH ? Reach.month(LocalDate.parse(k))
                    : Reach.year(new BigDecimal(k).intValueExact())));
            Map<String, Long> counts = learners.counted(node, periods.values(), asOf, achievedBefore);
            groups.forEach((k, tally) -> tally.learners = counts.getOrDefault(periods.get(k), 0L));
        } else if (by == Grouping.REGION && period != null && learners.regionsWithin(groups.keySet(), query.branch())) {
            for (String region : groups.keySet()) {
                groups.get(region).learners = learners.counted(Reach.region(region), List.of(period), asOf,
                        achievedBefore).getOrDefault(period, 0L);
            }
        } else if (by != Grouping.NONE && by.countsLearners()) {
            Map<String, Long> counts = learners.activeLearners(query, monthly, by);
            groups.forEach((k, tally) -> tally.learners = counts.getOrDefault(k, 0L));
        }
        List<Group> grouped = new ArrayList<>();
        groups.forEach((k, tally) -> grouped.add(new Group(label(by, k), tally.figures())));
        return new Statistics(query, source.name(), total.figures(), grouped);
    }

    private static String label(Grouping by, String key) {
        if (by == Grouping.MONTH) {
            return key.substring(0, 7);
        }
        return key.isEmpty() || (by == Grouping.LEVEL && key.equals("0")) ? NONE : key;
    }

    /** The key of the group of facts a dimension does not apply to (an account's facts have no kind). */
    public static final String NONE = "none";
}
