package org.creditbank.ledger.group;

import org.creditbank.ledger.achievement.AchievementKind;
import org.creditbank.ledger.achievement.Credits;
import org.creditbank.ledger.conversion.NetworkRules;
import org.creditbank.ledger.rule.InvalidField;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The terms of the network's learning-points rule: which kinds of non-academic learning earn points, and how many
 * whole points a standard credit deposited earns (fractions of a point are not earned).
 */
public record PointsTerms(List<AchievementKind> kinds, BigDecimal pointsPerCredit, LocalDate effectiveFrom,
                          LocalDate effectiveUntil) implements NetworkRules.Terms {

    public PointsTerms {
        if (kinds == null || kinds.isEmpty() || kinds.stream().anyMatch(Objects::isNull)) {
            throw new InvalidField("kinds", "names no kind of learning, or an empty entry");
        }
        kinds = List.copyOf(kinds);
        try {
            new Credits(InvalidField.require("pointsPerCredit", pointsPerCredit), "BANK_CREDIT");
        } catch (InvalidField e) {
            throw new InvalidField("pointsPerCredit", e.reason());
        }
        InvalidField.require("effectiveFrom", effectiveFrom);
        if (effectiveUntil != null && effectiveUntil.isBefore(effectiveFrom)) {
            throw new InvalidField("effectiveUntil", "is before effectiveFrom " + effectiveFrom);
        }
    }

    /** The whole points these standard credits earn. */
    public BigDecimal pointsFor(BigDecimal credits) {
        return credits.multiply(pointsPerCredit).setScale(0, RoundingMode.DOWN);
    }

    /** Whether the terms are in force on the date. */
    public boolean covers(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveUntil == null || !date.isAfter(effectiveUntil));
    }
}
