package org.creditbank.ledger.group;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Learners' points balances and family memberships as the group rules see them. Implemented by a read model updated
 * in the same transaction as the events, whose keys decide races (one family per learner) and whose guarded debit
 * never takes a balance below zero.
 */
public interface PointsLedger {

    /** Whether the learner number names an account (open or not). */
    boolean hasAccount(String learnerNumber);

    /** The branch that opened the learner's account (an officer acts for a learner within its jurisdiction). */
    String openingBranchOf(String learnerNumber);

    /** The learner's points balance. */
    BigDecimal balanceOf(String learnerNumber);

    /** The family group the learner is in, if any. */
    Optional<String> familyOf(String learnerNumber);

    /** The groups the learner is a member of, or invited to. */
    java.util.List<String> groupsOf(String learnerNumber);

    /** The points rule in force for a kind of learning on a date: its id, version and terms. */
    Optional<RuleInForce> pointsRuleInForce(org.creditbank.ledger.achievement.AchievementKind kind,
                                            java.time.LocalDate on);

    /** A version of the points rule. */
    record RuleInForce(String ruleId, int version, PointsTerms terms) {
    }
}
