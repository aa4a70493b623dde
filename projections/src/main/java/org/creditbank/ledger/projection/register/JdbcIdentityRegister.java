package org.creditbank.ledger.projection.register;

import org.creditbank.ledger.learner.IdentityRegister;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Optional;

/** The identity register the opening rule consults: keyed identity hash to learner number. */
public class JdbcIdentityRegister implements IdentityRegister {

    private final JdbcTemplate jdbc;

    public JdbcIdentityRegister(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> accountFor(String identityHash) {
        return jdbc.queryForList("SELECT learner_number FROM learner_identity WHERE identity_hash = ?", String.class,
                identityHash).stream().findFirst();
    }

    @Override
    public Optional<String> accountSignedInBy(String subject) {
        return jdbc.queryForList("SELECT learner_number FROM learner_sign_in WHERE subject = ?", String.class,
                subject).stream().findFirst();
    }
}
