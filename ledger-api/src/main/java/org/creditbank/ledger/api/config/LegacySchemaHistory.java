package org.creditbank.ledger.api.config;

import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Migrates the schema, first adopting a database made by the schema history before it was squashed.
 *
 * <p>That history ({@code flyway_schema_history}) ended at version 22; today's ({@code ledger_schema_history}) begins
 * with the same tables but for the read models, whose tables the read-model engine now makes from their templates. A
 * database at version 22 of the earlier history, without today's, has its read models' tables dropped in one
 * transaction ({@code db/adopt/from-version-22.sql}), then today's history baselined at version 6 (what versions 1 to
 * 6 make, it has; a start cut off between the two finds the earlier history still at 22 and does both again); the
 * migration then goes on from version 7, and the engine rebuilds every read model before
 * the node serves. A database at another version of the earlier history is refused: a ledger of that history brings it
 * to version 22 first.
 */
public final class LegacySchemaHistory implements FlywayMigrationStrategy {

    /** The earlier history's table. */
    static final String EARLIER = "flyway_schema_history";
    /** Its last version: what this ledger adopts. */
    static final String LAST_EARLIER_VERSION = "22";
    /** Today's version a database at the earlier history's last version is baselined at: it has what 1 to 6 make. */
    static final String ADOPTED_AS = "6";

    @Override
    public void migrate(Flyway flyway) {
        DataSource dataSource = flyway.getConfiguration().getDataSource();
        String schema = flyway.getConfiguration().getSchemas().length > 0
                ? flyway.getConfiguration().getSchemas()[0] : null;
        String table = flyway.getConfiguration().getTable();
        try (Connection connection = dataSource.getConnection()) {
            if (schema != null && !schemaExists(connection, schema)) {
                flyway.migrate();
                return;
            }
            String qualifier = schema == null ? "" : schema + ".";
            if (!tableExists(connection, schema, table) && tableExists(connection, schema, EARLIER)) {
                String version = lastVersion(connection, qualifier + "\"" + EARLIER + "\"");
                if (!LAST_EARLIER_VERSION.equals(version)) {
                    throw new IllegalStateException("this database's schema is at version " + version + " of the"
                            + " schema history before it was squashed; a ledger of that history (commit 64973e2)"
                            + " brings it to version " + LAST_EARLIER_VERSION + ", which this ledger adopts");
                }
                adopt(connection, schema);
                Flyway.configure().configuration(flyway.getConfiguration()).baselineVersion(ADOPTED_AS)
                        .baselineDescription("adopted from version " + LAST_EARLIER_VERSION + " of "
                                + EARLIER).load().baseline();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database's schema history: " + e.getMessage(), e);
        }
        flyway.migrate();
    }

    /** Drops the read models' tables of the earlier history, in one transaction. */
    private static void adopt(Connection connection, String schema) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        String path = connection.getSchema();
        connection.setAutoCommit(false);
        try {
            if (schema != null) {
                connection.setSchema(schema);
            }
            ScriptUtils.executeSqlScript(connection, new ClassPathResource("db/adopt/from-version-22.sql"));
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setSchema(path);
            connection.setAutoCommit(autoCommit);
        }
    }

    private static String lastVersion(Connection connection, String history) throws SQLException {
        String last = null;
        try (PreparedStatement select = connection.prepareStatement("SELECT \"version\" FROM " + history
                + " WHERE \"success\" AND \"version\" IS NOT NULL");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                String version = rs.getString(1);
                if (last == null || Integer.parseInt(version) > Integer.parseInt(last)) {
                    last = version;
                }
            }
        }
        return last;
    }

    private static boolean schemaExists(Connection connection, String schema) throws SQLException {
        try (ResultSet rs = connection.getMetaData().getSchemas(null, null)) {
            while (rs.next()) {
                if (rs.getString("TABLE_SCHEM").equalsIgnoreCase(schema)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean tableExists(Connection connection, String schema, String table) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String inSchema = schema != null ? schema : connection.getSchema();
        for (String name : new String[] {table, table.toUpperCase(java.util.Locale.ROOT)}) {
            for (String schemaName : new String[] {inSchema, inSchema == null ? null
                    : inSchema.toUpperCase(java.util.Locale.ROOT)}) {
                try (ResultSet rs = meta.getTables(null, schemaName, name, new String[] {"TABLE"})) {
                    if (rs.next()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
