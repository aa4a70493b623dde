package db.migration.common;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The scratch slot of every rebuildable read model: written only inside transactions that roll back (the replay
 * check, as-of reconstructions), so it stays empty.
 */
public class V10__scratch_slots extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        ReadModelSlots.create(context, "archive.sql", "_scratch");
        ReadModelSlots.create(context, "act-log.sql", "_scratch");
        ReadModelSlots.create(context, "statistics.sql", "_scratch");
    }
}
