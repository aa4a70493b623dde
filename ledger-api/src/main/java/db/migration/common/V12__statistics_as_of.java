package db.migration.common;

import org.creditbank.ledger.readmodel.Sql;
import org.creditbank.ledger.projection.statistics.Measure;
import org.creditbank.ledger.projection.statistics.Reach;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Day sums, valid-time sums, and for each learner counted ahead the day first counted and the earliest achieved date
 * acted on, in every slot of the statistics read model: what statistics as of an instant of recorded time, or of a
 * valid date, are answered from. Filled from the facts ({@code stat_fact}), as the statistics processor would have.
 *
 * <p>Days are in the ledger's time zone, which Flyway passes as the placeholder {@code time_zone}.
 */
public class V12__statistics_as_of extends BaseJavaMigration {

    private static final int BATCH = 1000;

    @Override
    public void migrate(Context context) throws Exception {
        ReadModelSlots.create(context, "statistics-as-of.sql", "", "_b", "_scratch");
        String zone = context.getConfiguration().getPlaceholders().get("time_zone");
        zone = zone == null || zone.isBlank() ? "Asia/Shanghai" : zone.strip();
        Connection connection = context.getConnection();
        for (String slot : List.of("", "_b")) {
            fill(connection, slot, ZoneId.of(zone));
        }
        for (String slot : List.of("", "_b", "_scratch")) {
            try (Statement alter = connection.createStatement()) {
                alter.execute("ALTER TABLE stat_reach" + slot + " ALTER COLUMN first_day SET NOT NULL");
                alter.execute("ALTER TABLE stat_reach" + slot + " ALTER COLUMN first_achieved SET NOT NULL");
            }
        }
    }

    /**
     * Fills one slot's day sums and learners counted ahead from its facts, replacing what they held.
     *
     * @param slot {@code ""} for slot A, {@code "_b"} for slot B
     */
    public static void fill(Connection connection, String slot, ZoneId zone) throws SQLException {
        try (Statement clear = connection.createStatement()) {
            for (String table : List.of("stat_day", "stat_valid", "stat_reach_day", "stat_reach_valid",
                    "stat_reach_count", "stat_reach")) {
                clear.execute("DELETE FROM " + table + slot);
            }
            // Valid time needs no time zone: the facts are summed by the day, then by the month, achieved.
            String dimensions = "month_start, branch_code, measure, kind, qualification_level, credit_unit";
            clear.execute("INSERT INTO stat_valid" + slot + " (grain, achieved, " + dimensions + ", n, credits)"
                    + " SELECT 'D', achieved_on, " + dimensions + ", SUM(n), SUM(credits) FROM stat_fact" + slot
                    + " WHERE achieved_on IS NOT NULL GROUP BY achieved_on, " + dimensions);
            clear.execute("INSERT INTO stat_valid" + slot + " (grain, achieved, " + dimensions + ", n, credits)"
                    + " SELECT 'M', m, " + dimensions + ", SUM(n), SUM(credits) FROM (SELECT CAST(DATE_TRUNC('MONTH',"
                    + " achieved) AS DATE) AS m, " + dimensions + ", n, credits FROM stat_valid" + slot
                    + " WHERE grain = 'D') d GROUP BY m, " + dimensions);
        }
        sumDays(connection, slot, zone);
        reach(connection, slot, zone);
    }

    /** The facts in recorded order, summed one day at a time. */
    private static void sumDays(Connection connection, String slot, ZoneId zone) throws SQLException {
        try (Statement select = connection.createStatement();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO stat_day" + slot + " (day_start,"
                     + " month_start, branch_code, measure, kind, qualification_level, credit_unit, n, credits)"
                     + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            select.setFetchSize(BATCH);
            ResultSet rs = select.executeQuery("SELECT recorded_at, branch_code, measure, kind, qualification_level,"
                    + " credit_unit, n, credits FROM stat_fact" + slot + " ORDER BY recorded_at");
            LocalDate day = null;
            Map<List<Object>, Object[]> sums = new TreeMap<>(Sql.KEY_ORDER);
            while (rs.next()) {
                LocalDate at = LocalDate.ofInstant(rs.getObject(1, OffsetDateTime.class).toInstant(), zone);
                if (!at.equals(day)) {
                    write(insert, day, sums);
                    day = at;
                }
                Object[] sum = sums.computeIfAbsent(List.<Object>of(rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), rs.getString(6)), k -> new Object[] {0L, BigDecimal.ZERO});
                sum[0] = (Long) sum[0] + rs.getInt(7);
                sum[1] = ((BigDecimal) sum[1]).add(rs.getBigDecimal(8));
            }
            write(insert, day, sums);
        }
    }

