package db.migration.common;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Active learners counted ahead per jurisdiction and period, in every slot of the statistics read model. They are
 * filled from the facts by {@link V12__statistics_as_of}, with the day each learner was first counted.
 */
public class V11__statistics_reach extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        ReadModelSlots.create(context, "statistics-reach.sql", "", "_b", "_scratch");
    }
}
