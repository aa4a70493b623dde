package org.creditbank.ledger.projection.register;

import org.creditbank.ledger.readmodel.ReadModel;
import org.creditbank.ledger.readmodel.SlotTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/** The certificate register read model: one learner per certificate. */
public final class CertificateRegisterReadModel {

    /** Its name. */
    public static final String NAME = "certificate-register";

    private CertificateRegisterReadModel() {
    }

    /** Its declaration: fed in the command's transaction (the rules consult it, and its key decides races). */
    public static ReadModel declaration(JdbcTemplate jdbc) {
        return ReadModel.named(NAME)
                .template(SlotTemplate.of(CertificateRegisterReadModel.class, "certificate-register"))
                .projection(slot -> new CertificateRegisterProjection(jdbc, slot))
                // A merge moves a learner's certificates by learner; a rejection or revocation releases one by
                // achievement.
                .replayIndexes("certificate_holder_learner_ix", "certificate_holder_achievement_ix")
                .inCommandTransaction()
                .build();
    }
}
