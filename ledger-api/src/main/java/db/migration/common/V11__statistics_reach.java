package db.migration.common;

import org.creditbank.ledger.projection.statistics.Reach;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Active learners counted ahead per jurisdiction and period, in every slot of the statistics read model; filled from
 * the learners already active per month and branch ({@code stat_active}), as the statistics processor would have.
 */
public class V11__statistics_reach extends BaseJavaMigration {

    private static final int BATCH = 1000;

    @Override
    public void migrate(Context context) throws Exception {
        ReadModelSlots.create(context, "statistics-reach.sql", "", "_b", "_scratch");
        for (String slot : List.of("", "_b")) {
            fill(context.getConnection(), slot);
        }
    }

    private static void fill(Connection connection, String slot) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Statement select = connection.createStatement();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO stat_reach" + slot + " (learner_number, node, period) VALUES (?, ?, ?)")) {
            select.setFetchSize(BATCH);
            ResultSet rs = select.executeQuery("SELECT a.learner_number, a.month_start, a.branch_code, b.lineage, b.division_code"
                    + " FROM stat_active" + slot + " a JOIN branch b ON b.code = a.branch_code"
                    + " ORDER BY a.learner_number");
            String learner = null;
            Set<String> reached = new HashSet<>();
            int pending = 0;
            while (rs.next()) {
                if (!rs.getString(1).equals(learner)) {
                    learner = rs.getString(1);
                    reached.clear();
                }
                for (String node : Reach.nodes(rs.getString(3), rs.getString(4), rs.getString(5))) {
                    for (String period : Reach.periods(rs.getDate(2).toLocalDate())) {
                        if (reached.add(node + "\u0000" + period)) {
                            insert.setString(1, learner);
                            insert.setString(2, node);
                            insert.setString(3, period);
                            insert.addBatch();
                            counts.merge(node + "\u0000" + period, 1L, Long::sum);
                            if (++pending == BATCH) {
                                insert.executeBatch();
                                pending = 0;
                            }
                        }
                    }
                }
            }
            insert.executeBatch();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO stat_reach_count" + slot + " (node, period, learners) VALUES (?, ?, ?)")) {
            for (Map.Entry<String, Long> count : counts.entrySet()) {
                String[] key = count.getKey().split("\u0000");
                insert.setString(1, key[0]);
                insert.setString(2, key[1]);
                insert.setLong(3, count.getValue());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
