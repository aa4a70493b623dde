package org.creditbank.ledger.projection.register;

import org.axonframework.eventhandling.EventHandler;
import org.creditbank.ledger.learner.AccountEvent.AccountOpened;
import org.creditbank.ledger.learner.AccountEvent.SignInBound;
import org.creditbank.ledger.readmodel.BatchedWrites;
import org.creditbank.ledger.readmodel.BatchedWrites.Columns;
import org.creditbank.ledger.readmodel.Slot;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.function.Supplier;

/**
 * The identity register (keyed identity hash to account, sign-in subject to account) the opening and binding rules
 * consult and sign-in resolves through. Live it writes at once, in the command's own transaction: its keys make one
 * account per person, and one account per sign-in subject, hold under concurrency. Over the whole store (a rebuild, a
 * replay check) it collects a batch's writes and sends them together: an account is opened per person there, and
 * nothing races.
 */
public class IdentityRegisterProjection {

    private static final Columns IDENTITY = Columns.of("identity_hash", "learner_number");

    private final JdbcTemplate jdbc;
    private final Supplier<Slot> slot;
    /** Writes collected over the unit of work; null live, where each writes at once. */
    private final BatchedWrites batched;

    /** @param slot the register's slot, asked at each use (a rebuild switches the live one) */
    public IdentityRegisterProjection(JdbcTemplate jdbc, Supplier<Slot> slot) {
        this(jdbc, slot, false);
    }

    private IdentityRegisterProjection(JdbcTemplate jdbc, Supplier<Slot> slot, boolean batched) {
        this.jdbc = jdbc;
        this.slot = slot;
        this.batched = batched ? new BatchedWrites(jdbc, this) : null;
    }

    /** The register fed over the whole store, a batch's writes sent together. */
    public static IdentityRegisterProjection batched(JdbcTemplate jdbc, Supplier<Slot> slot) {
        return new IdentityRegisterProjection(jdbc, slot, true);
    }

    @EventHandler
    void on(AccountOpened e) {
        if (batched != null) {
            batched.insert(slot.get().table("learner_identity"), null, IDENTITY, e.identityHash(), e.learnerNumber());
            return;
        }
        jdbc.update(slot.get().sql("INSERT INTO {learner_identity} (identity_hash, learner_number) VALUES (?, ?)"),
                e.identityHash(), e.learnerNumber());
    }

    @EventHandler
    void on(SignInBound e) {
        // An account signs in with one subject at a time: a new binding replaces the one before; a subject inherited
        // by the survivor of a merge leaves the merged account.
        write("learner_sign_in", "DELETE FROM {learner_sign_in} WHERE learner_number = ? OR subject = ?",
                e.learnerNumber(), e.subject());
        write("learner_sign_in", "INSERT INTO {learner_sign_in} (subject, learner_number) VALUES (?, ?)",
                e.subject(), e.learnerNumber());
    }

    private void write(String table, String sql, Object... args) {
        if (batched != null) {
            batched.write(slot.get().table(table), slot.get().sql(sql), args);
        } else {
            jdbc.update(slot.get().sql(sql), args);
        }
    }
}
