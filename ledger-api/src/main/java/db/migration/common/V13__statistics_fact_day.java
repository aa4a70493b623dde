package db.migration.common;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * Each statistical fact's day ({@code stat_fact.day_start}, in the ledger's time zone), in every slot: what a
 * rebuild derives the daily sums from in one statement. Filled a day at a time, each day's bounds computed with the
 * ledger's own time-zone rules (those of Java, which the statistics processor uses), not the database's.
 *
 * <p>The time zone comes from Flyway's placeholder {@code time_zone}.
 */
public class V13__statistics_fact_day extends BaseJavaMigration {

    private static final int BATCH = 500;

    @Override
    public void migrate(Context context) throws Exception {
        String zone = context.getConfiguration().getPlaceholders().get("time_zone");
        zone = zone == null || zone.isBlank() ? "Asia/Shanghai" : zone.strip();
        Connection connection = context.getConnection();
        for (String slot : List.of("", "_b", "_scratch")) {
            String facts = "stat_fact" + slot;
            try (Statement alter = connection.createStatement()) {
                alter.execute("ALTER TABLE " + facts + " ADD COLUMN day_start DATE");
                // A rebuild cut off leaves its slot without this index; each day's update finds its facts by it.
                alter.execute("CREATE INDEX IF NOT EXISTS " + facts + "_recorded_ix ON " + facts + " (recorded_at)");
            }
            fill(connection, facts, ZoneId.of(zone));
            try (Statement alter = connection.createStatement()) {
                alter.execute("ALTER TABLE " + facts + " ALTER COLUMN day_start SET NOT NULL");
            }
        }
    }

    /** Sets every fact's day, one day of recorded time after the other, from the first fact's to the last's. */
    public static void fill(Connection connection, String facts, ZoneId zone) throws SQLException {
        OffsetDateTime first;
        OffsetDateTime last;
        try (Statement select = connection.createStatement();
             ResultSet rs = select.executeQuery("SELECT MIN(recorded_at), MAX(recorded_at) FROM " + facts)) {
            rs.next();
            first = rs.getObject(1, OffsetDateTime.class);
            last = rs.getObject(2, OffsetDateTime.class);
        }
        if (first == null) {
            return;
        }
        LocalDate lastDay = LocalDate.ofInstant(last.toInstant(), zone);
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + facts + " SET day_start = ?"
                + " WHERE recorded_at >= ? AND recorded_at < ?")) {
            int pending = 0;
            for (LocalDate day = LocalDate.ofInstant(first.toInstant(), zone); !day.isAfter(lastDay);
                 day = day.plusDays(1)) {
                update.setObject(1, day);
                update.setObject(2, day.atStartOfDay(zone).toOffsetDateTime());
                update.setObject(3, day.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
                update.addBatch();
                if (++pending == BATCH) {
                    update.executeBatch();
                    pending = 0;
                }
            }
            update.executeBatch();
        }
    }
}
