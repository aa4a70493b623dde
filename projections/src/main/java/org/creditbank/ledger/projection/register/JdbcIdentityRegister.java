package org.creditbank.ledger.projection.register;

import org.creditbank.ledger.readmodel.BatchReads;
import org.creditbank.ledger.readmodel.Slot;
import org.creditbank.ledger.learner.IdentityRegister;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import java.util.function.Supplier;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
        return BatchReads.once(() -> jdbc.queryForList(slot.get().sql(
                "SELECT learner_number FROM {learner_identity} WHERE identity_hash = ?"), String.class,
                identityHash).stream().findFirst(), "identity", identityHash);
    }

    /** One round trip for them all: a new person's seven hashes (a resident ID's canonical and former) hold none. */
    @Override
    public Optional<String> accountForAny(List<String> identityHashes) {
        if (identityHashes.size() == 1) {
            return accountFor(identityHashes.get(0));
        }
        Map<String, String> held = new HashMap<>();
        jdbc.query(slot.get().sql("SELECT identity_hash, learner_number FROM {learner_identity} WHERE identity_hash IN ("
                + String.join(", ", Collections.nCopies(identityHashes.size(), "?")) + ")"),
                (RowCallbackHandler) rs -> held.put(rs.getString(1), rs.getString(2)), identityHashes.toArray());
        return identityHashes.stream().map(held::get).filter(Objects::nonNull).findFirst();
    }

    @Override
    public Optional<String> accountSignedInBy(String subject) {
        return jdbc.queryForList(slot.get().sql(
                "SELECT learner_number FROM {learner_sign_in} WHERE subject = ?"), String.class,
                subject).stream().findFirst();
    }
}
