package org.creditbank.ledger.projection.register;

import org.creditbank.ledger.readmodel.ReadModel;
import org.creditbank.ledger.readmodel.SlotTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/** The branch register read model: branches, the provincial centre, appointments and officers' sign-in subjects. */
public final class BranchRegisterReadModel {

    /** Its name. */
    public static final String NAME = "branch-register";

    private BranchRegisterReadModel() {
    }

    /** Its declaration: fed in the command's transaction (the rules consult it, and its keys decide races). */
    public static ReadModel declaration(JdbcTemplate jdbc) {
        return ReadModel.named(NAME)
                .template(SlotTemplate.of(BranchRegisterReadModel.class, "branch-register"))
                .projection(slot -> new BranchRegisterProjection(jdbc, slot))
                .inCommandTransaction()
                .build();
    }
}
