package org.creditbank.ledger.projection.register;

import org.creditbank.ledger.readmodel.Slot;
import org.creditbank.ledger.learner.IdentityRegister;
import org.springframework.jdbc.core.JdbcTemplate;
import java.util.function.Supplier;

import java.util.Optional;

/** The identity register the opening rule consults: keyed identity hash to learner number. */
public class JdbcIdentityRegister implements IdentityRegister {

    private final JdbcTemplate jdbc;
    private final Supplier<Slot> slot;

    /** @param slot the register's slot, asked at each use (a rebuild switches the live one) */
    public JdbcIdentityRegister(JdbcTemplate jdbc, Supplier<Slot> slot) {
        this.jdbc = jdbc;
        this.slot = slot;
    }

    @Override
    public Optional<String> accountFor(String identityHash) {
        return jdbc.queryForList(slot.get().sql(
                "SELECT learner_number FROM {learner_identity} WHERE identity_hash = ?"), String.class,
                identityHash).stream().findFirst();
    }

    @Override
    public Optional<String> accountSignedInBy(String subject) {
        return jdbc.queryForList(slot.get().sql(
                "SELECT learner_number FROM {learner_sign_in} WHERE subject = ?"), String.class,
                subject).stream().findFirst();
    }
}
