package org.creditbank.ledger.projection.register;

import org.creditbank.ledger.readmodel.Slot;
import org.axonframework.eventhandling.EventHandler;
import org.creditbank.ledger.branch.BranchEvent.BranchClosed;
import org.creditbank.ledger.branch.BranchEvent.BranchRegistered;
import org.creditbank.ledger.branch.BranchEvent.BranchReinstated;
import org.creditbank.ledger.branch.BranchEvent.BranchSuspended;
import org.creditbank.ledger.branch.BranchEvent.OfficerAppointed;
import org.creditbank.ledger.branch.BranchEvent.OfficerRemoved;
import org.creditbank.ledger.branch.BranchEvent.OfficerSubjectBound;
import org.creditbank.ledger.branch.BranchStatus;
import org.axonframework.modelling.command.ConcurrencyException;
import org.creditbank.ledger.branch.BranchRole;
import org.springframework.jdbc.core.JdbcTemplate;
import java.util.function.Supplier;

import java.util.Arrays;
import java.util.List;

import static org.creditbank.ledger.readmodel.Sql.at;

/**
 * The branch register: the tree, each branch's status and lineage, and who is appointed where. It backs the
 * {@link org.creditbank.ledger.branch.BranchDirectory} the rules consult, so it is updated in the same transaction
 * as the branch events.
 */
public class BranchRegisterProjection {

    private final JdbcTemplate jdbc;
    private final Supplier<Slot> slot;

    /** @param slot the register's slot, asked at each use (a rebuild switches the live one) */
    public BranchRegisterProjection(JdbcTemplate jdbc, Supplier<Slot> slot) {
        this.jdbc = jdbc;
        this.slot = slot;
    }

    @EventHandler
    void on(BranchRegistered e) {
        String lineage = e.parentCode() == null ? "/" + e.branchCode() + "/"
                : jdbc.queryForObject(slot.get().sql(
                        "SELECT lineage FROM {branch} WHERE code = ?"), String.class, e.parentCode())
                  + e.branchCode() + "/";
        jdbc.update(slot.get().sql(
                "INSERT INTO {branch} (code, name, tier, parent_code, division_code, status, lineage,"
                        + " registered_at, registered_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                e.branchCode(), e.name(), e.tier(), e.parentCode(), e.divisionCode(), BranchStatus.ACTIVE.name(),
                lineage, at(e.at()), e.registeredBy());
        if (e.parentCode() == null) {
            // The key of this one-row table makes a second provincial centre impossible, even under concurrency.
            jdbc.update(slot.get().sql(
                    "INSERT INTO {provincial_centre} (singleton, code) VALUES ('X', ?)"), e.branchCode());
        }
    }

    @EventHandler
    void on(OfficerAppointed e) {
        // Appointments recorded before roles existed grant every role.
        List<String> roles = e.roles() == null ? Arrays.stream(BranchRole.values()).map(Enum::name).toList()
                : e.roles();
        jdbc.update(slot.get().sql(
                "INSERT INTO {branch_officer} (officer_id, branch_code, name, appointed_at, appointed_by, roles,"
                        + " system_client) VALUES (?, ?, ?, ?, ?, ?, ?)"), e.officerId(), e.branchCode(),
                e.officerName(), at(e.at()), e.appointedBy(), String.join(",", roles), e.system());
        if (e.subject() != null) {
            // One person, one officer id: the keys refuse a second officer for a subject even under concurrency; a
            // repeated binding (a second appointment) changes nothing, and another subject bound meanwhile means the
            // rule was decided on a stale register: the command is repeated and decided again.
            String bound = jdbc.queryForList(slot.get().sql(
                    "SELECT subject FROM {officer_subject} WHERE officer_id = ?"), String.class,
                    e.officerId()).stream().findFirst().orElse(null);
            if (bound == null) {
                jdbc.update(slot.get().sql(
                        "INSERT INTO {officer_subject} (officer_id, subject) VALUES (?, ?)"), e.officerId(),
                        e.subject());
            } else if (!bound.equals(e.subject())) {
                throw new ConcurrencyException("officer " + e.officerId() + " was bound to another subject meanwhile");
            }
        }
    }

    @EventHandler
    void on(OfficerSubjectBound e) {
        jdbc.update(slot.get().sql("DELETE FROM {officer_subject} WHERE officer_id = ?"), e.officerId());
        jdbc.update(slot.get().sql(
                "INSERT INTO {officer_subject} (officer_id, subject) VALUES (?, ?)"), e.officerId(), e.subject());
    }

    @EventHandler
    void on(OfficerRemoved e) {
        jdbc.update(slot.get().sql(
                "DELETE FROM {branch_officer} WHERE officer_id = ? AND branch_code = ?"), e.officerId(),
                e.branchCode());
    }

    @EventHandler
    void on(BranchSuspended e) {
        status(e.branchCode(), BranchStatus.SUSPENDED);
    }

    @EventHandler
    void on(BranchReinstated e) {
        status(e.branchCode(), BranchStatus.ACTIVE);
    }

    @EventHandler
    void on(BranchClosed e) {
        status(e.branchCode(), BranchStatus.CLOSED);
    }

    private void status(String code, BranchStatus status) {
        jdbc.update(slot.get().sql("UPDATE {branch} SET status = ? WHERE code = ?"), status.name(), code);
    }
}
