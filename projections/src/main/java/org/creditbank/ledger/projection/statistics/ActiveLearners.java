package org.creditbank.ledger.projection.statistics;

import org.creditbank.ledger.projection.statistics.FactFold.Fact;
import org.creditbank.ledger.projection.statistics.LearnerFirsts.At;
import org.creditbank.ledger.projection.statistics.LearnerFirsts.First;
import org.creditbank.ledger.readmodel.Sql;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Acts on achievements as the learners they make active: per month and branch, the first day there and the earliest
 * achieved date of what they acted on there ({@code stat_active}); and how that changes how many learners are counted
 * at each node and period ({@code stat_reach_count}), per first day ({@code stat_reach_day}) and per earliest achieved
 * date ({@code stat_reach_valid}). Where a learner is counted follows from their active rows ({@link LearnerFirsts}).
 *
 * <p>The one way the reach is derived from the facts: the live processor takes a batch's acts and compares its
 * learners' rows before them with after ({@link #changes}); a pass over the whole store takes each learner's acts
 * once, with no rows before.
 */
final class ActiveLearners {

    /** The columns of {@code stat_active}: a learner active in a month at a branch, first on that day, on that date. */
    static final List<String> ACTIVE = List.of("month_start", "branch_code", "learner_number", "first_day",
            "first_achieved");

    private final Map<Active, First> acts = new TreeMap<>();

    /** A batch's acts on achievements, their days in the ledger's time zone. */
    static ActiveLearners of(List<Fact> facts, ZoneId zone) {
        ActiveLearners learners = new ActiveLearners();
        for (Fact f : facts) {
            if (f.measure().isLearning()) {
                learners.add(f.learner(), f.branch(), LocalDate.ofInstant(f.at(), zone), f.achievedOn());
            }
        }
        return learners;
    }

    /** An act of a learner's at a branch on a day, on an achievement achieved on a date. */
    void add(String learner, String branch, LocalDate day, LocalDate achieved) {
        acts.merge(new Active(day.withDayOfMonth(1), branch, learner), new First(day, achieved), First::min);
    }

    boolean isEmpty() {
        return acts.isEmpty();
    }

    /** The learners of these acts. */
    List<String> learners() {
        return acts.keySet().stream().map(Active::learner).distinct().toList();
    }

    /**
     * What these acts change, given their learners' active rows before them ({@code known}): the active rows to
     * insert, those to lower, and how many learners each node and period gains or loses (a count, per day, per date).
     */
    Changes changes(Map<Active, First> known, BranchNodes branches) {
        Map<String, LearnerFirsts> before = new TreeMap<>();
        known.forEach((a, first) -> before.computeIfAbsent(a.learner(), l -> new LearnerFirsts())
                .add(a.month(), branches.of(a.branch()), first));
        Map<String, LearnerFirsts> after = new TreeMap<>();
        acts.forEach((a, first) -> after.computeIfAbsent(a.learner(), l -> before.containsKey(l)
                ? before.get(l).copy() : new LearnerFirsts()).add(a.month(), branches.of(a.branch()), first));

        Changes changes = new Changes();
        acts.forEach((a, first) -> {
            First was = known.get(a);
            if (was == null) {
                changes.inserts.add(new Object[] {a.month(), a.branch(), a.learner(), first.day(), first.achieved()});
            } else if (!First.min(was, first).equals(was)) {
                First now = First.min(was, first);
                changes.lowered.add(new Object[] {now.day(), now.achieved(), a.month(), a.branch(), a.learner()});
            }
        });
        after.forEach((learner, firsts) -> {
            Map<At, First> was = before.containsKey(learner) ? before.get(learner).firsts() : Map.of();
            firsts.firsts().forEach((at, now) -> {
                First then = was.get(at);
                if (then == null) {
                    changes.counts.merge(List.<Object>of(at.node(), at.period()), 1L, Long::sum);
                } else if (!then.equals(now)) {
                    // Moved to an earlier date: out of the one it was counted under.
                    changes.days.merge(List.<Object>of(at.node(), at.period(), then.day()), -1L, Long::sum);
                    changes.valid.merge(List.<Object>of(at.node(), at.period(), then.achieved()), -1L, Long::sum);
                } else {
                    return;
                }
                changes.days.merge(List.<Object>of(at.node(), at.period(), now.day()), 1L, Long::sum);
                changes.valid.merge(List.<Object>of(at.node(), at.period(), now.achieved()), 1L, Long::sum);
            });
        });
        return changes;
    }

