package org.creditbank.ledger.projection.points;

import org.creditbank.ledger.readmodel.BatchReads;
import org.creditbank.ledger.achievement.AchievementKind;
import org.creditbank.ledger.conversion.NetworkRules;
import org.creditbank.ledger.eventstore.JsonColumns;
import org.creditbank.ledger.group.PointsLedger;
import org.creditbank.ledger.group.PointsTerms;
import org.creditbank.ledger.readmodel.Slot;
import org.creditbank.ledger.readmodel.Sql;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** The points ledger the group rules consult, and the reads of balances, entries and groups. */
public class JdbcPointsLedger implements PointsLedger {

    private final JdbcTemplate jdbc;
    private final Supplier<Slot> slot;

    public JdbcPointsLedger(JdbcTemplate jdbc, Supplier<Slot> slot) {
        this.jdbc = jdbc;
        this.slot = slot;
    }

    /** One line of a learner's points: earned, given or received, and with whom. */
    public record Entry(String reference, String entry, BigDecimal points, String groupId, String counterpart,
                        Instant at) {
    }

    /** A member of a group. */
    public record Member(String learnerNumber, Integer generation, String status) {
    }

    /** A group and its members. */
    public record GroupView(String groupId, String kind, String name, Instant formedAt, List<Member> members) {
    }

    @Override
    public boolean hasAccount(String learnerNumber) {
        return !jdbc.queryForList(slot.get().sql("SELECT 1 FROM {points_balance} WHERE learner_number = ?"),
                Integer.class, learnerNumber).isEmpty();
    }

    @Override
    public String openingBranchOf(String learnerNumber) {
        return jdbc.queryForObject(slot.get().sql("SELECT opening_branch FROM {points_balance}"
                + " WHERE learner_number = ?"), String.class, learnerNumber);
    }

    @Override
    public BigDecimal balanceOf(String learnerNumber) {
        return jdbc.queryForList(slot.get().sql("SELECT balance FROM {points_balance} WHERE learner_number = ?"),
                BigDecimal.class, learnerNumber).stream().findFirst().orElse(BigDecimal.ZERO);
    }

    @Override
    public Optional<String> familyOf(String learnerNumber) {
        return jdbc.queryForList(slot.get().sql("SELECT group_id FROM {points_family} WHERE learner_number = ?"),
                String.class, learnerNumber).stream().findFirst();
    }

    @Override
    public List<String> groupsOf(String learnerNumber) {
        return jdbc.queryForList(slot.get().sql("SELECT group_id FROM {points_member} WHERE learner_number = ?"
                + " AND status IN ('MEMBER', 'INVITED') ORDER BY group_id"), String.class, learnerNumber);
    }

    @Override
    public Optional<RuleInForce> pointsRuleInForce(AchievementKind kind, LocalDate on) {
        List<RuleInForce> versions = BatchReads.once(() -> jdbc.query(slot.get().sql(
                "SELECT rule_id, version, terms FROM {points_rule}"), (rs, i) -> new RuleInForce(rs.getString(1),
                rs.getInt(2), JsonColumns.read(rs.getString(3), PointsTerms.class))), "points-rules");
        return NetworkRules.inForce(versions, RuleInForce::ruleId, RuleInForce::version, RuleInForce::terms, kind, on);
    }

    /** A learner's entries, the latest first. */
    public List<Entry> entries(String learnerNumber, int limit) {
        return jdbc.query(slot.get().sql("SELECT * FROM {points_entry} WHERE learner_number = ?"
                        + " ORDER BY entered_at DESC, reference DESC, entry LIMIT ?"), (rs, i) -> new Entry(
                        rs.getString("reference"), rs.getString("entry"), rs.getBigDecimal("points"),
                        rs.getString("group_id"), rs.getString("counterpart"), Sql.instant(rs, "entered_at")),
                learnerNumber, limit);
    }

    /** A group with its members, if formed. */
    public Optional<GroupView> group(String groupId) {
        Slot s = slot.get();
        List<Member> members = jdbc.query(s.sql("SELECT * FROM {points_member} WHERE group_id = ?"
                        + " ORDER BY generation, learner_number"), (rs, i) -> new Member(rs.getString("learner_number"),
                        (Integer) rs.getObject("generation", Integer.class), rs.getString("status")), groupId);
        return jdbc.query(s.sql("SELECT * FROM {points_group} WHERE group_id = ?"), (rs, i) -> new GroupView(
                rs.getString("group_id"), rs.getString("kind"), rs.getString("name"), Sql.instant(rs, "formed_at"),
                members), groupId).stream().findFirst();
    }
}
