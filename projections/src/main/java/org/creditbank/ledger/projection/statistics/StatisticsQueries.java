package org.creditbank.ledger.projection.statistics;

import org.creditbank.ledger.readmodel.Slot;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.creditbank.ledger.readmodel.Sql.at;

/**
 * Statistics for operators and education authorities, for a branch's whole jurisdiction (its subtree), a period of
 * recorded time, grouped by month, year, kind, level, credit unit, child branch or administrative region.
 *
 * <p>Sums are read at the coarsest grain that fits: a window of recorded time as whole months, then whole days, then
 * (as of an instant) the facts of the instant's own day; a question as of a valid date ("achieved before") over whole
 * months from the sums by valid time. Active learners, which cannot be summed, are counted ahead per jurisdiction and
 * period with the day each was first counted and the earliest date achieved. Only valid time combined with an
 * instant, or with a period that cuts a month, is answered from the facts. Every way gives the same figures.
 */
public class StatisticsQueries {

    private final JdbcTemplate jdbc;
    private final Supplier<Slot> slot;
    private final ZoneId zone;

    /**
     * @param slot the slot being served, asked at each query (a rebuild switches it)
     * @param zone the time zone that months, years and dates are counted in
     */
    public StatisticsQueries(JdbcTemplate jdbc, Supplier<Slot> slot, ZoneId zone) {
        this.jdbc = jdbc;
        this.slot = slot;
        this.zone = zone;
    }

    /** How figures are grouped. */
    public enum Grouping {
        NONE(null), MONTH("f.month_start"), YEAR("EXTRACT(YEAR FROM f.month_start)"), KIND("f.kind"),
        LEVEL("f.qualification_level"), UNIT("f.credit_unit"), BRANCH("f.branch_code"), REGION("b.division_code");

        private final String column;

