package org.creditbank.ledger.projection.statistics;

import org.creditbank.ledger.readmodel.Dialect;
import org.creditbank.ledger.readmodel.ReadModel;
import org.creditbank.ledger.readmodel.Slot;
import org.creditbank.ledger.readmodel.SlotTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.ZoneId;
import java.util.function.Supplier;

/** The statistics read model: facts and the sums and reach derived from them. */
public final class StatisticsReadModel {

    /** Its name. */
    public static final String NAME = "statistics";

    private StatisticsReadModel() {
    }

    /**
     * Its declaration: trailing the commands by a tracking processor of its own; branches as the branch register's
     * live slot says.
     */
    public static ReadModel declaration(JdbcTemplate jdbc, ZoneId zone, Dialect dialect, String register,
                                        Supplier<Slot> registerSlot) {
        return declaration(jdbc, zone, dialect, BranchNodes.fromRegister(jdbc, registerSlot), register);
    }

    /**
     * Its declaration, with the nodes each branch's acts count at, and the read models they are read from (switched
     * to first when both are rebuilt before a node serves).
     */
    public static ReadModel declaration(JdbcTemplate jdbc, ZoneId zone, Dialect dialect, BranchNodes branches,
                                        String... readFrom) {
        return ReadModel.named(NAME)
                .template(SlotTemplate.of(StatisticsReadModel.class, "statistics"))
                .projection(slot -> new StatisticsProjection(jdbc, slot.get(), zone, dialect, branches))
                .bulk(slot -> StatisticsProjection.bulk(jdbc, slot, zone, dialect, branches))
                .trailing()
                // Over the whole store the facts are written as events come, the sums added many batches at a time
                // (their keys kept), the learners derived at the end.
                .appendOnly("stat_fact", "stat_reach_valid", "stat_reach_day", "stat_reach_count", "stat_active")
                .replayIndexes("stat_achievement_learner_ix")
                .reads(readFrom)
                .build();
    }
}
