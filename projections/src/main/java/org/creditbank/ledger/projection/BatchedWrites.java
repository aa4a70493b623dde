package org.creditbank.ledger.projection;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A projection's writes, collected over the unit of work and sent when it prepares to commit (in its transaction):
 * one unit of work is one command live, or one batch of a processor's events during a rebuild. Each table's statements
 * run in the order they were written, consecutive identical statements as one JDBC batch; the tables of one
 * projection must not depend on each other's rows, so that their statements may run table by table.
 *
 * <p>Outside a unit of work a write runs at once.
 */
public final class BatchedWrites {

    private final JdbcTemplate jdbc;
    private final String key;

    /** @param owner the projection instance whose writes these are (one set of writes per instance and unit of work) */
    public BatchedWrites(JdbcTemplate jdbc, Object owner) {
        this.jdbc = jdbc;
        this.key = BatchedWrites.class.getName() + "@" + System.identityHashCode(owner);
    }

    /** Writes a row change to a table, now or when the unit of work commits. */
    public void write(String table, String sql, Object... args) {
        if (!CurrentUnitOfWork.isStarted()) {
            jdbc.update(sql, args);
            return;
        }
        // The unit of work that processes the events (a processor's batch; nested in the command's when live).
        UnitOfWork<?> processing = CurrentUnitOfWork.get();
        Pending pending = processing.getOrComputeResource(key, k -> {
            Pending created = new Pending();
            processing.onPrepareCommit(u -> created.flush(jdbc));
            return created;
        });
        pending.add(table, sql, args);
    }

    private static final class Pending {
        private final Map<String, List<Object[]>> byTable = new LinkedHashMap<>();
        private final Map<String, List<String>> sqlByTable = new LinkedHashMap<>();

        void add(String table, String sql, Object[] args) {
            byTable.computeIfAbsent(table, t -> new ArrayList<>()).add(args);
            sqlByTable.computeIfAbsent(table, t -> new ArrayList<>()).add(sql);
        }

        void flush(JdbcTemplate jdbc) {
            sqlByTable.forEach((table, statements) -> {
                List<Object[]> args = byTable.get(table);
                int from = 0;
                for (int i = 1; i <= statements.size(); i++) {
                    if (i == statements.size() || !statements.get(i).equals(statements.get(from))) {
                        if (i - from == 1) {
                            jdbc.update(statements.get(from), args.get(from));
                        } else {
                            jdbc.batchUpdate(statements.get(from), args.subList(from, i));
                        }
                        from = i;
                    }
                }
            });
            byTable.clear();
            sqlByTable.clear();
        }
    }
}
