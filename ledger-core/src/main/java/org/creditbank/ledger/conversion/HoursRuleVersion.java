package org.creditbank.ledger.conversion;

import org.creditbank.ledger.achievement.AchievementKind;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** One version of a network hours rule, as the catalogue holds it. */
public record HoursRuleVersion(String ruleId, int version, HoursTerms terms) {

    /** Of every version of every hours rule, the one in force for a kind on a date ({@link NetworkRules#inForce}). */
    public static Optional<HoursRuleVersion> inForce(List<HoursRuleVersion> versions, AchievementKind kind,
                                                     LocalDate on) {
        return NetworkRules.inForce(versions, HoursRuleVersion::ruleId, HoursRuleVersion::version,
                HoursRuleVersion::terms, kind, on);
    }
}
