package org.creditbank.ledger.projection.statistics;

import org.creditbank.ledger.projection.statistics.FactFold.Fact;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A batch's facts summed by month and by day of recorded time ({@code stat_month}, {@code stat_day}) and by the month
 * and the day achieved ({@code stat_valid}), every dimension kept, and added to the slot's sums: how the live processor
 * keeps them as the facts come. (A pass over the whole store derives them from all the facts at once:
 * {@link StatisticsDerivation}.)
 */
final class RecordedSums {

    private static final List<String> DIMENSIONS = List.of("branch_code VARCHAR(32)", "measure VARCHAR(32)",
            "kind VARCHAR(40)", "qualification_level INTEGER", "credit_unit VARCHAR(48)");
    private static final List<String> SUMS = List.of("n BIGINT", "credits NUMERIC(24, 4)");

    private final Map<SumKey, Object[]> months = new TreeMap<>();
    private final Map<SumKey, Object[]> days = new TreeMap<>();
    private final Map<SumKey, Object[]> validMonths = new TreeMap<>();
    private final Map<SumKey, Object[]> validDays = new TreeMap<>();

    /** Sums the facts, their days and months in the ledger's time zone. */
    RecordedSums(List<Fact> facts, ZoneId zone) {
        for (Fact f : facts) {
            LocalDate day = LocalDate.ofInstant(f.at(), zone);
            LocalDate month = day.withDayOfMonth(1);
            String unit = f.unit() == null ? "" : f.unit();
            String measure = f.measure().name();
            new SumKey(month, month, f.branch(), measure, f.kind(), f.level(), unit).add(months, f);
            new SumKey(day, month, f.branch(), measure, f.kind(), f.level(), unit).add(days, f);
            LocalDate achieved = f.achievedOn();
            if (achieved != null) {
                // Keyed by valid time, with the recorded month, so that by-month questions can be answered.
                new SumKey(achieved.withDayOfMonth(1), month, f.branch(), measure, f.kind(), f.level(), unit)
                        .add(validMonths, f);
                new SumKey(achieved, month, f.branch(), measure, f.kind(), f.level(), unit).add(validDays, f);
            }
        }
    }

    /** Adds them to the slot's sums (keys in one order, so two writers never wait on each other in a cycle). */
    void addTo(StatisticsTables tables) {
        tables.batch(tables.upsert("stat_month", StatisticsTables.concat(List.of("month_start DATE"), DIMENSIONS),
                SUMS), SumKey.rows(months, k -> List.of(k.start())));
        tables.batch(tables.upsert("stat_day", StatisticsTables.concat(List.of("day_start DATE", "month_start DATE"),
                DIMENSIONS), SUMS), SumKey.rows(days, k -> List.of(k.start(), k.month())));
        String valid = tables.upsert("stat_valid", StatisticsTables.concat(List.of("grain CHAR(1)", "achieved DATE",
                "month_start DATE"), DIMENSIONS), SUMS);
        tables.batch(valid, SumKey.rows(validMonths, k -> List.of("M", k.start(), k.month())));
        tables.batch(valid, SumKey.rows(validDays, k -> List.of("D", k.start(), k.month())));
    }

    /**
     * The key of a month's or a day's sums: the month's or day's first day (of recorded or of valid time), the
     * recorded month, and the dimensions.
     */
    private record SumKey(LocalDate start, LocalDate month, String branch, String measure, String kind, int level,
                          String unit) implements Comparable<SumKey> {
        private static final Comparator<SumKey> ORDER = Comparator.comparing(SumKey::start)
                .thenComparing(SumKey::month).thenComparing(SumKey::branch).thenComparing(SumKey::measure)
                .thenComparing(SumKey::kind).thenComparingInt(SumKey::level).thenComparing(SumKey::unit);

        @Override
        public int compareTo(SumKey o) {
            return ORDER.compare(this, o);
        }

        /** Adds the fact's count and credits to its sum under this key. */
        void add(Map<SumKey, Object[]> sums, Fact f) {
            Object[] sum = sums.computeIfAbsent(this, k -> new Object[] {0L, BigDecimal.ZERO});
            sum[0] = (Long) sum[0] + f.n();
            sum[1] = ((BigDecimal) sum[1]).add(f.credits());
        }

        /** The row of a sum: the leading key columns of its table, then the dimensions, the count and the credits. */
        static List<Object[]> rows(Map<SumKey, Object[]> sums, Function<SumKey, List<Object>> leading) {
            List<Object[]> rows = new ArrayList<>(sums.size());
            sums.forEach((k, sum) -> {
                List<Object> row = new ArrayList<>(leading.apply(k));
                row.addAll(List.of(k.branch(), k.measure(), k.kind(), k.level(), k.unit(), sum[0], sum[1]));
                rows.add(row.toArray());
            });
            return rows;
        }
    }
}
