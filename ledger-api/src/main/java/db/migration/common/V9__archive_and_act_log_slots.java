package db.migration.common;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Statement;

/**
 * Slot B of the lifelong archive and of the act log (slot A are the tables V3 and V6 created), and their rows in
 * {@code read_model}: both serve slot A until a rebuild switches them.
 */
public class V9__archive_and_act_log_slots extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        ReadModelSlots.create(context, "archive.sql", "_b");
        ReadModelSlots.create(context, "act-log.sql", "_b");
        try (Statement statement = context.getConnection().createStatement()) {
            statement.executeUpdate("INSERT INTO read_model (name, live_slot) VALUES ('archive', 'A'), ('act-log', 'A')");
        }
    }
}
