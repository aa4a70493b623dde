package org.creditbank.ledger.projection.points;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.creditbank.ledger.achievement.AchievementKind;
import org.creditbank.ledger.group.PointsLedger;
import org.creditbank.ledger.group.PointsTerms;
import org.creditbank.ledger.readmodel.Slot;
import org.creditbank.ledger.readmodel.Sql;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    public Optional<RuleInForce> pointsRuleInForce(AchievementKind kind, LocalDate on) {
        Map<String, RuleInForce> highest = new LinkedHashMap<>();
        jdbc.query(slot.get().sql("SELECT rule_id, version, terms FROM {points_rule} ORDER BY rule_id, version"),
                rs -> {
                    PointsTerms terms = read(rs.getString(3));
                    // The latest version begun by the date replaces the earlier ones, even once it ends.
                    if (!terms.effectiveFrom().isAfter(on)) {
                        highest.put(rs.getString(1), new RuleInForce(rs.getString(1), rs.getInt(2), terms));
                    }
                });
        return highest.values().stream().filter(r -> r.terms().covers(on))
                .filter(r -> r.terms().kinds().contains(kind))
                .min(Comparator.comparing((RuleInForce r) -> r.terms().effectiveFrom()).reversed()
                        .thenComparing(RuleInForce::ruleId));
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

    private static PointsTerms read(String json) {
        try {
            return PointsProjection.JSON.readValue(json, PointsTerms.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a points rule in the read model could not be read", e);
        }
    }
}
