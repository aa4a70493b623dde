package db.migration.common;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/** The statistics read model in both slots (template {@code db/read-models/statistics.sql}). */
public class V7__statistics extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        ReadModelSlots.create(context, "statistics.sql");
    }
}
