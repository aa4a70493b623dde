package org.creditbank.ledger.projection.statistics;

import org.creditbank.ledger.projection.statistics.StatisticsQueries.Query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.creditbank.ledger.readmodel.Sql.at;

/**
 * The rows a question's counts and credits are summed from, read at the coarsest grain that fits: a question of
 * recorded time from the monthly and daily sums (and the facts of an instant's own day); one of valid time over whole
 * months of recorded time from the valid-time sums; any other from the facts.
 */
final class SumSources {

    /** Rows to sum, as a subquery with the columns of the sums, what they are, and their parameters. */
    record Source(String sql, String name, List<Object> args) {
    }

    private static final String SUMMED = "branch_code, measure, kind, qualification_level, credit_unit, n, credits";

    private final QueryConditions conditions;
    private final ZoneId zone;

    SumSources(QueryConditions conditions, ZoneId zone) {
        this.conditions = conditions;
        this.zone = zone;
    }

    /**
     * The rows of the question.
     *
     * @param validSums whether it is one of valid time over whole months of recorded time, with no instant
     */
    Source of(Query query, boolean validSums) {
        return query.achievedBefore() == null ? sums(query) : validSums ? valid(query) : facts(query);
    }

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
                    + conditions.table("stat_month") + " WHERE 1 = 1");
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
            parts.add("SELECT month_start, " + SUMMED + " FROM " + conditions.table("stat_day") + " WHERE "
                    + String.join(" OR ", ranges));
            names.add("daily sums");
        }
        if (factsFrom != null && !factsFrom.isAfter(query.asOf())) {
            parts.add("SELECT month_start, " + SUMMED + " FROM " + conditions.table("stat_fact")
                    + " WHERE recorded_at >= ? AND recorded_at <= ?");
            args.add(at(factsFrom));
            args.add(at(query.asOf()));
            names.add("facts");
        }
        if (parts.isEmpty()) {
            parts.add("SELECT month_start, " + SUMMED + " FROM " + conditions.table("stat_month") + " WHERE 1 = 0");
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
                + SUMMED + " FROM " + conditions.table("stat_valid") + " f WHERE ((grain = 'M' AND achieved < ?)"
                + " OR (grain = 'D' AND achieved >= ? AND achieved < ?))");
        args.addAll(List.of(before.withDayOfMonth(1), before.withDayOfMonth(1), before));
        sql.append(conditions.times(query, true, args)); // whole months of recorded time
        return new Source(sql.append(")").toString(), "valid-time sums + " + accounts.name(), args);
    }

    /** The rows of a question of valid time: the facts. */
    private Source facts(Query query) {
        List<Object> args = new ArrayList<>();
        String times = conditions.times(query, false, args);
        return new Source("(SELECT month_start, " + SUMMED + " FROM " + conditions.table("stat_fact") + " f WHERE 1 = 1"
                + times + ")", "facts", args);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