    /** Writes a live batch's acts: reads their learners' active rows, and applies what the acts change. */
    void addTo(StatisticsTables tables, BranchNodes branches) {
        Map<Active, First> known = new HashMap<>();
        tables.lookUp(String.join(", ", ACTIVE), "stat_active", "learner_number", "CHAR(18)", learners(),
                rs -> known.put(new Active(Sql.date(rs, "month_start"), rs.getString("branch_code"),
                                rs.getString("learner_number")),
                        new First(Sql.date(rs, "first_day"), Sql.date(rs, "first_achieved"))));
        changes(known, branches).applyTo(tables);
    }

    /**
     * Active rows to insert and to lower, and the changes to the numbers of learners counted, keyed by node and period
     * (and day, or date).
     */
    static final class Changes {
        final List<Object[]> inserts = new ArrayList<>();
        final List<Object[]> lowered = new ArrayList<>();
        final Map<List<Object>, Long> counts = new TreeMap<>(Sql.KEY_ORDER);
        final Map<List<Object>, Long> days = new TreeMap<>(Sql.KEY_ORDER);
        final Map<List<Object>, Long> valid = new TreeMap<>(Sql.KEY_ORDER);

        /** Adds another's changes to the numbers of learners to these (the active rows are not kept). */
        void addCounts(Changes other) {
            other.counts.forEach((k, n) -> counts.merge(k, n, Long::sum));
            other.days.forEach((k, n) -> days.merge(k, n, Long::sum));
            other.valid.forEach((k, n) -> valid.merge(k, n, Long::sum));
        }

        /** Applies the changes to the slot's rows. */
        void applyTo(StatisticsTables tables) {
            tables.insert("stat_active", ACTIVE, inserts);
            tables.batch("UPDATE " + tables.table("stat_active") + " SET first_day = ?, first_achieved = ?"
                    + " WHERE month_start = ? AND branch_code = ? AND learner_number = ?", lowered);
            List<String> nodePeriod = List.of("node VARCHAR(33)", "period VARCHAR(7)");
            List<String> learners = List.of("learners BIGINT");
            tables.batch(tables.upsert("stat_reach_count", nodePeriod, learners), rows(counts));
            tables.batch(tables.upsert("stat_reach_day", StatisticsTables.concat(nodePeriod,
                    List.of("day_start DATE")), learners), rows(days));
            tables.batch(tables.upsert("stat_reach_valid", StatisticsTables.concat(nodePeriod,
                    List.of("achieved DATE")), learners), rows(valid));
            // A learner who moved to an earlier date may leave none at the later one: no row, as a replay would leave.
            deleteEmptied(tables, "stat_reach_day", "day_start", days);
            deleteEmptied(tables, "stat_reach_valid", "achieved", valid);
        }

        /** Deletes the rows of the keys these changes took learners from that are left with none. */
        private static void deleteEmptied(StatisticsTables tables, String base, String date,
                                          Map<List<Object>, Long> changes) {
            tables.batch("DELETE FROM " + tables.table(base) + " WHERE node = ? AND period = ? AND " + date + " = ?"
                    + " AND learners = 0", changes.entrySet().stream().filter(e -> e.getValue() < 0)
                    .map(e -> e.getKey().toArray()).toList());
        }

        /** Each change of a count as a row: its key's parts, then the change. */
        static List<Object[]> rows(Map<List<Object>, Long> counts) {
            List<Object[]> rows = new ArrayList<>(counts.size());
            counts.forEach((key, n) -> {
                if (n == 0) {
                    return; // moved away and back
                }
                Object[] row = key.toArray(new Object[key.size() + 1]);
                row[key.size()] = n;
                rows.add(row);
            });
            return rows;
        }
    }

    /** A learner active in a month at a branch. */
    record Active(LocalDate month, String branch, String learner) implements Comparable<Active> {
        private static final Comparator<Active> ORDER = Comparator.comparing(Active::month)
                .thenComparing(Active::branch).thenComparing(Active::learner);

        @Override
        public int compareTo(Active o) {
            return ORDER.compare(this, o);
        }
    }
}
