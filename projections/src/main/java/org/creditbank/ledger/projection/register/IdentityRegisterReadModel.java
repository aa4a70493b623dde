package org.creditbank.ledger.projection.register;

import org.creditbank.ledger.readmodel.BulkReplay;
import org.creditbank.ledger.readmodel.ReadModel;
import org.creditbank.ledger.readmodel.SlotTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/** The identity register read model: one account per person, one account per sign-in subject. */
public final class IdentityRegisterReadModel {

    /** Its name. */
    public static final String NAME = "identity-register";

    private IdentityRegisterReadModel() {
    }

    /**
     * Its declaration: fed in the command's transaction (the rules consult it, and its keys decide races); over the
     * whole store, a batch's accounts written together.
     */
    public static ReadModel declaration(JdbcTemplate jdbc) {
        return ReadModel.named(NAME)
                .template(SlotTemplate.of(IdentityRegisterReadModel.class, "identity-register"))
                .projection(slot -> new IdentityRegisterProjection(jdbc, slot))
                .bulk(slot -> BulkReplay.of(IdentityRegisterProjection.batched(jdbc, () -> slot)))
                .inCommandTransaction()
                .appendOnly("learner_identity")
                // A binding replaces the learner's earlier one: found by learner.
                .replayIndexes("learner_sign_in_learner_ix")
                .build();
    }
}
