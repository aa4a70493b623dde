package org.creditbank.ledger.projection.points;

import org.axonframework.eventhandling.EventHandler;
import org.creditbank.ledger.eventstore.JsonColumns;
import org.creditbank.ledger.group.GroupEvent.GroupFormed;
import org.creditbank.ledger.group.GroupEvent.InvitationAccepted;
import org.creditbank.ledger.group.GroupEvent.MemberInvited;
import org.creditbank.ledger.group.GroupEvent.MemberLeft;
import org.creditbank.ledger.group.GroupEvent.MembershipMerged;
import org.creditbank.ledger.group.GroupEvent.PointsTransferred;
import org.creditbank.ledger.group.GroupRefusals.InsufficientPoints;
import org.creditbank.ledger.group.PointsEarned;
import org.creditbank.ledger.group.PointsMerged;
import org.creditbank.ledger.group.PointsRule.PointsRulePublished;
import org.creditbank.ledger.learner.AccountEvent.AccountOpened;
import org.creditbank.ledger.readmodel.PerUnitOfWork;
import org.creditbank.ledger.readmodel.RowInserts;
import org.creditbank.ledger.readmodel.Slot;
import org.creditbank.ledger.readmodel.Sql;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Learning points: balances and their double entries, groups and members, each learner's one family, and the points
 * rules. Fed in the command's transaction; a debit is guarded (the balance must cover it) so that no balance goes
 * below zero whatever races, and the family key allows one family per learner.
 */
public class PointsProjection {

    private final JdbcTemplate jdbc;
    private final Supplier<Slot> slot;

    /** @param slot the read model's slot, asked at each use (a rebuild switches the live one) */
    public PointsProjection(JdbcTemplate jdbc, Supplier<Slot> slot) {
        this.jdbc = jdbc;
        this.slot = slot;
    }

    /**
     * The accounts opened in the unit of work, their balance rows inserted together when it commits (a rebuild's batch
     * of thousands, or a command's one) or before any other write to a balance.
     */
    private final class Opened {
        private final List<Object[]> rows = new ArrayList<>();

        void flush() {
            RowInserts.insert(jdbc, slot.get().table("points_balance"), BALANCE, rows);
            rows.clear();
        }
    }

    private static final List<String> BALANCE = List.of("learner_number", "opening_branch", "balance");
    private final String key = PointsProjection.class.getName() + "@" + System.identityHashCode(this);

    private Opened opened() {
        return PerUnitOfWork.state(key, Opened::new, Opened::flush);
    }

    @EventHandler
    void on(AccountOpened e) {
        Opened opened = opened();
        Object[] row = {e.learnerNumber(), e.branchCode(), BigDecimal.ZERO};
        if (opened == null) {
            RowInserts.insert(jdbc, slot.get().table("points_balance"), BALANCE, List.<Object[]>of(row));
        } else {
            opened.rows.add(row);
        }
    }

    /** The balance rows of the accounts opened so far in the unit of work, written before a balance changes. */
    private void balancesWritten() {
        Opened opened = opened();
        if (opened != null) {
            opened.flush();
        }
    }

    @EventHandler
    void on(PointsRulePublished e) {
        jdbc.update(slot.get().sql("INSERT INTO {points_rule} (rule_id, version, terms, published_at)"
                + " VALUES (?, ?, ?, ?)"), e.ruleId(), e.version(), JsonColumns.json(e.terms()), Sql.at(e.at()));
    }

    @EventHandler
    void on(PointsEarned e) {
        credit(e.learnerNumber(), e.points());
        entry(e.learnerNumber(), e.achievementId(), "EARNED", e.points(), null, null, e.at());
    }

    @EventHandler
    void on(GroupFormed e) {
        Slot s = slot.get();
        jdbc.update(s.sql("INSERT INTO {points_group} (group_id, kind, name, formed_at) VALUES (?, ?, ?, ?)"),
                e.groupId(), e.kind(), e.name(), Sql.at(e.at()));
        jdbc.update(s.sql("INSERT INTO {points_member} (group_id, learner_number, generation, status)"
                + " VALUES (?, ?, ?, 'MEMBER')"), e.groupId(), e.founder(), e.generation());
        if ("FAMILY".equals(e.kind())) {
            joinFamily(e.founder(), e.groupId());
        }
    }

    @EventHandler
    void on(MemberInvited e) {
        // A member who left may be invited again: their row is reused.
        placed(e.groupId(), e.learnerNumber(), e.generation(), "INVITED");
    }

    @EventHandler
    void on(InvitationAccepted e) {
        Slot s = slot.get();
        jdbc.update(s.sql("UPDATE {points_member} SET status = 'MEMBER' WHERE group_id = ? AND learner_number = ?"),
                e.groupId(), e.learnerNumber());
        String kind = jdbc.queryForObject(s.sql("SELECT kind FROM {points_group} WHERE group_id = ?"), String.class,
                e.groupId());
        if ("FAMILY".equals(kind)) {
            joinFamily(e.learnerNumber(), e.groupId());
        }
    }