    private static void write(PreparedStatement insert, LocalDate day, Map<List<Object>, Object[]> sums)
            throws SQLException {
        for (Map.Entry<List<Object>, Object[]> sum : sums.entrySet()) {
            List<Object> key = sum.getKey();
            insert.setDate(1, Date.valueOf(day));
            insert.setDate(2, Date.valueOf(day.withDayOfMonth(1)));
            insert.setString(3, (String) key.get(0));
            insert.setString(4, (String) key.get(1));
            insert.setString(5, (String) key.get(2));
            insert.setInt(6, (Integer) key.get(3));
            insert.setString(7, (String) key.get(4));
            insert.setLong(8, (Long) sum.getValue()[0]);
            insert.setBigDecimal(9, (BigDecimal) sum.getValue()[1]);
            insert.addBatch();
        }
        insert.executeBatch();
        sums.clear();
    }

    /**
     * The learners counted ahead, derived again from the learning facts: with the day each was first counted, and the
     * earliest achieved date of what they acted on.
     */
    private static void reach(Connection connection, String slot, ZoneId zone) throws SQLException {
        String learning = String.join(", ", Arrays.stream(Measure.values()).filter(Measure::isLearning)
                .map(m -> "'" + m.name() + "'").toList());
        Map<String, Long> counts = new TreeMap<>();
        Map<String, Long> days = new TreeMap<>();
        Map<String, Long> valid = new TreeMap<>();
        try (Statement select = connection.createStatement();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO stat_reach" + slot
                     + " (learner_number, node, period, first_day, first_achieved) VALUES (?, ?, ?, ?, ?)")) {
            select.setFetchSize(BATCH);
            ResultSet rs = select.executeQuery("SELECT f.learner_number, f.recorded_at, f.achieved_on,"
                    + " f.branch_code, b.lineage, b.division_code FROM stat_fact" + slot + " f JOIN branch b"
                    + " ON b.code = f.branch_code WHERE f.measure IN (" + learning + ")"
                    + " ORDER BY f.learner_number, f.recorded_at");
            String learner = null;
            int pending = 0;
            // Per node and period of the learner: the first day, the earliest achieved date.
            Map<String, LocalDate[]> reached = new TreeMap<>();
            while (rs.next()) {
                if (!rs.getString(1).equals(learner)) {
                    pending += reached.size();
                    write(insert, learner, reached, counts, days, valid);
                    if (pending >= BATCH) {
                        insert.executeBatch();
                        pending = 0;
                    }
                    learner = rs.getString(1);
                }
                LocalDate day = LocalDate.ofInstant(rs.getObject(2, OffsetDateTime.class).toInstant(), zone);
                LocalDate achieved = rs.getObject(3, LocalDate.class);
                for (String node : Reach.nodes(rs.getString(4), rs.getString(5), rs.getString(6))) {
                    for (String period : Reach.periods(day.withDayOfMonth(1))) {
                        LocalDate[] first = reached.computeIfAbsent(node + "\u0000" + period,
                                k -> new LocalDate[] {day, achieved});
                        if (achieved.isBefore(first[1])) {
                            first[1] = achieved;
                        }
                    }
                }
            }
            write(insert, learner, reached, counts, days, valid);
            insert.executeBatch();
        }
        insertCounts(connection, "INSERT INTO stat_reach_count" + slot + " (node, period, learners) VALUES (?, ?, ?)",
                counts);
        insertCounts(connection, "INSERT INTO stat_reach_day" + slot + " (node, period, day_start, learners)"
                + " VALUES (?, ?, ?, ?)", days);
        insertCounts(connection, "INSERT INTO stat_reach_valid" + slot + " (node, period, achieved, learners)"
                + " VALUES (?, ?, ?, ?)", valid);
    }

    /** Adds one learner's rows to the batch and counts them. */
    private static void write(PreparedStatement insert, String learner, Map<String, LocalDate[]> reached,
                              Map<String, Long> counts, Map<String, Long> days, Map<String, Long> valid)
            throws SQLException {
        for (Map.Entry<String, LocalDate[]> r : reached.entrySet()) {
            String[] key = r.getKey().split("\u0000");
            LocalDate[] first = r.getValue();
            insert.setString(1, learner);
            insert.setString(2, key[0]);
            insert.setString(3, key[1]);
            insert.setDate(4, Date.valueOf(first[0]));
            insert.setDate(5, Date.valueOf(first[1]));
            insert.addBatch();
            counts.merge(r.getKey(), 1L, Long::sum);
            days.merge(r.getKey() + "\u0000" + first[0], 1L, Long::sum);
            valid.merge(r.getKey() + "\u0000" + first[1], 1L, Long::sum);
        }
        reached.clear();
    }

    /** Inserts each count under its key's parts (the last part of a day count is the day). */
    private static void insertCounts(Connection connection, String sql, Map<String, Long> counts)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (Map.Entry<String, Long> count : counts.entrySet()) {
                String[] key = count.getKey().split("\u0000");
                insert.setString(1, key[0]);
                insert.setString(2, key[1]);
                if (key.length == 3) {
                    insert.setDate(3, Date.valueOf(LocalDate.parse(key[2])));
                }
                insert.setLong(key.length + 1, count.getValue());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
