package org.creditbank.ledger.projection.statistics;

import org.creditbank.ledger.projection.statistics.LearnerFirsts.First;
import org.creditbank.ledger.readmodel.Dialect;
import org.creditbank.ledger.readmodel.RowInserts;
import org.creditbank.ledger.readmodel.Slot;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Derives a slot's sums and learners from its facts ({@code stat_fact}) in a few set-based statements: how a pass over
 * the whole event store finishes the statistics, where the live processor keeps them up to date batch by batch.
 * Every derived row is a function of the facts alone — a sum, a distinct key, an earliest date, a count of those — so
 * both ways give the same rows, which the replay check (derived here, compared with the live slot) confirms.
 *
 * <p>The derived tables must be empty.
 */
final class StatisticsDerivation {

    /** Rows of the learners' query fetched at a time. */
    private static final int FETCH = 10_000;
    /** Active rows inserted at a time. */
    private static final int CHUNK = 2_000;
    private static final String DIMENSIONS = "branch_code, measure, kind, qualification_level, credit_unit";
    private static final String SUMS = "SUM(n), SUM(credits)";

    private final JdbcTemplate jdbc;
    private final Slot slot;
    private final Dialect dialect;
    private final BranchNodes branches;

    StatisticsDerivation(JdbcTemplate jdbc, Slot slot, Dialect dialect, BranchNodes branches) {
        this.jdbc = jdbc;
        this.slot = slot;
        this.dialect = dialect;
        this.branches = branches;
    }

    /**
     * The independent steps, each to run in a transaction, the longest first (a rebuild runs them as many at a time as
     * there are cores): the active learners with their first day and earliest achieved date, and how many learners are
     * counted per node and period; the sums by recorded time; by valid time.
     */
    List<Runnable> steps() {
        return List.of(this::learners, this::recordedTime, this::validTime);
    }

    /** The daily sums, and the monthly ones from them. */
    private void recordedTime() {
        groupInMemory();
        String dayAndMonth = "day_start, month_start";
        sum("stat_day", dayAndMonth, dayAndMonth, table("stat_fact"), dayAndMonth);
        // The months from the days: a fraction of the rows.
        sum("stat_month", "month_start", "month_start", table("stat_day"), "month_start");
    }

    /** The acts on achievements summed by the day achieved, then those days by their month. */
    private void validTime() {
        groupInMemory();
        String keys = "grain, achieved, month_start";
        sum("stat_valid", keys, "'D', achieved_on, month_start",
                table("stat_fact") + " WHERE achieved_on IS NOT NULL", "achieved_on, month_start");
        sum("stat_valid", keys, "'M', m, month_start", "(SELECT CAST(DATE_TRUNC('MONTH', achieved) AS DATE) AS m,"
                + " month_start, " + DIMENSIONS + ", n, credits FROM " + table("stat_valid") + " WHERE grain = 'D') d",
                "m, month_start");
    }

    /**
     * Inserts into a table of sums the counts and credits of {@code from} grouped by {@code groups} and every
     * dimension: {@code keys} are the table's leading key columns, filled with {@code selected}.
     */
    private void sum(String base, String keys, String selected, String from, String groups) {
        insert(base, keys + ", " + DIMENSIONS + ", n, credits", "SELECT " + selected + ", " + DIMENSIONS + ", "
                + SUMS + " FROM " + from + " GROUP BY " + groups + ", " + DIMENSIONS);
    }

    private void groupInMemory() {
        if (dialect == Dialect.POSTGRESQL) {
            // Millions of facts are grouped and sorted: in memory, not in temporary files (this transaction only).
            jdbc.execute("SET LOCAL work_mem = '256MB'");
        }
    }

    /**
     * The learners active per month and branch, with their first day and the earliest achieved date there: the acts on
     * achievements grouped by learner, month and branch, read one learner at a time; and, counted as they go by, how
     * many learners are counted at every node and period their acts count at ({@link LearnerFirsts}), per first day
     * and per earliest achieved date.
     */
    private void learners() {
        groupInMemory();
        String learning = Measure.sqlList(Measure::isLearning);
        String sql = "SELECT learner_number, month_start, branch_code, MIN(day_start) AS first_day,"
                + " MIN(achieved_on) AS first_achieved FROM " + table("stat_fact") + " WHERE measure IN (" + learning
                + ") GROUP BY learner_number, month_start, branch_code ORDER BY learner_number";
        Learners learners = new Learners();
        jdbc.query(connection -> {
            var statement = connection.prepareStatement(sql);
            statement.setFetchSize(FETCH);
            return statement;
        }, rs -> {
            learners.add(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3),
                    new First(rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class)));
        });
        learners.flush(0);
        learners.counts();
    }

    /**
     * The learners' active rows on their way to the table, and how many learners are counted per node and period, per
     * first day and per earliest achieved date: a few rows per node, period and day, counted here as the learners go
     * by, one learner's nodes and periods folded at a time.
     */
    private final class Learners {
        private final List<Object[]> active = new ArrayList<>(CHUNK);
        private final Map<List<String>, long[]> counted = new HashMap<>();
        private final Map<List<Object>, long[]> countedByDay = new HashMap<>();
        private final Map<List<Object>, long[]> countedByAchieved = new HashMap<>();
        /** Where the current learner is counted. */
        private LearnerFirsts firsts = new LearnerFirsts();
        private String learner;

        void add(String learner, LocalDate month, String branch, First first) {
            if (!learner.equals(this.learner)) {
                fold();
                this.learner = learner;
            }
            active.add(new Object[] {month, branch, learner, first.day(), first.achieved()});
            firsts.add(month, branches.of(branch), first);
            flush(CHUNK);
        }

        /** Counts the current learner at each node and period. */
        private void fold() {
            firsts.firsts().forEach((at, first) -> {
                counted.computeIfAbsent(List.of(at.node(), at.period()), k -> new long[1])[0]++;
                // Arrays.asList: a date may be null, which groups as GROUP BY would.
                countedByDay.computeIfAbsent(Arrays.asList(at.node(), at.period(), first.day()),
                        k -> new long[1])[0]++;
                countedByAchieved.computeIfAbsent(Arrays.asList(at.node(), at.period(), first.achieved()),
                        k -> new long[1])[0]++;
            });
            firsts = new LearnerFirsts();
        }

        /** Writes how many learners are counted, once every learner is folded. */
        void counts() {
            write("stat_reach_count", List.of("node", "period", "learners"), counted);
            write("stat_reach_day", List.of("node", "period", "day_start", "learners"), countedByDay);
            write("stat_reach_valid", List.of("node", "period", "achieved", "learners"), countedByAchieved);
        }

        private void write(String base, List<String> columns, Map<? extends List<?>, long[]> counts) {
            List<Object[]> rows = new ArrayList<>(counts.size());
            counts.forEach((key, n) -> {
                Object[] row = Arrays.copyOf(key.toArray(), key.size() + 1);
                row[key.size()] = n[0];
                rows.add(row);
            });
            RowInserts.insert(jdbc, table(base), columns, rows);
        }

        /** Writes the active rows collected once there are {@code atLeast} of them (0: the rest, at the end). */
        void flush(int atLeast) {
            if (atLeast == 0) {
                fold();
            }
            if (active.size() >= Math.max(atLeast, 1)) {
                RowInserts.insert(jdbc, table("stat_active"), ActiveLearners.ACTIVE, active);
                active.clear();
            }
        }
    }

    private void insert(String base, String columns, String select) {
        jdbc.update("INSERT INTO " + table(base) + " (" + columns + ") " + select);
    }

    private String table(String base) {
        return slot.table(base);
    }
}
