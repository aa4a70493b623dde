package org.creditbank.ledger.readmodel;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The indexes of a slot while a rebuild fills it: dropped first and built again at the end, each in one sorted pass,
 * which costs a fraction of maintaining it row by row. Kept are the primary keys of tables whose rows are updated and
 * the indexes the projection's updates find rows by ({@link ReadModel#replayIndexes}); the primary keys of append-only
 * tables go too (a duplicate row then fails the rebuild when its key's unique index is built, as it would have failed
 * the insert).
 *
 * <p>The definitions are read from the slot's own tables before they are dropped: the engine has just made them from
 * the read model's template ({@link SlotSchemas#remake}). PostgreSQL only; elsewhere the indexes stay.
 */
final class DeferredIndexes {

    private static final Pattern DEFINITION =
            Pattern.compile("^CREATE (UNIQUE )?INDEX (\\S+) ON (?:(\\S+)\\.)?(\\S+) (USING .+)$");
    /** A primary key of plain columns, as {@code pg_get_constraintdef} writes it. */
    private static final Pattern PRIMARY_KEY = Pattern.compile("^PRIMARY KEY \\(([^()]+)\\)$");

    private final JdbcTemplate jdbc;
    private final List<Index> indexes;
    /** Primary keys of append-only tables. */
    private final List<Index> keys;

    /** An index or key of the target slot: its table, its name, and how it is created (a key: its definition). */
    private record Index(String table, String name, String definition) {
    }

    private DeferredIndexes(JdbcTemplate jdbc, List<Index> indexes, List<Index> keys) {
        this.jdbc = jdbc;
        this.indexes = indexes;
        this.keys = keys;
    }

    /** The secondary indexes of {@code target}'s tables, as its template made them. */
    static DeferredIndexes of(JdbcTemplate jdbc, Dialect dialect, ReadModel model, Slot target) {
        List<Index> indexes = new ArrayList<>();
        List<Index> keys = new ArrayList<>();
        if (dialect == Dialect.POSTGRESQL) {
            for (String table : model.tables()) {
                String from = target.table(table);
                String to = target.table(table);
                jdbc.query("SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = current_schema()"
                        + " AND i.tablename = ? AND NOT EXISTS (SELECT 1 FROM pg_constraint c"
                        + " JOIN pg_namespace n ON n.oid = c.connamespace"
                        + " WHERE n.nspname = current_schema() AND c.conname = i.indexname) ORDER BY i.indexname",
                        rs -> {
                            String name = rs.getString(1);
                            Matcher m = DEFINITION.matcher(rs.getString(2));
                            if (!name.startsWith(from) || !m.matches() || !m.group(4).equals(from)) {
                                throw new IllegalStateException("index " + name + " of " + from
                                        + " does not follow the slot naming: " + rs.getString(2));
                            }
                            if (model.replayIndexes().contains(table + name.substring(from.length()))) {
                                return;
                            }
                            String renamed = to + name.substring(from.length());
                            indexes.add(new Index(to, renamed, "CREATE " + (m.group(1) == null ? "" : m.group(1))
                                    + "INDEX IF NOT EXISTS " + renamed + " ON "
                                    + (m.group(3) == null ? "" : m.group(3) + ".") + to + " " + m.group(5)));
                        }, from);
            }
            for (String table : model.appendOnly()) {
                String from = target.table(table);
                String to = target.table(table);
                jdbc.query("SELECT c.conname, pg_get_constraintdef(c.oid) FROM pg_constraint c"
                        + " JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace"
                        + " WHERE n.nspname = current_schema() AND t.relname = ? AND c.contype = 'p'", rs -> {
                            String name = rs.getString(1);
                            if (!name.startsWith(from)) {
                                throw new IllegalStateException("primary key " + name + " of " + from
                                        + " does not follow the slot naming");
                            }
                            String renamed = to + name.substring(from.length());
                            keys.add(new Index(to, renamed, rs.getString(2)));
                        }, from);
            }
        }
        return new DeferredIndexes(jdbc, List.copyOf(indexes), List.copyOf(keys));
    }

    /** Drops the indexes and keys (those that exist). */
    void drop() {
        indexes.forEach(index -> jdbc.execute("DROP INDEX IF EXISTS " + index.name()));
        for (Index key : keys) {
            jdbc.execute("ALTER TABLE " + key.table() + " DROP CONSTRAINT IF EXISTS " + key.name());
            // A rebuild cut off between a key's index and its constraint left the index alone.
            jdbc.execute("DROP INDEX IF EXISTS " + key.name());
        }
    }

    /**
     * The builds of the keys' indexes and the other indexes (those that do not exist), each in one sorted pass and a
     * transaction of its own, all of them able to run side by side: a key is built as a unique index (which shares
     * its table with other builds), not by adding the constraint (which would lock every other build of the table out
     * while it sorts). {@link #attachKeys} then makes the keys' indexes the keys. Each build weighs its table's size on
     * disk, as it stands when asked.
     */
    List<SharedCores.Task> builds(TransactionTemplate transactions) {
        List<SharedCores.Task> builds = new ArrayList<>();
        for (Index key : keys) {
            Matcher columns = PRIMARY_KEY.matcher(key.definition());
            String build = columns.matches()
                    ? "CREATE UNIQUE INDEX IF NOT EXISTS " + key.name() + " ON " + key.table() + " ("
                            + columns.group(1) + ")"
                    : "ALTER TABLE " + key.table() + " ADD CONSTRAINT " + key.name() + " " + key.definition();
            builds.add(new SharedCores.Task(size(key.table()), () -> transactions.executeWithoutResult(tx -> {
                if (!constraint(key.name())) {
                    sortedPass(build);
                }
            })));
        }
        for (Index index : indexes) {
            builds.add(new SharedCores.Task(size(index.table()), () -> transactions.executeWithoutResult(
                    tx -> sortedPass(index.definition()))));
        }
        return builds;
    }

    /** Makes each key's unique index, once built, its table's primary key: a change of the catalogue only. */
    void attachKeys(TransactionTemplate transactions) {
        for (Index key : keys) {
            transactions.executeWithoutResult(tx -> {
                if (!constraint(key.name())) {
                    jdbc.execute("ALTER TABLE " + key.table() + " ADD CONSTRAINT " + key.name()
                            + " PRIMARY KEY USING INDEX " + key.name());
                }
            });
        }
    }

    private void sortedPass(String build) {
        jdbc.execute("SET LOCAL maintenance_work_mem = '256MB'");
        // One build per core already: parallel workers would only share those cores.
        jdbc.execute("SET LOCAL max_parallel_maintenance_workers = 0");
        jdbc.execute(build);
    }

    private boolean constraint(String name) {
        Integer present = jdbc.queryForObject("SELECT COUNT(*) FROM pg_constraint c JOIN pg_namespace n"
                + " ON n.oid = c.connamespace WHERE n.nspname = current_schema() AND c.conname = ?", Integer.class,
                name);
        return present != null && present > 0;
    }

    private long size(String table) {
        Long bytes = jdbc.queryForObject("SELECT pg_relation_size(CAST(? AS regclass))", Long.class, table);
        return bytes == null ? 0 : bytes;
    }
}
