package org.creditbank.ledger.projection.conversion;

import org.creditbank.ledger.readmodel.Lineages;
import org.creditbank.ledger.readmodel.Slot;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The statistics of conversions for a branch's jurisdiction (every institution in its subtree: rolled up through the
 * tiers) or the whole network, over a period of days (recorded time, in the ledger's time zone), grouped by month,
 * year, institution, child branch or rule.
 */
public class ConversionStatisticsQueries {

    private final JdbcTemplate jdbc;
    private final Supplier<Slot> slot;
    private final Supplier<Slot> branches;

    /**
     * @param slot     the slot being served, asked at each query (a rebuild switches it)
     * @param branches the branch register's live slot, whose lineages say which institutions a jurisdiction holds
     */
    public ConversionStatisticsQueries(JdbcTemplate jdbc, Supplier<Slot> slot, Supplier<Slot> branches) {
        this.jdbc = jdbc;
        this.slot = slot;
        this.branches = branches;
    }

    /** How figures are grouped. */
    public enum Grouping {
        NONE("''"), MONTH("EXTRACT(YEAR FROM t.day_start) * 100 + EXTRACT(MONTH FROM t.day_start)"),
        YEAR("EXTRACT(YEAR FROM t.day_start)"), INSTITUTION("t.institution"), BRANCH("t.institution"),
        RULE("t.rule_id");

        private final String column;

        Grouping(String column) {
            this.column = column;
        }
    }

    /**
     * A question. Null parts select everything.
     *
     * @param branch the branch whose jurisdiction is counted; null: the whole network
     * @param from   first day of the period, inclusive
     * @param to     last day of the period, inclusive
     */
    public record Query(String branch, java.time.LocalDate from, java.time.LocalDate to, Grouping by) {
    }

    /** An amount of credits in one unit system. */
    public record Credit(String unit, BigDecimal amount) {
    }

    /**
     * The figures of a group or of the whole. An application's own counts have no rule: grouped by rule, they are the
     * group {@value #NONE}'s.
     *
     * @param applications       applications made
     * @param granted            applications granted (in whole or in part)
     * @param refused            applications refused as a whole
     * @param invalidated        granted applications invalidated by an act on a source
     * @param sourcesGranted     sources granted
     * @param sourcesRefused     sources refused (those of applications refused as a whole included)
     * @param sourcesInvalidated granted sources whose grant was invalidated
     * @param creditsGranted     the credits granted, by unit
     * @param creditsInvalidated the credits taken back by invalidations, by unit
     * @param hoursConversions   achievements whose hours were converted into standard credits
     * @param hoursCredits       the standard credits those conversions deposited (BANK_CREDIT)
     */
    public record Figures(long applications, long granted, long refused, long invalidated, long sourcesGranted,
                          long sourcesRefused, long sourcesInvalidated, List<Credit> creditsGranted,
                          List<Credit> creditsInvalidated, long hoursConversions, BigDecimal hoursCredits) {
    }

    /** The figures of one group. */
    public record Group(String key, Figures figures) {
    }

    /** The answer: the totals and, when grouped, each group (their counts and credits add up to the totals). */
    public record Statistics(Query query, Figures totals, List<Group> groups) {
    }

    /** The key of the group of figures a grouping does not apply to (an application's own counts have no rule). */
    public static final String NONE = "none";

    /** Answers the question. */
    public Statistics statistics(Query query) {
        Grouping by = query.by() == null ? Grouping.NONE : query.by();
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT " + by.column + " AS k, t.measure, t.credit_unit, SUM(t.n) AS n,"
                + " SUM(t.credits) AS credits FROM " + slot.get().table("conversion_tally") + " t");
        if (query.branch() != null) {
            sql.append(" JOIN ").append(branchTable()).append(" b ON b.code = t.institution AND b.lineage LIKE ?");
            args.add("%/" + query.branch() + "/%");
        }
        sql.append(" WHERE 1 = 1");
        if (query.from() != null) {
            sql.append(" AND t.day_start >= ?");
            args.add(query.from());
        }
        if (query.to() != null) {
            sql.append(" AND t.day_start <= ?");
            args.add(query.to());
        }
        sql.append(" GROUP BY ").append(by == Grouping.NONE ? "" : by.column + ", ").append("t.measure, t.credit_unit");
        Map<String, String> groupOf = by == Grouping.BRANCH ? Lineages.groupsBelow(jdbc, branches.get().table("branch"), query.branch()) : Map.of();
        Tally total = new Tally();
        Map<String, Tally> groups = new TreeMap<>();
        jdbc.query(sql.toString(), rs -> {
            ConversionMeasure measure = ConversionMeasure.valueOf(rs.getString("measure"));
            long n = rs.getLong("n");
            String unit = rs.getString("credit_unit");
            BigDecimal credits = rs.getBigDecimal("credits");
            total.add(measure, n, unit, credits);
            if (by != Grouping.NONE) {
                String key = key(by, rs.getString("k"), groupOf);
                groups.computeIfAbsent(key, k -> new Tally()).add(measure, n, unit, credits);
            }
        }, args.toArray());
        List<Group> grouped = new ArrayList<>();
        groups.forEach((key, tally) -> grouped.add(new Group(key, tally.figures())));
        return new Statistics(query, total.figures(), grouped);
    }

    private static String key(Grouping by, String value, Map<String, String> groupOf) {
        if (by == Grouping.MONTH) {
            int month = new BigDecimal(value).intValueExact();
            return String.format("%04d-%02d", month / 100, month % 100);
        }
        if (by == Grouping.YEAR) {
            return String.valueOf(new BigDecimal(value).intValueExact());
        }
        if (by == Grouping.BRANCH) {
            return groupOf.getOrDefault(value, value);
        }
        return value.isEmpty() ? NONE : value;
    }

    private String branchTable() {
        return branches.get().table("branch");
    }

    /** Figures being added up. */
    private static final class Tally {
        private final Map<ConversionMeasure, Long> counts = new java.util.EnumMap<>(ConversionMeasure.class);
        private final Map<String, BigDecimal> granted = new TreeMap<>();
        private final Map<String, BigDecimal> invalidated = new TreeMap<>();
        private BigDecimal hours = BigDecimal.ZERO;

        void add(ConversionMeasure measure, long n, String unit, BigDecimal credits) {
            counts.merge(measure, n, Long::sum);
            switch (measure) {
                case SOURCE_GRANTED -> granted.merge(unit, credits, BigDecimal::add);
                case SOURCE_INVALIDATED -> invalidated.merge(unit, credits, BigDecimal::add);
                case HOURS_CONVERTED -> hours = hours.add(credits);
                default -> {
                }
            }
        }

        Figures figures() {
            return new Figures(count(ConversionMeasure.APPLIED), count(ConversionMeasure.GRANTED),
                    count(ConversionMeasure.REFUSED), count(ConversionMeasure.INVALIDATED),
                    count(ConversionMeasure.SOURCE_GRANTED), count(ConversionMeasure.SOURCE_REFUSED),
                    count(ConversionMeasure.SOURCE_INVALIDATED), credits(granted), credits(invalidated),
                    count(ConversionMeasure.HOURS_CONVERTED), hours.stripTrailingZeros());
        }

        private long count(ConversionMeasure measure) {
            return counts.getOrDefault(measure, 0L);
        }

        private static List<Credit> credits(Map<String, BigDecimal> byUnit) {
            return byUnit.entrySet().stream().map(e -> new Credit(e.getKey(), e.getValue().stripTrailingZeros()))
                    .toList();
        }
    }
}
