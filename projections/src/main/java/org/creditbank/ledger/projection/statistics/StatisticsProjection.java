package org.creditbank.ledger.projection.statistics;

import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.creditbank.ledger.achievement.AchievementEvent;
import org.creditbank.ledger.achievement.AchievementEvent.AchievementCertified;
import org.creditbank.ledger.achievement.AchievementEvent.AchievementCorrected;
import org.creditbank.ledger.achievement.AchievementEvent.AchievementRecorded;
import org.creditbank.ledger.achievement.AchievementEvent.AchievementRejected;
import org.creditbank.ledger.achievement.AchievementEvent.AchievementRevoked;
import org.creditbank.ledger.learner.AccountEvent.AccountClosed;
import org.creditbank.ledger.learner.AccountEvent.AccountMergedInto;
import org.creditbank.ledger.learner.AccountEvent.AccountOpened;
import org.creditbank.ledger.learner.AccountEvent.MergedAccountAbsorbed;
import org.creditbank.ledger.readmodel.BulkReplay;
import org.creditbank.ledger.readmodel.Dialect;
import org.creditbank.ledger.readmodel.PerUnitOfWork;
import org.creditbank.ledger.readmodel.RowInserts;
import org.creditbank.ledger.readmodel.Slot;
import org.creditbank.ledger.readmodel.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.creditbank.ledger.readmodel.Sql.at;

/**
 * The statistics read model of one slot: a fact per counted act (with its dimensions as they stood then), the facts
 * summed by month, by day and by valid time, the learners active per month and branch (with the first day there and
 * the earliest date achieved of what they acted on), and how many learners are counted per node and period, per first
 * day and per earliest date achieved.
 *
 * <p>Built for catch-up speed: the handlers only collect the events of the processor's batch; the batch is folded in
 * memory and written in a handful of JDBC batches when the unit of work prepares to commit, in the same transaction
 * as the processor's token. Acts are counted for the branch that performed them. It needs the events in commit order
 * (a merge moves achievements between streams), so it runs as one segment.
 */
public class StatisticsProjection {

    private static final int IN_LIST = 1000;
    /** The columns of {@code stat_active}: a learner active in a month at a branch, first on that day, on that date. */
    static final List<String> ACTIVE = List.of("month_start", "branch_code", "learner_number", "first_day",
            "first_achieved");

    private final JdbcTemplate jdbc;
    private final Slot slot;
    private final ZoneId zone;
    private final String batchKey;
    private final Dialect dialect;
    /** Each branch's nodes, once read. */
    private final Map<String, List<String>> nodes = new java.util.concurrent.ConcurrentHashMap<>();
    /** Whether only facts and achievements are written, everything else derived at the end (a bulk replay). */
    private final boolean bulk;

    public StatisticsProjection(JdbcTemplate jdbc, Slot slot, ZoneId zone, Dialect dialect) {
        this(jdbc, slot, zone, dialect, false);
    }

