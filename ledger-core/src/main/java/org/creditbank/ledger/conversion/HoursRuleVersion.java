package org.creditbank.ledger.conversion;

import org.creditbank.ledger.achievement.AchievementKind;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One version of a network hours rule, as the catalogue holds it. */
public record HoursRuleVersion(String ruleId, int version, HoursTerms terms) {

    /**
     * Of every version of every hours rule, the one in force for a kind on a date: of each rule, the latest version
     * begun by the date, if its own window still holds the date (a later version replaces the earlier ones from its
     * date on, even once it ends); of those that take the kind, the one in force from the latest date, then the lowest
     * rule id.
     */
    public static Optional<HoursRuleVersion> inForce(List<HoursRuleVersion> versions, AchievementKind kind,
                                                     LocalDate on) {
        // Of each rule, the latest version begun by the date (it replaces the earlier ones); then its own end.
        Map<String, HoursRuleVersion> highest = new LinkedHashMap<>();
        versions.stream().filter(v -> !v.terms().effectiveFrom().isAfter(on))
                .sorted(Comparator.comparingInt(HoursRuleVersion::version))
                .forEach(v -> highest.put(v.ruleId(), v));
        return highest.values().stream().filter(v -> v.terms().covers(on))
                .filter(v -> v.terms().kinds().contains(kind))
                .min(Comparator.comparing((HoursRuleVersion v) -> v.terms().effectiveFrom()).reversed()
                        .thenComparing(HoursRuleVersion::ruleId));
    }
}
