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
 * The secondary indexes of a slot being rebuilt, dropped while its tables are filled and built again at the end: one
 * sorted build of an index costs a fraction of maintaining it row by row. Primary keys stay, as the replay updates
 * rows by key.
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

    private DeferredIndexes(JdbcTemplate jdbc, List<String> names, List<String> definitions) {
        this.jdbc = jdbc;
        this.names = names;
        this.definitions = definitions;
    }

    /** The secondary indexes of {@code target}'s tables, as the live slot has them. */
    static DeferredIndexes of(JdbcTemplate jdbc, Dialect dialect, ReadModel model, Slot live, Slot target) {
        List<String> names = new ArrayList<>();
        List<String> definitions = new ArrayList<>();
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
                            String renamed = to + name.substring(from.length());
                            names.add(renamed);
                            definitions.add("CREATE " + (m.group(1) == null ? "" : m.group(1)) + "INDEX IF NOT EXISTS "
                                    + renamed + " ON " + (m.group(3) == null ? "" : m.group(3) + ".") + to + " "
                                    + m.group(5));
                        }, from);
            }
        }
        return new DeferredIndexes(jdbc, List.copyOf(names), List.copyOf(definitions));
    }

    /** Drops the indexes (those that exist). */
    void drop() {
        names.forEach(name -> jdbc.execute("DROP INDEX IF EXISTS " + name));
    }

    /** Builds the indexes (those that do not exist), each in one sorted pass. */
    void create(TransactionTemplate transactions) {
        for (String definition : definitions) {
            transactions.executeWithoutResult(tx -> {
                jdbc.execute("SET LOCAL maintenance_work_mem = '256MB'");
                jdbc.execute(definition);
            });
        }
    }
}
