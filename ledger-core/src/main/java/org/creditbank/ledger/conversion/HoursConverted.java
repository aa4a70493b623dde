package org.creditbank.ledger.conversion;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * At its certification, an achievement's hours of non-degree learning were converted into standard credits by the
 * network hours rule in force: the rule version and its rate and rounding, the credits the hours made, and the
 * credits deposited once the yearly cap was applied ({@code AchievementCertified}, just before, deposited those in
 * BANK_CREDIT). On the learner's stream; a replay never applies the rule again.
 *
 * @param convertedOn the date of the conversion in the ledger's time zone: the year the cap counts it in
 */
@Revision("1")
public record HoursConverted(String learnerNumber, String achievementId, String ruleId, int ruleVersion,
                             BigDecimal hours, BigDecimal hoursPerCredit, int scale, String rounding,
                             BigDecimal credits, BigDecimal deposited, BigDecimal yearlyCap, LocalDate convertedOn,
                             String certifiedBy, String branchCode, Instant at) {
}
