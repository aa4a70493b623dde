package org.creditbank.ledger.api.readmodel;

import org.creditbank.ledger.projection.Dialect;
import org.creditbank.ledger.projection.Slot;
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
 * tables go too (a duplicate row then fails the rebuild when its key is added back, as it would have failed the
 * insert).
 *
 * <p>The definitions are read from the live slot's tables (the same DDL template, another suffix), so a rebuild that
 * was cut off with its indexes dropped is healed by the next. PostgreSQL only; elsewhere the indexes stay.
 */
final class DeferredIndexes {

    private static final Pattern DEFINITION =
            Pattern.compile("^CREATE (UNIQUE )?INDEX (\\S+) ON (?:(\\S+)\\.)?(\\S+) (USING .+)$");

    private final JdbcTemplate jdbc;
    private final List<String> names;
    private final List<String> definitions;
    /** Primary keys of append-only tables: table, constraint name, definition. */
    private final List<String[]> keys;

    private DeferredIndexes(JdbcTemplate jdbc, List<String> names, List<String> definitions, List<String[]> keys) {
        this.jdbc = jdbc;
        this.names = names;
        this.definitions = definitions;
        this.keys = keys;
    }

    /** The secondary indexes of {@code target}'s tables, as the live slot has them. */
    static DeferredIndexes of(JdbcTemplate jdbc, Dialect dialect, ReadModel model, Slot live, Slot target) {
        List<String> names = new ArrayList<>();
        List<String> definitions = new ArrayList<>();
        List<String[]> keys = new ArrayList<>();
        if (dialect == Dialect.POSTGRESQL) {
            for (String table : model.tables()) {
                String from = live.table(table);
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
                            names.add(renamed);
                            definitions.add("CREATE " + (m.group(1) == null ? "" : m.group(1)) + "INDEX IF NOT EXISTS "
                                    + renamed + " ON " + (m.group(3) == null ? "" : m.group(3) + ".") + to + " "
                                    + m.group(5));
                        }, from);
            }
            for (String table : model.appendOnly()) {
                String from = live.table(table);
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
                            keys.add(new String[] {to, renamed, rs.getString(2)});
                        }, from);
            }
        }
        return new DeferredIndexes(jdbc, List.copyOf(names), List.copyOf(definitions), List.copyOf(keys));
    }

    /** Drops the indexes and keys (those that exist). */
    void drop() {
        names.forEach(name -> jdbc.execute("DROP INDEX IF EXISTS " + name));
        keys.forEach(key -> jdbc.execute("ALTER TABLE " + key[0] + " DROP CONSTRAINT IF EXISTS " + key[1]));
    }

    /**
     * The builds of the keys and indexes (those that do not exist), each in one sorted pass and a transaction of its
     * own: the keys first. They may run side by side (PostgreSQL has a key's build wait for an index build on the same
     * table, and the other way round).
     */
    List<Runnable> builds(TransactionTemplate transactions) {
        List<Runnable> builds = new ArrayList<>();
        for (String[] key : keys) {
            builds.add(() -> transactions.executeWithoutResult(tx -> {
                Integer present = jdbc.queryForObject("SELECT COUNT(*) FROM pg_constraint c JOIN pg_namespace n"
                        + " ON n.oid = c.connamespace WHERE n.nspname = current_schema() AND c.conname = ?",
                        Integer.class, key[1]);
                if (present == null || present == 0) {
                    jdbc.execute("SET LOCAL maintenance_work_mem = '256MB'");
                    jdbc.execute("SET LOCAL max_parallel_maintenance_workers = 0");
                    jdbc.execute("ALTER TABLE " + key[0] + " ADD CONSTRAINT " + key[1] + " " + key[2]);
                }
            }));
        }
        for (String definition : definitions) {
            builds.add(() -> transactions.executeWithoutResult(tx -> {
                jdbc.execute("SET LOCAL maintenance_work_mem = '256MB'");
                jdbc.execute("SET LOCAL max_parallel_maintenance_workers = 0");
                jdbc.execute(definition);
            }));
        }
        return builds;
    }
}
