package db.migration.common;

import org.creditbank.ledger.projection.statistics.Measure;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Where a learner is counted ahead, kept once per month and branch they were active at, in every slot of the
 * statistics read model: each active row ({@code stat_active}) gains the learner's first day there and the earliest
 * achieved date of what they acted on there, and the learners counted ahead per node and period ({@code stat_reach},
 * some fourteen rows for each active row) are dropped: every one of them follows from the active rows of its learner.
 * The counts per node and period ({@code stat_reach_count}, {@code _day}, {@code _valid}) are unchanged.
 */
public class V16__statistics_reach_from_active extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        for (String slot : List.of("", "_b", "_scratch")) {
            String active = "stat_active" + slot;
            try (Statement alter = connection.createStatement()) {
                alter.execute("ALTER TABLE " + active + " ADD COLUMN first_day DATE");
                alter.execute("ALTER TABLE " + active + " ADD COLUMN first_achieved DATE");
            }
            fill(connection, slot);
            try (Statement alter = connection.createStatement()) {
                // A row with no act on an achievement behind it is none a replay would write: only a rebuild cut off
                // could have left one, in the idle slot, which the next rebuild clears anyway.
                alter.execute("DELETE FROM " + active + " WHERE first_day IS NULL OR first_achieved IS NULL");
                alter.execute("ALTER TABLE " + active + " ALTER COLUMN first_day SET NOT NULL");
                alter.execute("ALTER TABLE " + active + " ALTER COLUMN first_achieved SET NOT NULL");
                // The statistics processor reads a learner's rows to learn where the learner is already counted.
                alter.execute("CREATE INDEX IF NOT EXISTS " + active + "_learner_ix ON " + active
                        + " (learner_number)");
                alter.execute("DROP TABLE IF EXISTS stat_reach" + slot);
            }
        }
    }

    /**
     * Sets each active row's first day and earliest achieved date from the slot's facts on achievements, as the
     * statistics processor keeps them.
     *
     * @param slot {@code ""} for slot A, {@code "_b"} for slot B, {@code "_scratch"} for the scratch slot
     */
    public static void fill(Connection connection, String slot) throws SQLException {
        String learning = Measure.sqlList(Measure::isLearning);
        try (Statement merge = connection.createStatement()) {
            merge.execute("MERGE INTO stat_active" + slot + " t USING (SELECT learner_number, month_start,"
                    + " branch_code, MIN(day_start) AS first_day, MIN(achieved_on) AS first_achieved FROM stat_fact"
                    + slot + " WHERE measure IN (" + learning + ") GROUP BY learner_number, month_start, branch_code) f"
                    + " ON t.learner_number = f.learner_number AND t.month_start = f.month_start"
                    + " AND t.branch_code = f.branch_code"
                    + " WHEN MATCHED THEN UPDATE SET first_day = f.first_day, first_achieved = f.first_achieved");
        }
    }
}