    @EventHandler
    void on(MemberLeft e) {
        departed(e.groupId(), e.learnerNumber(), "LEFT");
    }

    /** A learner's place in a group, as a member or invited: its row, reused if they were there before. */
    private void placed(String group, String learner, Integer generation, String status) {
        Slot s = slot.get();
        if (jdbc.update(s.sql("UPDATE {points_member} SET generation = ?, status = ? WHERE group_id = ?"
                + " AND learner_number = ?"), generation, status, group, learner) == 0) {
            jdbc.update(s.sql("INSERT INTO {points_member} (group_id, learner_number, generation, status)"
                    + " VALUES (?, ?, ?, ?)"), group, learner, generation, status);
        }
    }

    /** A learner no longer in a group (its row keeps why), nor in its family. */
    private void departed(String group, String learner, String status) {
        Slot s = slot.get();
        jdbc.update(s.sql("UPDATE {points_member} SET status = ? WHERE group_id = ? AND learner_number = ?"), status,
                group, learner);
        jdbc.update(s.sql("DELETE FROM {points_family} WHERE learner_number = ? AND group_id = ?"), learner, group);
    }

    /**
     * A merged account's place in a group: its row reads MERGED; the survivor takes the place (and, in a family, the
     * family) unless the merge ended it.
     */
    @EventHandler
    void on(MembershipMerged e) {
        departed(e.groupId(), e.mergedNumber(), "MERGED");
        if ("ENDED".equals(e.status())) {
            return;
        }
        placed(e.groupId(), e.survivorNumber(), e.generation(), e.status());
        String kind = jdbc.queryForObject(slot.get().sql("SELECT kind FROM {points_group} WHERE group_id = ?"), String.class,
                e.groupId());
        if ("MEMBER".equals(e.status()) && "FAMILY".equals(kind)) {
            joinFamily(e.survivorNumber(), e.groupId());
        }
    }

    /** A merged account's points moved to the survivor: two lines, the debit guarded by the merged balance. */
    @EventHandler
    void on(PointsMerged e) {
        move(e.mergedNumber(), e.learnerNumber(), e.points());
        entry(e.mergedNumber(), "merge/" + e.learnerNumber(), "MERGED_OUT", e.points().negate(), null,
                e.learnerNumber(), e.at());
        entry(e.learnerNumber(), "merge/" + e.mergedNumber(), "MERGED_IN", e.points(), null, e.mergedNumber(),
                e.at());
    }

    /** A transfer: the giver's line and the receiver's, the debit guarded by the giver's balance. */
    @EventHandler
    void on(PointsTransferred e) {
        move(e.from(), e.to(), e.points());
        // A transfer id is the giver's within a group: the reference names both.
        String reference = e.groupId() + "/" + e.transferId();
        entry(e.from(), reference, "GIVEN", e.points().negate(), e.groupId(), e.to(), e.at());
        entry(e.to(), reference, "RECEIVED", e.points(), e.groupId(), e.from(), e.at());
    }

    /** Debits one balance, guarded (it must cover the points: a race lost refuses the act), and credits another. */
    private void move(String from, String to, BigDecimal points) {
        balancesWritten();
        int debited = jdbc.update(slot.get().sql("UPDATE {points_balance} SET balance = balance - ?"
                + " WHERE learner_number = ? AND balance >= ?"), points, from, points);
        if (debited == 0) {
            BigDecimal balance = jdbc.queryForList(slot.get().sql("SELECT balance FROM {points_balance}"
                    + " WHERE learner_number = ?"), BigDecimal.class, from).stream().findFirst()
                    .orElse(BigDecimal.ZERO);
            throw new InsufficientPoints(from, balance, points);
        }
        credit(to, points);
    }

    private void joinFamily(String learner, String group) {
        jdbc.update(slot.get().sql("INSERT INTO {points_family} (learner_number, group_id) VALUES (?, ?)"), learner,
                group);
    }

    private void credit(String learner, BigDecimal points) {
        balancesWritten();
        if (jdbc.update(slot.get().sql("UPDATE {points_balance} SET balance = balance + ? WHERE learner_number = ?"),
                points, learner) != 1) {
            throw new IllegalStateException("points credited to " + learner + ", who has no account");
        }
    }

    private void entry(String learner, String reference, String kind, BigDecimal points, String group,
                       String counterpart, Instant at) {
        jdbc.update(slot.get().sql("INSERT INTO {points_entry} (learner_number, reference, entry, points, group_id,"
                + " counterpart, entered_at) VALUES (?, ?, ?, ?, ?, ?, ?)"), learner, reference, kind, points, group,
                counterpart, Sql.at(at));
    }
}