    private StatisticsProjection(JdbcTemplate jdbc, Slot slot, ZoneId zone, Dialect dialect, boolean bulk) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.slot = slot;
        this.zone = zone;
        this.bulk = bulk;
        this.batchKey = StatisticsProjection.class.getName() + "/" + slot;
    }

    /**
     * How a pass over the whole event store, from the first event into an empty slot, feeds the statistics: it writes
     * the achievements and the facts only, and derives the sums and learners from the facts at the end.
     */
    public static BulkReplay bulk(JdbcTemplate jdbc, Slot slot, ZoneId zone, Dialect dialect) {
        return BulkReplay.of(new StatisticsProjection(jdbc, slot, zone, dialect, true),
                new StatisticsDerivation(jdbc, slot, dialect).steps());
    }

    @EventHandler
    void on(AccountOpened e, EventMessage<?> message) {
        batch().add(message);
    }

    @EventHandler
    void on(AccountMergedInto e, EventMessage<?> message) {
        batch().add(message);
    }

    @EventHandler
    void on(MergedAccountAbsorbed e, EventMessage<?> message) {
        batch().add(message);
    }

    @EventHandler
    void on(AccountClosed e, EventMessage<?> message) {
        batch().add(message);
    }

    @EventHandler
    void on(AchievementEvent e, EventMessage<?> message) {
        batch().add(message);
    }

    private Batch batch() {
        Batch batch = PerUnitOfWork.state(batchKey, Batch::new, Batch::flush);
        if (batch == null) {
            throw new IllegalStateException("statistics are built by a processor, in a unit of work");
        }
        return batch;
    }

    /** What the statistics remember of an achievement. */
    private static final class Row {
        final String id;
        String learner;
        final String kind;
        Integer level;
        LocalDate achievedOn;
        BigDecimal credits;
        String unit;
        boolean certified;

        Row(String id, String learner, String kind, Integer level, LocalDate achievedOn, BigDecimal credits,
            String unit, boolean certified) {
            this.id = id;
            this.learner = learner;
            this.kind = kind;
            this.level = level;
            this.achievedOn = achievedOn;
            this.credits = credits;
            this.unit = unit;
            this.certified = certified;
        }
    }

    /**
     * A counted act, with its achievement's dimensions as they stood at the act (a later event of the same batch may
     * change them): kind '' and level 0 for an account's act, which has no achieved date.
     */
    private record Fact(String eventId, int ordinal, Measure measure, String branch, String learner, String kind,
                        int level, LocalDate achievedOn, String unit, int n, BigDecimal credits, Instant at) {
    }

    /**
     * The key of a month's or a day's sums: the month's or day's first day (of recorded or of valid time), the
     * recorded month, and the dimensions.
     */
    private record SumKey(LocalDate start, LocalDate month, String branch, String measure, String kind, int level,
                          String unit) implements Comparable<SumKey> {
        private static final Comparator<SumKey> ORDER = Comparator.comparing(SumKey::start)
                .thenComparing(SumKey::month).thenComparing(SumKey::branch).thenComparing(SumKey::measure).thenComparing(SumKey::kind)
                .thenComparingInt(SumKey::level).thenComparing(SumKey::unit);

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

    private record Active(LocalDate month, String branch, String learner) implements Comparable<Active> {
        private static final Comparator<Active> ORDER = Comparator.comparing(Active::month)
                .thenComparing(Active::branch).thenComparing(Active::learner);

        @Override
        public int compareTo(Active o) {
            return ORDER.compare(this, o);
        }
    }

    /** The events of one batch, folded and written together. */
    private final class Batch {
        private final List<EventMessage<?>> events = new ArrayList<>();
        private final Map<String, Row> rows = new HashMap<>();
        private final Set<String> created = new java.util.LinkedHashSet<>();
        private final Set<String> changed = new java.util.LinkedHashSet<>();
        private final List<Fact> facts = new ArrayList<>();
        private final List<Object[]> moves = new ArrayList<>();

        void add(EventMessage<?> message) {
            events.add(message);
        }

        void flush() {
            load();
            for (EventMessage<?> message : events) {
                fold(message.getIdentifier(), message.getPayload());
            }
            write();
        }

        private void load() {
            // Achievements recorded in this batch are known from their events; the others are read.
            Set<String> wanted = new HashSet<>();
            Set<String> recorded = new HashSet<>();
            for (EventMessage<?> message : events) {
                Object payload = message.getPayload();
                if (payload instanceof AchievementRecorded r) {
                    recorded.add(r.achievementId());
                } else if (payload instanceof AchievementEvent a && !recorded.contains(a.achievementId())) {
                    wanted.add(a.achievementId());
                } else if (payload instanceof MergedAccountAbsorbed m) {
                    m.superseded().stream().filter(id -> !recorded.contains(id)).forEach(wanted::add);
                }
            }
            lookUp("*", "stat_achievement", "achievement_id", "VARCHAR(64)", wanted, rs -> {
                Row row = new Row(rs.getString("achievement_id"), rs.getString("learner_number"),
                        rs.getString("kind"), Sql.integer(rs, "qualification_level"), Sql.date(rs, "achieved_on"),
                        rs.getBigDecimal("credits"), rs.getString("credit_unit"), rs.getBoolean("certified"));
                rows.put(row.id, row);
            });
        }

        private void fold(String eventId, Object payload) {
            if (payload instanceof AccountOpened e) {
                account(eventId, Measure.ACCOUNT_OPENED, e.branchCode(), e.learnerNumber(), e.at());
            } else if (payload instanceof AccountMergedInto e) {
                account(eventId, Measure.ACCOUNT_MERGED, e.branchCode(), e.learnerNumber(), e.at());
            } else if (payload instanceof AccountClosed e) {
                account(eventId, Measure.ACCOUNT_CLOSED, e.branchCode(), e.learnerNumber(), e.at());
            } else if (payload instanceof MergedAccountAbsorbed e) {
                absorbed(eventId, e);
            } else if (payload instanceof AchievementRecorded e) {
                Row row = new Row(e.achievementId(), e.learnerNumber(), e.kind(), e.qualificationLevel(),
                        e.achievedOn(), e.credits(), e.creditUnit(), false);
                rows.put(row.id, row);
                created.add(row.id);
                act(eventId, 0, Measure.RECORDED, e.branchCode(), row, null, 1, BigDecimal.ZERO, e.at());
            } else if (payload instanceof AchievementCertified e) {
                Row row = row(e.achievementId());
                row.credits = e.credits();
                row.unit = e.creditUnit();
                row.certified = true;
                changed.add(row.id);
                act(eventId, 0, Measure.CERTIFIED, e.branchCode(), row, row.unit, 1, row.credits, e.at());
            } else if (payload instanceof AchievementRejected e) {
                act(eventId, 0, Measure.REJECTED, e.branchCode(), row(e.achievementId()), null, 1, BigDecimal.ZERO,
                        e.at());
            } else if (payload instanceof AchievementCorrected e) {
                corrected(eventId, e);
            } else if (payload instanceof AchievementRevoked e) {
                withdraw(eventId, 0, Measure.REVOKED, e.branchCode(), row(e.achievementId()), e.at());
            }
        }

        private void absorbed(String eventId, MergedAccountAbsorbed e) {
            for (Row row : rows.values()) {
                if (row.learner.equals(e.mergedNumber())) {
                    row.learner = e.learnerNumber();
                    changed.add(row.id);
                }
            }
            moves.add(new Object[] {e.learnerNumber(), e.mergedNumber()});
            int ordinal = 0;
            for (String id : e.superseded()) {
                Row row = row(id);
                row.learner = e.learnerNumber();
                withdraw(eventId, ordinal++, Measure.SUPERSEDED, e.branchCode(), row, e.at());
            }
        }

        private void corrected(String eventId, AchievementCorrected e) {
            Row row = row(e.achievementId());
            AchievementEvent.CorrectedFields c = e.corrected();
            if (c.qualificationLevel() != null) {
                row.level = c.qualificationLevel();
            }
            if (c.achievedOn() != null) {
                row.achievedOn = c.achievedOn();
            }
            changed.add(row.id);
            if (c.credits() == null) {
                act(eventId, 0, Measure.CORRECTED, e.branchCode(), row, null, 1, BigDecimal.ZERO, e.at());
                return;
            }
            BigDecimal before = row.credits;
            String unitBefore = row.unit;
            row.credits = c.credits();
            row.unit = c.creditUnit();
            if (!row.certified) {
                act(eventId, 0, Measure.CORRECTED, e.branchCode(), row, null, 1, BigDecimal.ZERO, e.at());
            } else if (unitBefore.equals(row.unit)) {
                act(eventId, 0, Measure.CORRECTED, e.branchCode(), row, row.unit, 1, row.credits.subtract(before),
                        e.at());
            } else {
                // Units are never added together: the old amount leaves its unit, the new one enters its own.
                act(eventId, 0, Measure.CORRECTED, e.branchCode(), row, unitBefore, 1, before.negate(), e.at());
                act(eventId, 1, Measure.CORRECTED, e.branchCode(), row, row.unit, 0, row.credits, e.at());
            }
        }

        private void withdraw(String eventId, int ordinal, Measure measure, String branch, Row row, Instant at) {
            if (row.certified) {
                act(eventId, ordinal, measure, branch, row, row.unit, 1, row.credits.negate(), at);
            } else {
                act(eventId, ordinal, measure, branch, row, null, 1, BigDecimal.ZERO, at);
            }
            row.certified = false;
            changed.add(row.id);
        }

        private Row row(String achievementId) {
            Row row = rows.get(achievementId);
            if (row == null) {
                throw new IllegalStateException("statistics know no achievement " + achievementId
                        + ": events arrived out of commit order");
            }
            return row;
        }

        private void account(String eventId, Measure measure, String branch, String learner, Instant at) {
            facts.add(new Fact(eventId, 0, measure, branch, learner, "", 0, null, null, 1, BigDecimal.ZERO, at));
        }

        private void act(String eventId, int ordinal, Measure measure, String branch, Row row, String unit, int n,
                         BigDecimal credits, Instant at) {
            facts.add(new Fact(eventId, ordinal, measure, branch, row.learner, row.kind,
                    row.level == null ? 0 : row.level, row.achievedOn, unit, n, credits, at));
        }

        private void write() {
            List<Object[]> inserts = new ArrayList<>();
            List<Object[]> updates = new ArrayList<>();
            for (String id : created) {
                Row r = rows.get(id);
                inserts.add(new Object[] {r.id, r.learner, r.kind, r.level, r.achievedOn, r.credits, r.unit,
                        r.certified});
            }
            for (String id : changed) {
                if (!created.contains(id)) {
                    Row r = rows.get(id);
                    updates.add(new Object[] {r.learner, r.level, r.achievedOn, r.credits, r.unit, r.certified, r.id});
                }
            }
            RowInserts.insert(jdbc, table("stat_achievement"), List.of("achievement_id", "learner_number", "kind",
                    "qualification_level", "achieved_on", "credits", "credit_unit", "certified"), inserts);
            batch("UPDATE " + table("stat_achievement") + " SET learner_number = ?, qualification_level = ?,"
                    + " achieved_on = ?, credits = ?, credit_unit = ?, certified = ? WHERE achievement_id = ?",
                    updates);
            batch("UPDATE " + table("stat_achievement") + " SET learner_number = ? WHERE learner_number = ?", moves);

            List<Object[]> factRows = new ArrayList<>(facts.size());
            Map<SumKey, Object[]> months = new TreeMap<>();
            Map<SumKey, Object[]> days = new TreeMap<>();
            Map<SumKey, Object[]> validMonths = new TreeMap<>();
            Map<SumKey, Object[]> validDays = new TreeMap<>();
            Map<Active, First> active = new TreeMap<>();
            for (Fact f : facts) {
                LocalDate day = LocalDate.ofInstant(f.at(), zone);
                LocalDate month = day.withDayOfMonth(1);
                String kind = f.kind();
                int level = f.level();
                String unit = f.unit() == null ? "" : f.unit();
                factRows.add(new Object[] {f.eventId(), f.ordinal(), f.measure().name(), f.branch(), f.learner(),
                        kind, level, unit, f.n(), f.credits(), at(f.at()), month, day, f.achievedOn()});
                if (bulk) {
                    continue;
                }
                new SumKey(month, month, f.branch(), f.measure().name(), kind, level, unit).add(months, f);
                new SumKey(day, month, f.branch(), f.measure().name(), kind, level, unit).add(days, f);
                LocalDate achieved = f.achievedOn();
                if (achieved != null) {
                    // Keyed by valid time, with the recorded month, so that by-month questions can be answered.
                    new SumKey(achieved.withDayOfMonth(1), month, f.branch(), f.measure().name(), kind, level, unit)
                            .add(validMonths, f);
                    new SumKey(achieved, month, f.branch(), f.measure().name(), kind, level, unit).add(validDays, f);
                }
                if (f.measure().isLearning()) {
                    active.merge(new Active(month, f.branch(), f.learner()), new First(day, achieved), First::min);
                }
            }
            RowInserts.insert(jdbc, table("stat_fact"), List.of("event_identifier", "ordinal", "measure", "branch_code",
                    "learner_number", "kind", "qualification_level", "credit_unit", "n", "credits", "recorded_at",
                    "month_start", "day_start", "achieved_on"), factRows);
            if (bulk) {
                return;
            }
            List<String> dimensions = List.of("branch_code VARCHAR(32)", "measure VARCHAR(32)", "kind VARCHAR(40)",
                    "qualification_level INTEGER", "credit_unit VARCHAR(48)");
            List<String> sums = List.of("n BIGINT", "credits NUMERIC(24, 4)");
            // Keys in one order, so two writers never wait on each other in a cycle.
            batch(upsert("stat_month", concat(List.of("month_start DATE"), dimensions), sums),
                    SumKey.rows(months, k -> List.of(k.start())));
            batch(upsert("stat_day", concat(List.of("day_start DATE", "month_start DATE"), dimensions), sums),
                    SumKey.rows(days, k -> List.of(k.start(), k.month())));
            String valid = upsert("stat_valid", concat(List.of("grain CHAR(1)", "achieved DATE", "month_start DATE"),
                    dimensions), sums);
            batch(valid, SumKey.rows(validMonths, k -> List.of("M", k.start(), k.month())));
            batch(valid, SumKey.rows(validDays, k -> List.of("D", k.start(), k.month())));
            reach(active);
        }

        /**
         * Counts each learner of the batch ahead at every node and period not yet counting them, on the first day of
         * the batch they were active there, and under the earliest achieved date of what they acted on there; and
         * keeps, per month and branch they were active at, that first day and earliest achieved date
         * ({@code stat_active}). Where a learner is counted follows from those rows, so they are read for the batch's
         * learners, and what counted each learner where before the batch is compared with what counts them after.
         */
        private void reach(Map<Active, First> active) {
            Map<Active, First> known = new HashMap<>();
            Set<String> batchLearners = active.keySet().stream().map(Active::learner).collect(Collectors.toSet());
            lookUp(String.join(", ", ACTIVE), "stat_active", "learner_number", "CHAR(18)", batchLearners, rs -> {
                known.put(new Active(Sql.date(rs, "month_start"), rs.getString("branch_code"),
                        rs.getString("learner_number")),
                        new First(Sql.date(rs, "first_day"), Sql.date(rs, "first_achieved")));
            });
            // Only where the batch's acts count can anything change: what counted there before, from the rows read.
            Map<Reached, First> after = new TreeMap<>();
            active.forEach((a, first) -> reached(a, first, after, null));
            Map<Reached, First> before = new HashMap<>();
            known.forEach((a, first) -> reached(a, first, before, after.keySet()));
            before.forEach((r, first) -> after.merge(r, first, First::min));
            List<Object[]> inserts = new ArrayList<>();
            List<Object[]> lowered = new ArrayList<>();
            active.forEach((a, first) -> {
                First was = known.get(a);
                if (was == null) {
                    inserts.add(new Object[] {a.month(), a.branch(), a.learner(), first.day(), first.achieved()});
                } else if (!First.min(was, first).equals(was)) {
                    First now = First.min(was, first);
                    lowered.add(new Object[] {now.day(), now.achieved(), a.month(), a.branch(), a.learner()});
                }
            });
            RowInserts.insert(jdbc, table("stat_active"), ACTIVE, inserts);
            batch("UPDATE " + table("stat_active") + " SET first_day = ?, first_achieved = ? WHERE month_start = ?"
                    + " AND branch_code = ? AND learner_number = ?", lowered);
            List<Change> changes = new ArrayList<>();
            after.forEach((r, first) -> {
                First was = before.get(r);
                if (was == null || !was.equals(first)) {
                    changes.add(new Change(r.node(), r.period(), was, first));
                }
            });
            Map<List<Object>, Long> counts = new TreeMap<>(Sql.KEY_ORDER);
            Map<List<Object>, Long> days = new TreeMap<>(Sql.KEY_ORDER);
            Map<List<Object>, Long> valid = new TreeMap<>(Sql.KEY_ORDER);
            for (Change c : changes) {
                if (c.before() == null) {
                    counts.merge(List.<Object>of(c.node(), c.period()), 1L, Long::sum);
                } else {
                    // Moved to an earlier date: out of the one it was counted under.
                    days.merge(List.<Object>of(c.node(), c.period(), c.before().day()), -1L, Long::sum);
                    valid.merge(List.<Object>of(c.node(), c.period(), c.before().achieved()), -1L, Long::sum);
                }
                days.merge(List.<Object>of(c.node(), c.period(), c.after().day()), 1L, Long::sum);
                valid.merge(List.<Object>of(c.node(), c.period(), c.after().achieved()), 1L, Long::sum);
            }
            List<String> nodePeriod = List.of("node VARCHAR(33)", "period VARCHAR(7)");
            List<String> learners = List.of("learners BIGINT");
            batch(upsert("stat_reach_count", nodePeriod, learners), rows(counts));
            batch(upsert("stat_reach_day", concat(nodePeriod, List.of("day_start DATE")), learners), rows(days));
            batch(upsert("stat_reach_valid", concat(nodePeriod, List.of("achieved DATE")), learners), rows(valid));
            // A learner who moved to an earlier date may leave none at the later one: no row, as a replay would leave.
            deleteEmptied("stat_reach_day", "day_start", days);
            deleteEmptied("stat_reach_valid", "achieved", valid);
        }

        /**
         * Lowers to {@code first} the learner's first day and achieved date at every node and period an act of the
         * active row counts at (of those in {@code within}, unless null).
         */
        private void reached(Active a, First first, Map<Reached, First> reached, Set<Reached> within) {
            List<String> periods = Reach.periods(a.month());
            for (String node : nodes(a.branch())) {
                for (String period : periods) {
                    Reached r = new Reached(a.learner(), node, period);
                    if (within == null || within.contains(r)) {
                        reached.merge(r, first, First::min);
                    }
                }
            }
        }

        /** Deletes the rows of the keys this batch took learners from that are left with none. */
        private void deleteEmptied(String base, String date, Map<List<Object>, Long> changes) {
            batch("DELETE FROM " + table(base) + " WHERE node = ? AND period = ? AND " + date + " = ?"
                    + " AND learners = 0", changes.entrySet().stream().filter(e -> e.getValue() < 0)
                    .map(e -> e.getKey().toArray()).toList());
        }

        private void batch(String sql, List<Object[]> rows) {
            if (!rows.isEmpty()) {
                jdbc.batchUpdate(sql, rows);
            }
        }

        /**
         * Reads the {@code columns} of a table's rows whose {@code key} (of SQL type {@code type}) is one of the
         * values. On PostgreSQL one value at a time through the key's index, whatever the table's statistics say: a
         * growing table may have none yet, and an {@code IN} list of a thousand values would then be planned as a
         * full scan. Elsewhere with {@code IN} lists of at most {@link #IN_LIST} values.
         */
        private void lookUp(String columns, String base, String key, String type, Collection<String> values,
                            RowCallbackHandler rows) {
            if (values.isEmpty()) {
                return;
            }
            if (dialect == Dialect.POSTGRESQL) {
                String sql = "SELECT r.* FROM unnest(?) AS v (value) CROSS JOIN LATERAL (SELECT " + columns + " FROM "
                        + table(base) + " WHERE " + key + " = CAST(v.value AS " + type + ") OFFSET 0) r";
                jdbc.query(connection -> {
                    var statement = connection.prepareStatement(sql);
                    statement.setArray(1, connection.createArrayOf("varchar", values.toArray()));
                    return statement;
                }, rows);
                return;
            }
            List<String> all = new ArrayList<>(values);
            for (int from = 0; from < all.size(); from += IN_LIST) {
                List<String> chunk = all.subList(from, Math.min(all.size(), from + IN_LIST));
                jdbc.query("SELECT " + columns + " FROM " + table(base) + " WHERE " + key + " IN ("
                        + String.join(",", Collections.nCopies(chunk.size(), "?")) + ")", rows, chunk.toArray());
            }
        }
    }

    private String table(String base) {
        return slot.table(base);
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? b : a;
    }

    /** Each count as a row: its key's parts, then the count. */
    private static List<Object[]> rows(Map<List<Object>, Long> counts) {
        List<Object[]> rows = new ArrayList<>(counts.size());
        counts.forEach((key, n) -> {
            if (n == 0) {
                return; // moved away and back within the batch
            }
            Object[] row = key.toArray(new Object[key.size() + 1]);
            row[key.size()] = n;
            rows.add(row);
        });
        return rows;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /**
     * The statement that adds each row's {@code sums} to the row with the same {@code keys}, and inserts the keys not
     * there yet. Columns come as {@code name TYPE}: H2's MERGE casts its parameters. On PostgreSQL it is a plain
     * INSERT, which the driver sends many rows at a time.
     */
    private String upsert(String base, List<String> keys, List<String> sums) {
        List<String> keyNames = keys.stream().map(c -> c.split(" ", 2)[0]).toList();
        List<String> sumNames = sums.stream().map(c -> c.split(" ", 2)[0]).toList();
        List<String> names = new ArrayList<>(keyNames);
        names.addAll(sumNames);
        String columns = String.join(", ", names);
        if (dialect == Dialect.POSTGRESQL) {
            return "INSERT INTO " + table(base) + " AS t (" + columns + ") VALUES ("
                    + String.join(", ", Collections.nCopies(names.size(), "?")) + ") ON CONFLICT ("
                    + String.join(", ", keyNames) + ") DO UPDATE SET "
                    + String.join(", ", sumNames.stream().map(c -> c + " = t." + c + " + EXCLUDED." + c).toList());
        }
        List<String> casts = new ArrayList<>(keys);
        casts.addAll(sums);
        return "MERGE INTO " + table(base) + " t USING (VALUES ("
                + String.join(", ", casts.stream().map(c -> "CAST(? AS " + c.split(" ", 2)[1] + ")").toList())
                + ")) AS s (" + columns + ") ON "
                + String.join(" AND ", keyNames.stream().map(c -> "t." + c + " = s." + c).toList())
                + " WHEN MATCHED THEN UPDATE SET "
                + String.join(", ", sumNames.stream().map(c -> c + " = t." + c + " + s." + c).toList())
                + " WHEN NOT MATCHED THEN INSERT (" + columns + ") VALUES ("
                + String.join(", ", names.stream().map(c -> "s." + c).toList()) + ")";
    }

    /**
     * Every node an act at the branch counts at, from its path from the top and its division code: a branch never
     * moves, so they are read and named once per branch.
     */
    private List<String> nodes(String branch) {
        return nodes.computeIfAbsent(branch, code -> {
            List<List<String>> found = jdbc.query("SELECT lineage, division_code FROM branch WHERE code = ?",
                    (rs, i) -> Reach.nodes(code, rs.getString(1), rs.getString(2)), code);
            if (found.isEmpty()) {
                throw new IllegalStateException("statistics know no branch " + code);
            }
            return found.get(0);
        });
    }

    /** When a learner was first active somewhere, and the earliest achieved date of what they acted on there. */
    private record First(LocalDate day, LocalDate achieved) {
        static First min(First a, First b) {
            return new First(earlier(a.day(), b.day()), earlier(a.achieved(), b.achieved()));
        }
    }

    /**
     * A learner newly counted at a node in a period ({@code before} null), or moved to an earlier first day or
     * earliest achieved date (an act stamped earlier than one already counted, or on an achievement achieved earlier).
     */
    private record Change(String node, String period, First before, First after) {
    }

    /** A learner counted at a node in a period. */
    private record Reached(String learner, String node, String period) implements Comparable<Reached> {
        private static final Comparator<Reached> ORDER = Comparator.comparing(Reached::learner)
                .thenComparing(Reached::node).thenComparing(Reached::period);

        @Override
        public int compareTo(Reached o) {
            return ORDER.compare(this, o);
        }
    }
}
