package org.creditbank.ledger.projection.actlog;

import org.creditbank.ledger.readmodel.ReadModel;
import org.creditbank.ledger.readmodel.SlotTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/** The act log read model: who did what. */
public final class ActLogReadModel {

    /** Its name. */
    public static final String NAME = "act-log";

    private ActLogReadModel() {
    }

    /** Its declaration: fed in the command's transaction. */
    public static ReadModel declaration(JdbcTemplate jdbc) {
        return ReadModel.named(NAME)
                .template(SlotTemplate.of(ActLogReadModel.class, "act-log"))
                .projection(slot -> new ActLogProjection(jdbc, slot))
                // Each act is one row keyed by its event: order does not matter, so a rebuild takes one segment per
                // core.
                .inCommandTransaction(Runtime.getRuntime().availableProcessors())
                .appendOnly("ledger_act")
                .build();
    }
}
