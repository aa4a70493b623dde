package org.creditbank.ledger.projection.statistics;

import org.creditbank.ledger.projection.statistics.FactFold.Fact;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Facts summed by month and by day of recorded time ({@code stat_month}, {@code stat_day}) and by the month and the
 * day achieved ({@code stat_valid}), every dimension kept, then added to the slot's sums: the one way the sums are
 * derived from the facts. The live processor sums each batch's facts and adds them; a pass over the whole store sums
 * the facts of many batches at a time and adds them whenever they reach {@link #FLUSH_AT} keys, and at the end.
 */
final class RecordedSums {

    /** Keys held by a pass over the whole store before it adds them to the slot's sums. */
    static final int FLUSH_AT = 200_000;

    private static final List<String> DIMENSIONS = List.of("branch_code VARCHAR(32)", "measure VARCHAR(32)",
            "kind VARCHAR(40)", "qualification_level INTEGER", "credit_unit VARCHAR(48)");
    private static final List<String> SUMS = List.of("n BIGINT", "credits NUMERIC(24, 4)");

    private final ZoneId zone;
    private final Map<SumKey, Sum> months = new HashMap<>();
    private final Map<SumKey, Sum> days = new HashMap<>();
    private final Map<SumKey, Sum> validMonths = new HashMap<>();
    private final Map<SumKey, Sum> validDays = new HashMap<>();

    /** Sums to come, their days and months in the ledger's time zone. */
    RecordedSums(ZoneId zone) {
        this.zone = zone;
    }

    /** Sums the facts, with those summed before. */
    RecordedSums add(List<Fact> facts) {
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
        return this;
    }

    /** How many keys are summed and not yet added. */
    int keys() {
        return months.size() + days.size() + validMonths.size() + validDays.size();
    }

    /**
     * Adds the sums to the slot's, inserting the keys it does not have yet (each table's keys in one order, so two
     * writers never wait on each other in a cycle), and starts over.
     */
    void addTo(StatisticsTables tables) {
        tables.batch(tables.upsert("stat_month", StatisticsTables.concat(List.of("month_start DATE"), DIMENSIONS),
                SUMS), SumKey.rows(months, k -> List.of(k.start())));
        tables.batch(tables.upsert("stat_day", StatisticsTables.concat(List.of("day_start DATE", "month_start DATE"),
                DIMENSIONS), SUMS), SumKey.rows(days, k -> List.of(k.start(), k.month())));
        String valid = tables.upsert("stat_valid", StatisticsTables.concat(List.of("grain CHAR(1)", "achieved DATE",
                "month_start DATE"), DIMENSIONS), SUMS);
        tables.batch(valid, SumKey.rows(validMonths, k -> List.of("M", k.start(), k.month())));
        tables.batch(valid, SumKey.rows(validDays, k -> List.of("D", k.start(), k.month())));
        months.clear();
        days.clear();
        validMonths.clear();
        validDays.clear();
    }

    /** A count and credits. */
    private static final class Sum {
        long n;
        BigDecimal credits = BigDecimal.ZERO;
    }

    /**
     * The key of a month's or a day's sums: the month's or day's first day (of recorded or of valid time), the
     * recorded month, and the dimensions.
     */
    private record SumKey(LocalDate start, LocalDate month, String branch, String measure, String kind, int level,
                          String unit) {
        private static final Comparator<SumKey> ORDER = Comparator.comparing(SumKey::start)
                .thenComparing(SumKey::month).thenComparing(SumKey::branch).thenComparing(SumKey::measure)
                .thenComparing(SumKey::kind).thenComparingInt(SumKey::level).thenComparing(SumKey::unit);

        /** Adds the fact's count and credits to its sum under this key. */
        void add(Map<SumKey, Sum> sums, Fact f) {
            Sum sum = sums.computeIfAbsent(this, k -> new Sum());
            sum.n += f.n();
            sum.credits = sum.credits.add(f.credits());
        }

        /**
         * The rows of the sums in key order: the leading key columns of its table, then the dimensions, the count and
         * the credits.
         */
        static List<Object[]> rows(Map<SumKey, Sum> sums, Function<SumKey, List<Object>> leading) {
            List<Object[]> rows = new ArrayList<>(sums.size());
            sums.entrySet().stream().sorted(Map.Entry.comparingByKey(ORDER)).forEach(e -> {
                SumKey k = e.getKey();
                List<Object> row = new ArrayList<>(leading.apply(k));
                row.addAll(List.of(k.branch(), k.measure(), k.kind(), k.level(), k.unit(), e.getValue().n,
                        e.getValue().credits));
                rows.add(row.toArray());
            });
            return rows;
        }
    }
}
