package org.creditbank.ledger.projection.statistics;

import org.creditbank.ledger.projection.statistics.QueryConditions.Where;
import org.creditbank.ledger.projection.statistics.StatisticsQueries.Grouping;
import org.creditbank.ledger.projection.statistics.StatisticsQueries.Query;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.creditbank.ledger.readmodel.Sql.at;

/**
 * A question's active learners, which cannot be summed: read where they are counted ahead, per jurisdiction (a
 * branch's subtree, its own acts, a region) and period (all time, a year, a month), as of an instant or achieved
 * before a date; otherwise counted distinct from the learners active per month ({@code stat_active}) or from the
 * facts. And the groups a by-branch question tells them (and its sums) by.
 */
final class LearnerCounts {

    private final JdbcTemplate jdbc;
    private final QueryConditions conditions;
    private final ZoneId zone;

    LearnerCounts(JdbcTemplate jdbc, QueryConditions conditions, ZoneId zone) {
        this.jdbc = jdbc;
        this.conditions = conditions;
        this.zone = zone;
    }

    /** The one period counted ahead that is exactly {@code [from, to]} (all time, a year, a month), or null. */
    static String period(LocalDate from, LocalDate to) {
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
    boolean regionsWithin(Set<String> regions, String branch) {
        if (branch == null || regions.isEmpty()) {
            return true;
        }
        Long outside = jdbc.queryForObject("SELECT COUNT(*) FROM " + conditions.branchTable()
                + " WHERE division_code IN ("
                + String.join(", ", Collections.nCopies(regions.size(), "?")) + ") AND lineage NOT LIKE ?",
                Long.class, Stream.concat(regions.stream(), Stream.of(
                        "%/" + branch + "/%")).toArray());
        return outside != null && outside == 0;
    }

    /** Whether the question's period is made of whole years (then each year's learners are counted ahead). */
    static boolean wholeYears(Query query) {
        return (query.from() == null || query.from().getDayOfYear() == 1)
                && (query.to() == null || query.to().equals(query.to().with(TemporalAdjusters.lastDayOfYear())));
    }

    /**
     * The learners counted ahead at a node, by period; as of an instant: those first counted on the days before the
     * instant's, and those of its day whose first act there was by the instant.
     */
    Map<String, Long> counted(String node, Collection<String> periods, Instant asOf, LocalDate achievedBefore) {
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
            jdbc.query("SELECT period, SUM(learners) FROM " + conditions.table("stat_reach_valid")
                    + " WHERE node = ? AND period" + in + " AND achieved < ? GROUP BY period", add, args.toArray());
            return counts;
        }
        if (asOf == null) {
            jdbc.query("SELECT period, learners FROM " + conditions.table("stat_reach_count")
                    + " WHERE node = ? AND period" + in, add,
                    Stream.concat(Stream.of(node), periods.stream()).toArray());
            return counts;
        }
        LocalDate day = LocalDate.ofInstant(asOf, zone);
        List<Object> args = new ArrayList<>(List.of(node));
        args.addAll(periods);
        args.add(day);
        jdbc.query("SELECT period, SUM(learners) FROM " + conditions.table("stat_reach_day")
                + " WHERE node = ? AND period" + in + " AND day_start < ? GROUP BY period", add, args.toArray());
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
            Long n = jdbc.queryForObject("SELECT COUNT(DISTINCT f.learner_number) FROM " + conditions.table("stat_fact")
                    + " f JOIN " + conditions.branchTable() + " b ON b.code = f.branch_code"
                    + " WHERE f.recorded_at >= ? AND f.recorded_at <= ? AND f.measure IN (" + learning() + ")" + acting
                    + " AND NOT EXISTS (SELECT 1 FROM "
                    + conditions.table("stat_active") + " a JOIN " + conditions.branchTable()
                    + " e ON e.code = a.branch_code"
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
    Map<String, Long> activeLearners(Query query, boolean monthly, Grouping by) {
        Where where = conditions.where(query, monthly);
        String key = by.column() == null ? "''" : by.column();
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query("SELECT " + key + " AS k, COUNT(DISTINCT f.learner_number) AS n FROM " + learners(monthly, where)
                + (by.column() == null ? "" : " GROUP BY " + key), rs -> {
            counts.put(rs.getString("k"), rs.getLong("n"));
        }, where.args.toArray());
        return counts;
    }

    /** Distinct active learners of one group of a by-branch question: the branch itself or a child's subtree. */
    long activeLearnersOf(Query query, boolean monthly, String group) {
        Where where = conditions.where(new Query(group, query.from(), query.to(), Grouping.NONE, query.asOf(),
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
        return monthly ? conditions.table("stat_active") + " f" + where.sql
                : conditions.table("stat_fact") + " f" + where.sql + " AND f.measure IN (" + learning() + ")";
    }

    private static String learning() {
        return Measure.sqlList(Measure::isLearning);
    }
}
