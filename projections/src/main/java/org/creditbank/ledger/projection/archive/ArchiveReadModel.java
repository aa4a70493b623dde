package org.creditbank.ledger.projection.archive;

import org.creditbank.ledger.learner.PersonalDataVault;
import org.creditbank.ledger.readmodel.ReadModel;
import org.creditbank.ledger.readmodel.SlotTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/** The lifelong archive read model: learner accounts, their achievements and the acts on each. */
public final class ArchiveReadModel {

    /** Its name. */
    public static final String NAME = "archive";

    private ArchiveReadModel() {
    }

    /** Its declaration: fed in the command's transaction (an officer reads what they just recorded). */
    public static ReadModel declaration(JdbcTemplate jdbc, PersonalDataVault vault) {
        return ReadModel.named(NAME)
                .template(SlotTemplate.of(ArchiveReadModel.class, "archive"))
                .projection(slot -> new ArchiveProjection(jdbc, vault, slot))
                // A merge moves a learner's achievements from one stream to another: one segment.
                .inCommandTransaction()
                .appendOnly("achievement_act")
                // A merge finds a learner's achievements by learner.
                .replayIndexes("achievement_learner_ix")
                .build();
    }
}
