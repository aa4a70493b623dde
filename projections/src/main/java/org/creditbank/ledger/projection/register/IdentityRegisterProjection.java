package org.creditbank.ledger.projection.register;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.creditbank.ledger.learner.AccountEvent.AccountOpened;
import org.creditbank.ledger.learner.AccountEvent.SignInBound;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The identity register (keyed identity hash to account, sign-in subject to account) the opening and binding rules
 * consult and sign-in resolves through. Written in the command's own transaction: its keys make one account per
 * person, and one account per sign-in subject, hold under concurrency.
 */
@ProcessingGroup(IdentityRegisterProjection.GROUP)
public class IdentityRegisterProjection {

    /** The processing group that keeps the identity register. */
    public static final String GROUP = "identity-register";

    private final JdbcTemplate jdbc;

    public IdentityRegisterProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AccountOpened e) {
        jdbc.update("INSERT INTO learner_identity (identity_hash, learner_number) VALUES (?, ?)", e.identityHash(),
                e.learnerNumber());
    }

    @EventHandler
    void on(SignInBound e) {
        // An account signs in with one subject at a time: a new binding replaces the one before; a subject inherited
        // by the survivor of a merge leaves the merged account.
        jdbc.update("DELETE FROM learner_sign_in WHERE learner_number = ? OR subject = ?", e.learnerNumber(),
                e.subject());
        jdbc.update("INSERT INTO learner_sign_in (subject, learner_number) VALUES (?, ?)", e.subject(),
                e.learnerNumber());
    }
}
