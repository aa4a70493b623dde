package org.creditbank.ledger.projection.statistics;

import org.creditbank.ledger.readmodel.Dialect;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every learner's active rows and how many learners are counted where, derived from a slot's facts once a pass over
 * the whole store has written them all: the learners' acts on achievements are read in learner order, and each
 * learner's are taken as the live processor takes a batch's ({@link ActiveLearners}), with no rows before them. The
 * active rows are written as they come, the counts once every learner is in. The derived tables must be empty.
 */
final class AllLearners implements Runnable {

    /** Facts fetched at a time. */
    private static final int FETCH = 10_000;
    /** Active rows inserted at a time. */
    private static final int CHUNK = 2_000;

    private final StatisticsTables tables;
    private final Dialect dialect;
    private final BranchNodes branches;
    private final List<Object[]> active = new ArrayList<>(CHUNK);
    private final Map<List<Object>, long[]> counts = new HashMap<>();
    private final Map<List<Object>, long[]> days = new HashMap<>();
    private final Map<List<Object>, long[]> valid = new HashMap<>();
    /** The current learner's acts. */
    private ActiveLearners acts = new ActiveLearners();
    private String learner;

    AllLearners(StatisticsTables tables, Dialect dialect, BranchNodes branches) {
        this.tables = tables;
        this.dialect = dialect;
        this.branches = branches;
    }

    @Override
    public void run() {
        if (dialect == Dialect.POSTGRESQL) {
            // Millions of facts are sorted: in memory, not in temporary files (this transaction only).
            tables.jdbc().execute("SET LOCAL work_mem = '256MB'");
        }
        String sql = "SELECT learner_number, branch_code, day_start, achieved_on FROM " + tables.table("stat_fact")
                + " WHERE measure IN (" + Measure.sqlList(Measure::isLearning) + ") ORDER BY learner_number";
        tables.jdbc().query(connection -> {
            var statement = connection.prepareStatement(sql);
            statement.setFetchSize(FETCH);
            return statement;
        }, rs -> {
            String next = rs.getString(1);
            if (!next.equals(learner)) {
                fold();
                learner = next;
            }
            acts.add(next, rs.getString(2), rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class));
        });
        fold();
        flush(1);
        write("stat_reach_count", List.of("node", "period", "learners"), counts);
        write("stat_reach_day", List.of("node", "period", "day_start", "learners"), days);
        write("stat_reach_valid", List.of("node", "period", "achieved", "learners"), valid);
    }

    /** Takes the current learner's acts: their active rows, and where they are counted. */
    private void fold() {
        if (acts.isEmpty()) {
            return;
        }
        ActiveLearners.Changes changes = acts.changes(Map.of(), branches);
        active.addAll(changes.inserts);
        add(counts, changes.counts);
        add(days, changes.days);
        add(valid, changes.valid);
        acts = new ActiveLearners();
        flush(CHUNK);
    }

    private static void add(Map<List<Object>, long[]> totals, Map<List<Object>, Long> changes) {
        changes.forEach((key, n) -> totals.computeIfAbsent(key, k -> new long[1])[0] += n);
    }

    /** Writes the active rows collected once there are {@code atLeast} of them. */
    private void flush(int atLeast) {
        if (active.size() >= atLeast) {
            tables.insert("stat_active", ActiveLearners.ACTIVE, active);
            active.clear();
        }
    }

    private void write(String base, List<String> columns, Map<List<Object>, long[]> totals) {
        List<Object[]> rows = new ArrayList<>(totals.size());
        totals.forEach((key, n) -> {
            Object[] row = key.toArray(new Object[key.size() + 1]);
            row[key.size()] = n[0];
            rows.add(row);
        });
        tables.insert(base, columns, rows);
    }
}
