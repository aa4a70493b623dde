package db.migration.common;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Statement;
import java.util.List;

/**
 * The statistical facts ({@code stat_fact}, every slot) without their primary key on (event identifier, ordinal).
 * Nothing reads a fact by it: facts are read by recorded time and by branch, through their own indexes. It guarded
 * against a fact written twice, which cannot happen: the statistics processor commits its token in the transaction
 * that writes the facts, and a rebuild writes into a cleared slot. Yet every fact paid for it: a random identifier
 * inserted into a B-tree as the processor writes, and the costliest of the facts' indexes for a rebuild to build.
 */
public class V17__statistics_facts_without_key extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement alter = context.getConnection().createStatement()) {
            for (String slot : List.of("", "_b", "_scratch")) {
                alter.execute("ALTER TABLE stat_fact" + slot + " DROP CONSTRAINT IF EXISTS stat_fact" + slot + "_pk");
            }
        }
    }
}
