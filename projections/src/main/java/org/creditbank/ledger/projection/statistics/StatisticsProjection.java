package org.creditbank.ledger.projection.statistics;

import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.creditbank.ledger.achievement.AchievementEvent;
import org.creditbank.ledger.learner.AccountEvent.AccountClosed;
import org.creditbank.ledger.learner.AccountEvent.AccountMergedInto;
import org.creditbank.ledger.learner.AccountEvent.AccountOpened;
import org.creditbank.ledger.learner.AccountEvent.MergedAccountAbsorbed;
import org.creditbank.ledger.projection.statistics.FactFold.Achievement;
import org.creditbank.ledger.projection.statistics.FactFold.Fact;
import org.creditbank.ledger.readmodel.BulkReplay;
import org.creditbank.ledger.readmodel.Dialect;
import org.creditbank.ledger.readmodel.PerUnitOfWork;
import org.creditbank.ledger.readmodel.RowInserts;
import org.creditbank.ledger.readmodel.Slot;
import org.creditbank.ledger.readmodel.Sql;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.creditbank.ledger.readmodel.Sql.at;

/**
 * The statistics read model of one slot: a fact per counted act (with its dimensions as they stood then), the facts
 * summed by month, by day and by valid time, the learners active per month and branch (with the first day there and
 * the earliest date achieved of what they acted on), and how many learners are counted per node and period, per first
 * day and per earliest date achieved.
 *
 * <p>Built for catch-up speed: the handlers only collect the events of the processor's batch; when the unit of work
 * prepares to commit, in the same transaction as the processor's token, the batch is folded into facts
 * ({@link FactFold}) and written in a handful of JDBC batches with what follows from them: their sums
 * ({@link RecordedSums}) and their learners ({@link ActiveLearners}), each derived from the facts one way, live and
 * over the whole store. It needs the events in commit order (a merge moves achievements between streams), so it
 * runs as one segment.
 */
public class StatisticsProjection {

    private final StatisticsTables tables;
    private final ZoneId zone;
    private final String batchKey;
    private final BranchNodes branches;
    /** Whether the learners are derived at the end (a bulk replay), and the sums added many batches at a time. */
    private final boolean bulk;
    /** The sums of a bulk replay's batches not yet added (live, each batch's are added with it). */
    private final RecordedSums pending;
    private final int flushAt;

    public StatisticsProjection(JdbcTemplate jdbc, Slot slot, ZoneId zone, Dialect dialect, BranchNodes branches) {
        this(jdbc, slot, zone, dialect, branches, 0);
    }

    /** {@code flushAt}: 0 live, else the keys of sums a bulk replay holds before it adds them. */
    private StatisticsProjection(JdbcTemplate jdbc, Slot slot, ZoneId zone, Dialect dialect, BranchNodes branches,
                                 int flushAt) {
        this.tables = new StatisticsTables(jdbc, slot, dialect);
        this.zone = zone;
        this.branches = branches;
        this.bulk = flushAt > 0;
        this.flushAt = flushAt;
        this.pending = bulk ? new RecordedSums(zone) : null;
        this.batchKey = StatisticsProjection.class.getName() + "/" + slot;
    }

    /**
     * How a pass over the whole event store, from the first event into an empty slot, feeds the statistics: it writes
     * the achievements and the facts as they come and sums many batches' facts at a time; once the last event is in,
     * the last sums are added, and the learners derived from the facts.
     */
    public static BulkReplay bulk(JdbcTemplate jdbc, Slot slot, ZoneId zone, Dialect dialect, BranchNodes branches) {
        return bulk(jdbc, slot, zone, dialect, branches, RecordedSums.FLUSH_AT);
    }

    /** A bulk replay that adds the sums it holds whenever they reach {@code flushAt} keys. */
    static BulkReplay bulk(JdbcTemplate jdbc, Slot slot, ZoneId zone, Dialect dialect, BranchNodes branches,
                           int flushAt) {
        StatisticsProjection projection = new StatisticsProjection(jdbc, slot, zone, dialect, branches, flushAt);
        return BulkReplay.of(projection, List.of(projection::addPendingSums,
                new AllLearners(projection.tables, dialect, branches)));
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

    private List<EventMessage<?>> batch() {
        List<EventMessage<?>> batch = PerUnitOfWork.state(batchKey, ArrayList::new, this::flush);
        if (batch == null) {
            throw new IllegalStateException("statistics are built by a processor, in a unit of work");
        }
        return batch;
    }

    /** Folds the batch's events into facts and writes them, with what follows from them. */
    private void flush(List<EventMessage<?>> events) {
        List<Achievement> known = new ArrayList<>();
        tables.lookUp("*", "stat_achievement", "achievement_id", "VARCHAR(64)",
                FactFold.actedOnEarlier(events.stream().map(EventMessage::getPayload).toList()),
                rs -> known.add(new Achievement(rs.getString("achievement_id"), rs.getString("learner_number"),
                        rs.getString("kind"), Sql.integer(rs, "qualification_level"), Sql.date(rs, "achieved_on"),
                        rs.getBigDecimal("credits"), rs.getString("credit_unit"), rs.getBoolean("certified"))));
        FactFold fold = new FactFold(known);
        for (EventMessage<?> message : events) {
            fold.fold(message.getIdentifier(), message.getPayload());
        }
        writeAchievements(fold);
        writeFacts(fold.facts());
        if (bulk) {
            pending.add(fold.facts());
            if (pending.keys() >= flushAt) {
                pending.addTo(tables);
            }
        } else {
            new RecordedSums(zone).add(fold.facts()).addTo(tables);
            ActiveLearners.of(fold.facts(), zone).addTo(tables, branches);
        }
    }

    /** Adds the sums not yet added. */
    private void addPendingSums() {
        pending.addTo(tables);
    }

    private void writeAchievements(FactFold fold) {
        String table = tables.table("stat_achievement");
        RowInserts.insert(tables.jdbc(), table, List.of("achievement_id", "learner_number", "kind",
                "qualification_level", "achieved_on", "credits", "credit_unit", "certified"), fold.recorded().stream()
                .map(a -> new Object[] {a.id, a.learner, a.kind, a.level, a.achievedOn, a.credits, a.unit,
                        a.certified}).toList());
        tables.batch("UPDATE " + table + " SET learner_number = ?, qualification_level = ?, achieved_on = ?,"
                + " credits = ?, credit_unit = ?, certified = ? WHERE achievement_id = ?", fold.changed().stream()
                .map(a -> new Object[] {a.learner, a.level, a.achievedOn, a.credits, a.unit, a.certified, a.id})
                .toList());
        tables.batch("UPDATE " + table + " SET learner_number = ? WHERE learner_number = ?",
                fold.moves().stream().map(move -> (Object[]) move).toList());
    }

    private void writeFacts(List<Fact> facts) {
        List<Object[]> rows = new ArrayList<>(facts.size());
        for (Fact f : facts) {
            LocalDate day = LocalDate.ofInstant(f.at(), zone);
            rows.add(new Object[] {f.eventId(), f.ordinal(), f.measure().name(), f.branch(), f.learner(), f.kind(),
                    f.level(), f.unit() == null ? "" : f.unit(), f.n(), f.credits(), at(f.at()), day.withDayOfMonth(1),
                    day, f.achievedOn()});
        }
        RowInserts.insert(tables.jdbc(), tables.table("stat_fact"), List.of("event_identifier", "ordinal", "measure",
                "branch_code", "learner_number", "kind", "qualification_level", "credit_unit", "n", "credits",
                "recorded_at", "month_start", "day_start", "achieved_on"), rows);
    }
}
