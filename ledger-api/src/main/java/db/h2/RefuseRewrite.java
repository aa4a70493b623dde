package db.h2;

import org.h2.api.Trigger;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Part of the embedded database's schema (migration {@code h2/V20__append_only}), not of the application: the row
 * trigger that refuses to change or remove a row of an append-only table, as PostgreSQL's {@code refuse_event_rewrite}
 * and {@code refuse_log_rewrite} do. H2 loads it by this name whenever a row of such a table is written, so its name
 * and meaning never change; it depends on nothing but the JDK and H2's trigger interface.
 */
public final class RefuseRewrite implements Trigger {

    /** PostgreSQL's {@code insufficient_privilege}, which its triggers raise too. */
    private static final String SQL_STATE = "42501";

    private String table;

    @Override
    public void init(Connection connection, String schema, String trigger, String table, boolean before, int type) {
        this.table = table.toLowerCase(Locale.ROOT);
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException(table + " is append-only: " + (newRow == null ? "DELETE" : "UPDATE") + " refused",
                SQL_STATE);
    }
}
