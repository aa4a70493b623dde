package org.creditbank.ledger.conversion;

import org.creditbank.ledger.achievement.Credits;
import org.creditbank.ledger.rule.InvalidField;

import java.math.BigDecimal;

/**
 * A programme as its institution defines it for conversion: its title, the unit of its credits, the credits it takes,
 * and the caps on credits converted into it for one learner.
 *
 * @param transferCap        the most credits converted into the programme in all (e.g. half of {@code totalCredits})
 * @param yearlyCap          the most converted in one calendar year (of the decision), or null for no such cap
 * @param awardingBodyCap    the most converted from the achievements of one awarding body, or null for no such cap
 */
public record ProgrammeTerms(String title, String unit, BigDecimal totalCredits, BigDecimal transferCap,
                             BigDecimal yearlyCap, BigDecimal awardingBodyCap) {

    public ProgrammeTerms {
        title = InvalidField.requireText("title", title, 255);
        new Credits(InvalidField.require("totalCredits", totalCredits), InvalidField.require("unit", unit));
        positive("transferCap", InvalidField.require("transferCap", transferCap));
        positive("yearlyCap", yearlyCap);
        positive("awardingBodyCap", awardingBodyCap);
        if (transferCap.compareTo(totalCredits) > 0) {
            throw new InvalidField("transferCap", "must not exceed the programme's total credits "
                    + totalCredits.toPlainString());
        }
    }

    private static void positive(String field, BigDecimal amount) {
        if (amount != null) {
            try {
                new Credits(amount, "BANK_CREDIT");
            } catch (InvalidField e) {
                throw new InvalidField(field, e.reason());
            }
        }
    }
}
