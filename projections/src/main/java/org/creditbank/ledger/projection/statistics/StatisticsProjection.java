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
 * ({@link FactFold}) and written in a handful of JDBC batches with what follows from them ({@link RecordedSums},
 * {@link ActiveLearners}). It needs the events in commit order (a merge moves achievements between streams), so it
 * runs as one segment.
 */
public class StatisticsProjection {

    private final StatisticsTables tables;
    private final ZoneId zone;
    private final String batchKey;
    private final BranchNodes branches;
    /** Whether only facts and achievements are written, everything else derived at the end (a bulk replay). */
    private final boolean bulk;

    public StatisticsProjection(JdbcTemplate jdbc, Slot slot, ZoneId zone, Dialect dialect, BranchNodes branches) {
        this(jdbc, slot, zone, dialect, branches, false);
    }

    private StatisticsProjection(JdbcTemplate jdbc, Slot slot, ZoneId zone, Dialect dialect, BranchNodes branches,
                                 boolean bulk) {
        this.tables = new StatisticsTables(jdbc, slot, dialect);
        this.zone = zone;
        this.branches = branches;
        this.bulk = bulk;
        this.batchKey = StatisticsProjection.class.getName() + "/" + slot;
    }

    /**
     * How a pass over the whole event store, from the first event into an empty slot, feeds the statistics: it writes
     * the achievements and the facts only, and derives the sums and learners from the facts at the end.
     */
    public static BulkReplay bulk(JdbcTemplate jdbc, Slot slot, ZoneId zone, Dialect dialect, BranchNodes branches) {
        return BulkReplay.of(new StatisticsProjection(jdbc, slot, zone, dialect, branches, true),
                new StatisticsDerivation(jdbc, slot, dialect, branches).steps());
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
        if (!bulk) {
            new RecordedSums(fold.facts(), zone).addTo(tables);
            new ActiveLearners(fold.facts(), zone).addTo(tables, branches);
        }
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