        Grouping(String column) {
            this.column = column;
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
        Map<String, String> groupOf = by == Grouping.BRANCH ? branchGroups(query.branch()) : Map.of();

        Tally total = new Tally();
        Map<String, Tally> groups = new TreeMap<>();
        // Valid time over whole months of recorded time, with no instant: from the valid-time sums.
        boolean validSums = query.achievedBefore() != null && query.asOf() == null && wholeMonths;
        Source source = query.achievedBefore() == null ? sums(query) : validSums ? valid(query) : facts(query);
        Where where = scope(query);
        String key = by.column == null ? "''" : by.column;
        List<Object> args = new ArrayList<>(source.args);
        args.addAll(where.args);
        jdbc.query("SELECT " + key + " AS k, f.branch_code, f.measure, f.credit_unit, SUM(f.n) AS n,"
                + " SUM(f.credits) AS credits FROM " + source.sql + " f" + where.sql + " GROUP BY "
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
                ? counted(node, List.of(period), asOf, achievedBefore).getOrDefault(period, 0L)
                : activeLearners(query, monthly, Grouping.NONE).getOrDefault("", 0L);
        counted = counted && wholeMonths;
        if (by == Grouping.BRANCH) {
            for (String group : groups.keySet()) {
                groups.get(group).learners = period != null
                        ? counted(group.equals(query.branch()) ? Reach.own(group) : group, List.of(period), asOf,
                        achievedBefore).getOrDefault(period, 0L)
                        : activeLearnersOf(query, monthly, group);
            }
        } else if (by == Grouping.MONTH && counted || by == Grouping.YEAR && counted && wholeYears(query)) {
            Map<String, String> periods = new LinkedHashMap<>();
            groups.keySet().forEach(k -> periods.put(k, by == Grouping.MONTH ? Reach.month(LocalDate.parse(k))
                    : Reach.year(new BigDecimal(k).intValueExact())));
            Map<String, Long> learners = counted(node, periods.values(), asOf, achievedBefore);
            groups.forEach((k, tally) -> tally.learners = learners.getOrDefault(periods.get(k), 0L));
        } else if (by == Grouping.REGION && period != null && regionsWithin(groups.keySet(), query.branch())) {
            for (String region : groups.keySet()) {
                groups.get(region).learners = counted(Reach.region(region), List.of(period), asOf, achievedBefore)
                        .getOrDefault(period, 0L);
            }
        } else if (by != Grouping.NONE && by.countsLearners()) {
            Map<String, Long> learners = activeLearners(query, monthly, by);
            groups.forEach((k, tally) -> tally.learners = learners.getOrDefault(k, 0L));
        }
        List<Group> grouped = new ArrayList<>();
        groups.forEach((k, tally) -> grouped.add(new Group(label(by, k), tally.figures())));
        return new Statistics(query, source.name, total.figures(), grouped);
    }

    /** Rows to sum, as a subquery with the columns of the sums, what they are, and their parameters. */
    private record Source(String sql, String name, List<Object> args) {
    }

    private static final String SUMMED = "branch_code, measure, kind, qualification_level, credit_unit, n, credits";

    /**
     * The rows of a question of recorded time (a period, as of an instant): the period's whole months from the
     * monthly sums, its other whole days from the daily sums, and from the facts only what was recorded on the day of
     * the instant, up to it.
     */
    private Source sums(Query query) {
        LocalDate from = query.from();
        LocalDate end = query.to() == null ? null : query.to().plusDays(1);
        Instant factsFrom = null;
        if (query.asOf() != null) {
            LocalDate day = LocalDate.ofInstant(query.asOf(), zone);
            if (end == null || day.isBefore(end)) {
                end = day;
                Instant dayStart = day.atStartOfDay(zone).toInstant();
                factsFrom = from == null ? dayStart : max(dayStart, from.atStartOfDay(zone).toInstant());
            }
        }
        if (from != null && end != null && !from.isBefore(end)) {
            end = from; // nothing in whole days: at most the facts of the instant's day
        }
        LocalDate monthsFrom = from == null || from.getDayOfMonth() == 1 ? from
                : from.plusMonths(1).withDayOfMonth(1);
        LocalDate monthsEnd = end == null ? null : end.withDayOfMonth(1);
        List<String> parts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        List<LocalDate[]> days = new ArrayList<>();
        if (monthsFrom != null && monthsEnd != null && !monthsFrom.isBefore(monthsEnd)) {
            days.add(new LocalDate[] {from, end});
        } else {
            StringBuilder months = new StringBuilder("SELECT month_start, " + SUMMED + " FROM "
                    + table("stat_month") + " WHERE 1 = 1");
            if (monthsFrom != null) {
                months.append(" AND month_start >= ?");
                args.add(monthsFrom);
            }
            if (monthsEnd != null) {
                months.append(" AND month_start < ?");
                args.add(monthsEnd);
            }
            parts.add(months.toString());
            names.add("monthly sums");
            if (from != null && from.isBefore(monthsFrom)) {
                days.add(new LocalDate[] {from, monthsFrom});
            }
            if (end != null && monthsEnd.isBefore(end)) {
                days.add(new LocalDate[] {monthsEnd, end});
            }
        }
        days.removeIf(range -> !range[0].isBefore(range[1]));
        if (!days.isEmpty()) {
            List<String> ranges = new ArrayList<>();
            for (LocalDate[] range : days) {
                ranges.add("(day_start >= ? AND day_start < ?)");
                args.add(range[0]);
                args.add(range[1]);
            }
            parts.add("SELECT month_start, " + SUMMED + " FROM " + table("stat_day") + " WHERE "
                    + String.join(" OR ", ranges));
            names.add("daily sums");
        }
        if (factsFrom != null && !factsFrom.isAfter(query.asOf())) {
            parts.add("SELECT month_start, " + SUMMED + " FROM " + table("stat_fact")
                    + " WHERE recorded_at >= ? AND recorded_at <= ?");
            args.add(at(factsFrom));
            args.add(at(query.asOf()));
            names.add("facts");
        }
        if (parts.isEmpty()) {
            parts.add("SELECT month_start, " + SUMMED + " FROM " + table("stat_month") + " WHERE 1 = 0");
            names.add("monthly sums");
        }
        return new Source("(" + String.join(" UNION ALL ", parts) + ")", String.join(" + ", names), args);
    }

    /**
     * The rows of a question of valid time over whole months of recorded time: accounts opened, merged and closed
     * before the date from the sums of recorded time; acts on achievements achieved in the months before the date's
     * own from the monthly valid-time sums, and in its month before it from the daily ones.
     */
    private Source valid(Query query) {
        LocalDate before = query.achievedBefore();
        LocalDate to = query.to() == null || query.to().isAfter(before.minusDays(1)) ? before.minusDays(1) : query.to();
        Source accounts = sums(new Query(query.branch(), query.from(), to, null, null, null));
        List<Object> args = new ArrayList<>(accounts.args());
        StringBuilder sql = new StringBuilder("(SELECT month_start, " + SUMMED + " FROM " + accounts.sql()
                + " a WHERE measure IN (" + Measure.sqlList(m -> !m.isLearning()) + ") UNION ALL SELECT month_start, "
                + SUMMED + " FROM " + table("stat_valid") + " f WHERE ((grain = 'M' AND achieved < ?)"
                + " OR (grain = 'D' AND achieved >= ? AND achieved < ?))");
        args.addAll(List.of(before.withDayOfMonth(1), before.withDayOfMonth(1), before));
        sql.append(times(query, true, args)); // whole months of recorded time
        return new Source(sql.append(")").toString(), "valid-time sums + " + accounts.name(), args);
    }

    /** The rows of a question of valid time: the facts. */
    private Source facts(Query query) {
        List<Object> args = new ArrayList<>();
        String times = times(query, false, args);
        return new Source("(SELECT month_start, " + SUMMED + " FROM " + table("stat_fact") + " f WHERE 1 = 1" + times
                + ")", "facts", args);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** The one period counted ahead that is exactly {@code [from, to]} (all time, a year, a month), or null. */
    private static String period(LocalDate from, LocalDate to) {
        if (from == null && to == null) {
            return Reach.ALL;
        }
        if (from == null || to == null) {
            return null;
        }
        if (from.getDayOfYear() == 1 && to.equals(from.with(TemporalAdjusters.lastDayOfYear()))) {
            return Reach.year(from.getYear());
        }
        if (from.getDayOfMonth() == 1 && to.equals(from.with(TemporalAdjusters.lastDayOfMonth()))) {
            return Reach.month(from);
        }
        return null;
    }

    /**
     * Whether every branch of each region lies within the asked jurisdiction: then a region's learners within it are
     * the region's learners counted ahead.
     */
    private boolean regionsWithin(Set<String> regions, String branch) {
        if (branch == null || regions.isEmpty()) {
            return true;
        }
        Long outside = jdbc.queryForObject("SELECT COUNT(*) FROM " + branchTable() + " WHERE division_code IN ("
                + String.join(", ", Collections.nCopies(regions.size(), "?")) + ") AND lineage NOT LIKE ?",
                Long.class, Stream.concat(regions.stream(), Stream.of(
                        "%/" + branch + "/%")).toArray());
        return outside != null && outside == 0;
    }

    /** Whether the question's period is made of whole years (then each year's learners are counted ahead). */
    private static boolean wholeYears(Query query) {
        return (query.from() == null || query.from().getDayOfYear() == 1)
                && (query.to() == null || query.to().equals(query.to().with(TemporalAdjusters.lastDayOfYear())));
    }

    /**
     * The learners counted ahead at a node, by period; as of an instant: those first counted on the days before the
     * instant's, and those of its day whose first act there was by the instant.
     */
    private Map<String, Long> counted(String node, Collection<String> periods, Instant asOf,
                                      LocalDate achievedBefore) {
        Map<String, Long> counts = new LinkedHashMap<>();
        if (periods.isEmpty()) {
            return counts;
        }
        String in = " IN (" + String.join(", ", Collections.nCopies(periods.size(), "?")) + ")";
        RowCallbackHandler add = rs -> {
            counts.merge(rs.getString(1), rs.getLong(2), Long::sum);
        };
        if (achievedBefore != null) {
            List<Object> args = new ArrayList<>(List.of(node));
            args.addAll(periods);
            args.add(achievedBefore);
            jdbc.query("SELECT period, SUM(learners) FROM " + table("stat_reach_valid") + " WHERE node = ? AND period"
                    + in + " AND achieved < ? GROUP BY period", add, args.toArray());
            return counts;
        }
        if (asOf == null) {
            jdbc.query("SELECT period, learners FROM " + table("stat_reach_count") + " WHERE node = ? AND period" + in,
                    add, Stream.concat(Stream.of(node), periods.stream()).toArray());
            return counts;
        }
        LocalDate day = LocalDate.ofInstant(asOf, zone);
        List<Object> args = new ArrayList<>(List.of(node));
        args.addAll(periods);
        args.add(day);
        jdbc.query("SELECT period, SUM(learners) FROM " + table("stat_reach_day") + " WHERE node = ? AND period" + in
                + " AND day_start < ? GROUP BY period", add, args.toArray());
        // Those first counted on the instant's day, by the instant: the learners acting there that day by then who
        // were not active there on an earlier day of the period.
        for (String period : new java.util.LinkedHashSet<>(periods)) {
            LocalDate[] months = Reach.months(period);
            if (months != null && (day.isBefore(months[0]) || !day.isBefore(months[1]))) {
                continue;
            }
            List<Object> params = new ArrayList<>(List.of(at(day.atStartOfDay(zone).toInstant()), at(asOf)));
            String acting = scope(node, "f", "b", params);
            params.add(day);
            String earlier = scope(node, "a", "e", params);
            if (months != null) {
                earlier += " AND a.month_start >= ? AND a.month_start < ?";
                params.addAll(List.of(months[0], months[1]));
            }
            Long n = jdbc.queryForObject("SELECT COUNT(DISTINCT f.learner_number) FROM " + table("stat_fact")
                    + " f JOIN " + branchTable() + " b ON b.code = f.branch_code"
                    + " WHERE f.recorded_at >= ? AND f.recorded_at <= ? AND f.measure IN (" + learning() + ")" + acting
                    + " AND NOT EXISTS (SELECT 1 FROM "
                    + table("stat_active") + " a JOIN " + branchTable() + " e ON e.code = a.branch_code"
                    + " WHERE a.learner_number = f.learner_number AND a.first_day < ?" + earlier + ")", Long.class,
                    params.toArray());
            if (n != null && n > 0) {
                counts.merge(period, n, Long::sum);
            }
        }
        return counts;
    }

    /**
     * The condition that an act (its table's alias {@code act}, its branch's {@code branch}) counts at the node, its
     * parameters added to {@code args}.
     */
    private static String scope(String node, String act, String branch, List<Object> args) {
        if (node.startsWith("=")) {
            args.add(node.substring(1));
            return " AND " + act + ".branch_code = ?";
        }
        if (node.startsWith("@")) {
            args.add(node.substring(1));
            return " AND " + branch + ".division_code = ?";
        }
        if (!node.equals(Reach.ALL)) {
            args.add("%/" + node + "/%");
            return " AND " + branch + ".lineage LIKE ?";
        }
        return "";
    }

    /** Distinct active learners by group key ({@code ""} when not grouped). */
    private Map<String, Long> activeLearners(Query query, boolean monthly, Grouping by) {
        Where where = where(query, monthly);
        String key = by.column == null ? "''" : by.column;
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query("SELECT " + key + " AS k, COUNT(DISTINCT f.learner_number) AS n FROM " + learners(monthly, where)
                + (by.column == null ? "" : " GROUP BY " + key), rs -> {
            counts.put(rs.getString("k"), rs.getLong("n"));
        }, where.args.toArray());
        return counts;
    }

    /** Distinct active learners of one group of a by-branch question: the branch itself or a child's subtree. */
    private long activeLearnersOf(Query query, boolean monthly, String group) {
        Where where = where(new Query(group, query.from(), query.to(), Grouping.NONE, query.asOf(),
                query.achievedBefore()), monthly);
        if (group.equals(query.branch())) {
            where.sql += " AND f.branch_code = ?";
            where.args.add(group);
        }
        Long n = jdbc.queryForObject("SELECT COUNT(DISTINCT f.learner_number) FROM " + learners(monthly, where),
                Long.class, where.args.toArray());
        return n == null ? 0L : n;
    }

    private String learners(boolean monthly, Where where) {
        return monthly ? table("stat_active") + " f" + where.sql
                : table("stat_fact") + " f" + where.sql + " AND f.measure IN (" + learning() + ")";
    }

    private static String learning() {
        return Measure.sqlList(Measure::isLearning);
    }

    private static final class Where {
        String sql;
        final List<Object> args = new ArrayList<>();
    }

    /** The acting branch joined as {@code b}, within the asked jurisdiction; and the question's times. */
    private Where where(Query query, boolean monthly) {
        Where where = scope(query);
        where.sql += times(query, monthly, where.args);
        return where;
    }

    /** The acting branch joined as {@code b}, within the asked jurisdiction. */
    private Where scope(Query query) {
        Where where = new Where();
        StringBuilder sql = new StringBuilder(" JOIN " + branchTable() + " b ON b.code = f.branch_code");
        if (query.branch() != null) {
            sql.append(" AND b.lineage LIKE ?");
            where.args.add("%/" + query.branch() + "/%");
        }
        where.sql = sql.append(" WHERE 1 = 1").toString();
        return where;
    }

    /** The question's times as conditions on {@code f} (monthly: on its months), their parameters added to args. */
    private String times(Query query, boolean monthly, List<Object> args) {
        StringBuilder sql = new StringBuilder();
        if (monthly) {
            if (query.from() != null) {
                sql.append(" AND f.month_start >= ?");
                args.add(query.from());
            }
            if (query.to() != null) {
                sql.append(" AND f.month_start <= ?");
                args.add(query.to().withDayOfMonth(1));
            }
            return sql.toString();
        }
        if (query.from() != null) {
            sql.append(" AND f.recorded_at >= ?");
            args.add(at(query.from().atStartOfDay(zone).toInstant()));
        }
        if (query.to() != null) {
            sql.append(" AND f.recorded_at < ?");
            args.add(at(query.to().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        if (query.asOf() != null) {
            sql.append(" AND f.recorded_at <= ?");
            args.add(at(query.asOf()));
        }
        if (query.achievedBefore() != null) {
            sql.append(" AND (f.achieved_on < ? OR (f.achieved_on IS NULL AND f.recorded_at < ?))");
            args.add(query.achievedBefore());
            args.add(at(query.achievedBefore().atStartOfDay(zone).toInstant()));
        }
        return sql.toString();
    }

    /** For a by-branch question: each branch of the subtree to its group (the branch itself or its child). */
    private Map<String, String> branchGroups(String branch) {
        Map<String, String> groups = new LinkedHashMap<>();
        String top = branch == null ? "" : "/" + branch + "/";
        jdbc.query("SELECT code, lineage FROM " + branchTable() + " WHERE lineage LIKE ?", rs -> {
            String code = rs.getString("code");
            String lineage = rs.getString("lineage");
            if (code.equals(branch)) {
                groups.put(code, code);
            } else {
                // The first branch below the asked one on this branch's path (below the root: the root itself).
                String below = lineage.substring(branch == null ? 1 : lineage.indexOf(top) + top.length());
                groups.put(code, below.substring(0, below.indexOf('/')));
            }
        }, "%" + top + "%");
        return groups;
    }

    private static String label(Grouping by, String key) {
        if (by == Grouping.MONTH) {
            return key.substring(0, 7);
        }
        return key.isEmpty() || (by == Grouping.LEVEL && key.equals("0")) ? NONE : key;
    }

    /** The key of the group of facts a dimension does not apply to (an account's facts have no kind). */
    public static final String NONE = "none";

    private String table(String base) {
        return slot.get().table(base);
    }

    private static String branchTable() {
        return "branch";
    }

    /** Counts and credits summed over rows. */
    private static final class Tally {
        final Map<Measure, Long> counts = new EnumMap<>(Measure.class);
        final Map<String, BigDecimal> credits = new TreeMap<>();
        Long learners;

        void add(Measure measure, long n, String unit, BigDecimal amount) {
            counts.merge(measure, n, Long::sum);
            if (!unit.isEmpty()) {
                credits.merge(unit, amount, BigDecimal::add);
            }
        }

        Figures figures() {
            List<Credit> deposited = new ArrayList<>();
            credits.forEach((unit, amount) -> deposited.add(new Credit(unit, plain(amount))));
            return new Figures(count(Measure.ACCOUNT_OPENED), count(Measure.ACCOUNT_MERGED),
                    count(Measure.ACCOUNT_CLOSED), count(Measure.RECORDED), count(Measure.CERTIFIED),
                    count(Measure.REJECTED), count(Measure.CORRECTED), count(Measure.REVOKED),
                    count(Measure.SUPERSEDED), deposited, learners);
        }

        private long count(Measure measure) {
            return counts.getOrDefault(measure, 0L);
        }

        private static BigDecimal plain(BigDecimal value) {
            return value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        }
    }
}
