package org.creditbank.ledger.projection.statistics;

import org.creditbank.ledger.readmodel.Dialect;
import org.creditbank.ledger.readmodel.RowInserts;
import org.creditbank.ledger.readmodel.Slot;
import org.creditbank.ledger.readmodel.Upserts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** One slot's statistics tables, as the projection writes them batch by batch: its statements and look-ups. */
final class StatisticsTables {

    private static final int IN_LIST = 1000;

    private final JdbcTemplate jdbc;
    private final Slot slot;
    private final Dialect dialect;

    StatisticsTables(JdbcTemplate jdbc, Slot slot, Dialect dialect) {
        this.jdbc = jdbc;
        this.slot = slot;
        this.dialect = dialect;
    }

    JdbcTemplate jdbc() {
        return jdbc;
    }

    /** The slot's table of the given base name. */
    String table(String base) {
        return slot.table(base);
    }

    /** Inserts the rows into a table (nothing for no rows). */
    void insert(String base, List<String> columns, List<Object[]> rows) {
        RowInserts.insert(jdbc, table(base), columns, rows);
    }

    /** Runs a statement once per row, as one JDBC batch (nothing for no rows). */
    void batch(String sql, List<Object[]> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows);
        }
    }

    /**
     * Reads the {@code columns} of a table's rows whose {@code key} (of SQL type {@code type}) is one of the values. On
     * PostgreSQL one value at a time through the key's index, whatever the table's statistics say: a growing table may
     * have none yet, and an {@code IN} list of a thousand values would then be planned as a full scan. Elsewhere with
     * {@code IN} lists of at most {@link #IN_LIST} values.
     */
    void lookUp(String columns, String base, String key, String type, Collection<String> values,
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

    /** The statement that adds each row's {@code sums} to the row with the same {@code keys} ({@link Upserts}). */
    String upsert(String base, List<String> keys, List<String> sums) {
        return Upserts.addTo(dialect, table(base), keys, sums);
    }

    /** Two lists, one after the other. */
    static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
