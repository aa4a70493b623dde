package org.creditbank.ledger.projection.learner;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.creditbank.ledger.learner.AccountEvent.AccountOpened;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The identity register (keyed identity hash to account) the opening rule consults. Written in the command's own
 * transaction: its key makes one account per person hold under concurrency.
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
}
