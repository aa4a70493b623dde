package org.creditbank.ledger.conversion;

import org.creditbank.ledger.achievement.AchievementKind;
import org.creditbank.ledger.achievement.Credits;
import org.creditbank.ledger.rule.InvalidField;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/**
 * The terms of the network's rule that turns hours of non-degree learning into the bank's standard credits: which
 * kinds it takes, how many hours make a credit, the most credits it converts for one learner in a calendar year, and
 * how a result is rounded — all exact decimals.
 *
 * @param hoursPerCredit learning hours per BANK_CREDIT (commonly 16 to 18)
 * @param yearlyCap      the most BANK_CREDIT converted from hours for one learner in a calendar year
 * @param scale          decimal places a conversion is rounded to (0 to 4)
 * @param rounding       {@code DOWN} (never more than earned), {@code HALF_UP} or {@code HALF_EVEN}
 */
public record HoursTerms(List<AchievementKind> kinds, BigDecimal hoursPerCredit, BigDecimal yearlyCap, int scale,
                         String rounding, LocalDate effectiveFrom, LocalDate effectiveUntil)
        implements NetworkRules.Terms {

    /** The roundings a rule may declare. */
    public static final List<String> ROUNDINGS = List.of("DOWN", "HALF_UP", "HALF_EVEN");

    public HoursTerms {
        if (kinds == null || kinds.isEmpty()) {
            throw new InvalidField("kinds", "names no kind of learning");
        }
        if (kinds.stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidField("kinds", "holds an empty entry");
        }
        kinds = List.copyOf(kinds);
        positive("hoursPerCredit", InvalidField.require("hoursPerCredit", hoursPerCredit));
        positive("yearlyCap", InvalidField.require("yearlyCap", yearlyCap));
        if (scale < 0 || scale > 4) {
            throw new InvalidField("scale", "must be 0 to 4 decimal places, got " + scale);
        }
        if (rounding == null || !ROUNDINGS.contains(rounding)) {
            throw new InvalidField("rounding", "must be one of " + String.join(", ", ROUNDINGS) + ", got "
                    + (rounding == null ? "nothing" : "\"" + rounding + "\""));
        }
        InvalidField.require("effectiveFrom", effectiveFrom);
        if (effectiveUntil != null && effectiveUntil.isBefore(effectiveFrom)) {
            throw new InvalidField("effectiveUntil", "is before effectiveFrom " + effectiveFrom);
        }
    }

    /** The standard credits these hours make, rounded as declared (before any cap). */
    public BigDecimal creditsFor(BigDecimal hours) {
        return hours.divide(hoursPerCredit, scale, RoundingMode.valueOf(rounding));
    }

    /** Whether the terms are in force on the date. */
    public boolean covers(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveUntil == null || !date.isAfter(effectiveUntil));
    }

    private static void positive(String field, BigDecimal amount) {
        try {
            new Credits(amount, "BANK_CREDIT");
        } catch (InvalidField e) {
            throw new InvalidField(field, e.reason());
        }
    }
}
