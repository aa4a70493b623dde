package org.creditbank.ledger.projection.points;

import org.creditbank.ledger.readmodel.ReadModel;
import org.creditbank.ledger.readmodel.SlotTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/** The learning-points read model: balances and entries, groups and members, families, points rules. */
public final class PointsReadModel {

    /** Its name. */
    public static final String NAME = "points";

    private PointsReadModel() {
    }

    /** Its declaration: fed in the command's transaction (the group rules consult it; its keys decide races). */
    public static ReadModel declaration(JdbcTemplate jdbc) {
        return ReadModel.named(NAME)
                .template(SlotTemplate.of(PointsReadModel.class, "points"))
                .projection(slot -> new PointsProjection(jdbc, slot))
                .inCommandTransaction()
                .build();
    }
}
