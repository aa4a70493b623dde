package org.creditbank.ledger.conversion;

import org.creditbank.ledger.achievement.AchievementKind;
import org.creditbank.ledger.achievement.AchievementStanding;

import java.math.BigDecimal;

/**
 * A source achievement as the criteria of many rules are checked against it: what they compare, read once (its kind,
 * its details, its result as a number where it is one) rather than once per rule.
 */
record Candidate(AchievementStanding standing, AchievementKind kind, AchievementStanding.Details details,
                 BigDecimal numericResult) {

    private static final AchievementStanding.Details NONE = new AchievementStanding.Details(null, null, null, null,
            null, null);

    static Candidate of(AchievementStanding standing) {
        AchievementStanding.Details details = standing.details() != null ? standing.details() : NONE;
        BigDecimal numeric = null;
        if (details.resultValue() != null) {
            try {
                numeric = new BigDecimal(details.resultValue());
            } catch (NumberFormatException e) {
                numeric = null;
            }
        }
        return new Candidate(standing, standing.achievementKind(), details, numeric);
    }
}
