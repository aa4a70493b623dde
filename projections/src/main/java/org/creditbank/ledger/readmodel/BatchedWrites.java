package org.creditbank.ledger.readmodel;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A projection's writes, collected over the unit of work and sent when it prepares to commit (in its transaction):
 * one unit of work is one command live, or one batch of a processor's events during a rebuild.
 *
 * <ul>
 *     <li>A row inserted in this unit of work and then updated is inserted once, with its final values: during a
 *     rebuild most rows are born and changed within one batch.</li>
 *     <li>Each table's rows inserted in the unit of work go first, together (one {@code COPY} on PostgreSQL), then its
 *     updates of rows from earlier units of work in the order they were written, consecutive identical statements as
 *     one JDBC batch. The two commute: such an update finds its row by a key no row of this unit of work has (or it
 *     would have been merged into that row's insert). Only when a table also has other statements ({@link #replace},
 *     {@link #write}), or an insert comes after an update of its key, do its statements all run in the order they were
 *     written. During a rebuild of a real store most updates miss their batch (a certification comes days after the
 *     recording), and in written order every one of them would split the batch's inserts.</li>
 *     <li>The tables of one projection must not depend on each other's rows, so that their statements may run table
 *     by table.</li>
 * </ul>
 * Outside a unit of work a write runs at once.
 */
public final class BatchedWrites {

    private final JdbcTemplate jdbc;
    private final String key;

    /** @param owner the projection instance whose writes these are (one set of writes per instance and unit of work) */
    public BatchedWrites(JdbcTemplate jdbc, Object owner) {
        this.jdbc = jdbc;
        this.key = BatchedWrites.class.getName() + "@" + System.identityHashCode(owner);
    }

    /** Runs a statement on a table, now or when the unit of work commits (in order with all of the table's). */
    public void write(String table, String sql, Object... args) {
        Pending pending = pending();
        if (pending == null) {
            jdbc.update(sql, args);
        } else {
            Table writes = pending.of(table);
            writes.statements.add(new Statement(sql, args));
            writes.inOrder = true;
        }
    }

    /**
     * Inserts a row whose key is {@code key}: the value {@link #update} finds it by; null for a row never updated.
     * Consecutive inserts into a table with the same {@link Columns} go to the database together. The values are taken
     * over: the caller must not change them afterwards.
     */
    public void insert(String table, String key, Columns columns, Object... values) {
        if (values.length != columns.names.size()) {
            throw new IllegalArgumentException(values.length + " values for the " + columns.names.size()
                    + " columns of " + table + " " + columns.names);
        }
        Pending pending = pending();
        Insert insert = new Insert(table, columns, values);
        if (pending == null) {
            insert.run(jdbc, List.of(insert));
        } else {
            Table writes = pending.of(table);
            writes.statements.add(insert);
            if (key != null) {
                writes.inserted.put(key, insert);
            }
            // A row no update could find by its key may be one an update before it changes: keep the written order.
            writes.inOrder |= key == null ? !writes.updated.isEmpty() : writes.updated.contains(key);
        }
    }

    /**
     * Updates the row of {@code table} whose {@code keyColumn} is {@code key}. A table's updates all find rows by the
     * column whose value its inserts give as their key.
     */
    public void update(String table, String keyColumn, String key, Map<String, Object> changes) {
        Pending pending = pending();
        Table writes = pending == null ? null : pending.of(table);
        Insert inserted = writes == null ? null : writes.inserted.get(key);
        if (inserted != null) {
            changes.forEach((column, value) -> inserted.values[inserted.columns.position(column)] = value);
            return;
        }
        List<String> sets = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        changes.forEach((column, value) -> {
            sets.add(column + " = ?");
            args.add(value);
        });
        args.add(key);
        String sql = "UPDATE " + table + " SET " + String.join(", ", sets) + " WHERE " + keyColumn + " = ?";
        if (writes == null) {
            jdbc.update(sql, args.toArray());
        } else {
            writes.statements.add(new Statement(sql, args.toArray()));
            writes.updated.add(key);
        }
    }

    /** Sets {@code column} to {@code value} in every row of {@code table} where it is {@code current}. */
    public void replace(String table, String column, Object current, Object value) {
        Pending pending = pending();
        if (pending != null) {
            pending.of(table).statements.forEach(statement -> {
                if (statement instanceof Insert insert) {
                    Integer position = insert.columns.positions.get(column);
                    if (position != null && Objects.equals(insert.values[position], current)) {
                        insert.values[position] = value;
                    }
                }
            });
        }
        write(table, "UPDATE " + table + " SET " + column + " = ? WHERE " + column + " = ?", value, current);
    }

    private Pending pending() {
        return PerUnitOfWork.state(key, Pending::new, pending -> pending.flush(jdbc));
    }

    private static class Statement {
        private final String sql;
        private final Object[] args;

        Statement(String sql, Object[] args) {
            this.sql = sql;
            this.args = args;
        }

        /** Whether this and {@code next} can go to the database together. */
        boolean sameAs(Statement next) {
            return !(next instanceof Insert) && sql.equals(next.sql);
        }

        void run(JdbcTemplate jdbc, List<Statement> statements) {
            if (statements.size() == 1) {
                jdbc.update(sql, args);
            } else {
                List<Object[]> all = new ArrayList<>(statements.size());
                statements.forEach(s -> all.add(s.args));
                jdbc.batchUpdate(sql, all);
            }
        }
    }

    private static final class Insert extends Statement {
        final String table;
        final Columns columns;
        final Object[] values;

        Insert(String table, Columns columns, Object[] values) {
            super(null, null);
            this.table = table;
            this.columns = columns;
            this.values = values;
        }

        /** Whether {@code next} inserts into the same table the same columns. */
        @Override
        boolean sameAs(Statement next) {
            return next instanceof Insert insert && table.equals(insert.table) && columns.equals(insert.columns);
        }

        @Override
        void run(JdbcTemplate jdbc, List<Statement> statements) {
            List<Object[]> rows = new ArrayList<>(statements.size());
            statements.forEach(s -> rows.add(((Insert) s).values));
            RowInserts.insert(jdbc, table, columns.names, rows);
        }
    }

    /**
     * The columns a projection inserts into a table, in the order of the values it gives: one constant per kind of
     * row, so that rows are arrays rather than maps of column names (a rebuild inserts millions).
     */
    public static final class Columns {
        private final List<String> names;
        private final Map<String, Integer> positions = new HashMap<>();

        private Columns(List<String> names) {
            this.names = List.copyOf(names);
            for (int i = 0; i < this.names.size(); i++) {
                if (positions.put(this.names.get(i), i) != null) {
                    throw new IllegalArgumentException("column " + this.names.get(i) + " named twice: " + names);
                }
            }
        }

        public static Columns of(String... names) {
            return new Columns(List.of(names));
        }

        int position(String column) {
            Integer position = positions.get(column);
            if (position == null) {
                throw new IllegalArgumentException("no column " + column + " among " + names);
            }
            return position;
        }

        @Override
        public boolean equals(Object other) {
            return other == this || other instanceof Columns columns && names.equals(columns.names);
        }

        @Override
        public int hashCode() {
            return names.hashCode();
        }
    }

    /** A table's writes in this unit of work. */
    private static final class Table {
        final List<Statement> statements = new ArrayList<>();
        /** The rows inserted, by the key their updates find them by. */
        final Map<String, Insert> inserted = new HashMap<>();
        /** The keys of the rows of earlier units of work updated. */
        final Set<String> updated = new HashSet<>();
        /** Whether the statements must run in the order they were written. */
        boolean inOrder;

        void flush(JdbcTemplate jdbc) {
            if (inOrder) {
                run(jdbc, statements);
            } else {
                run(jdbc, statements.stream().filter(s -> s instanceof Insert).toList());
                run(jdbc, statements.stream().filter(s -> !(s instanceof Insert)).toList());
            }
        }

        /** Runs statements in their order, consecutive ones that can go together as one. */
        private static void run(JdbcTemplate jdbc, List<Statement> statements) {
            int from = 0;
            for (int i = 1; i <= statements.size(); i++) {
                if (i == statements.size() || !statements.get(from).sameAs(statements.get(i))) {
                    statements.get(from).run(jdbc, statements.subList(from, i));
                    from = i;
                }
            }
        }
    }

    private static final class Pending {
        private final Map<String, Table> byTable = new LinkedHashMap<>();

        Table of(String table) {
            return byTable.computeIfAbsent(table, t -> new Table());
        }

        void flush(JdbcTemplate jdbc) {
            byTable.values().forEach(table -> table.flush(jdbc));
            byTable.clear();
        }
    }
}
