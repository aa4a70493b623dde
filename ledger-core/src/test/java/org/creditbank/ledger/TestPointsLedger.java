package org.creditbank.ledger;

import org.creditbank.ledger.achievement.AchievementKind;
import org.creditbank.ledger.conversion.NetworkRules;
import org.creditbank.ledger.group.PointsLedger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The points ledger of a specification: balances, families and points rules as the test gives them. */
public final class TestPointsLedger implements PointsLedger {

    private final Map<String, BigDecimal> balances = new HashMap<>();
    private final Map<String, String> families = new HashMap<>();
    private final List<RuleInForce> rules = new ArrayList<>();

    public TestPointsLedger balance(String learner, String points) {
        balances.put(learner, new BigDecimal(points));
        return this;
    }

    public TestPointsLedger family(String learner, String group) {
        families.put(learner, group);
        return this;
    }

    public TestPointsLedger rule(RuleInForce rule) {
        rules.add(rule);
        return this;
    }

    private final java.util.Set<String> unknown = new java.util.HashSet<>();

    /** Makes the learner number name no account. */
    public TestPointsLedger noAccount(String learner) {
        unknown.add(learner);
        return this;
    }

    @Override
    public boolean hasAccount(String learnerNumber) {
        return !unknown.contains(learnerNumber);
    }

    @Override
    public String openingBranchOf(String learnerNumber) {
        return "HZ-BRANCH";
    }

    @Override
    public BigDecimal balanceOf(String learnerNumber) {
        return balances.getOrDefault(learnerNumber, BigDecimal.ZERO);
    }

    @Override
    public Optional<String> familyOf(String learnerNumber) {
        return Optional.ofNullable(families.get(learnerNumber));
    }

    @Override
    public List<String> groupsOf(String learnerNumber) {
        return List.of();
    }

    @Override
    public Optional<RuleInForce> pointsRuleInForce(AchievementKind kind, LocalDate on) {
        return NetworkRules.inForce(rules, RuleInForce::ruleId, RuleInForce::version, RuleInForce::terms, kind, on);
    }
}
