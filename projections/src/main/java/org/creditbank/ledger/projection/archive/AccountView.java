package org.creditbank.ledger.projection.archive;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A learner account as officers and the learner read it: status, contact, credit totals per unit system (from
 * certified achievements only) and every achievement.
 */
public record AccountView(String learnerNumber, String status, String mergedInto, String fullName, Contact contact,
                          Instant openedAt, String openingBranch, Instant closedAt, List<CreditTotal> creditTotals,
                          List<AchievementView> achievements) {

    /** How to reach the learner. */
    public record Contact(String phone, String email, String address) {
    }

    /** The sum of certified credits in one unit system; units are never added together. */
    public record CreditTotal(String unit, BigDecimal total, int achievements) {
    }
}
