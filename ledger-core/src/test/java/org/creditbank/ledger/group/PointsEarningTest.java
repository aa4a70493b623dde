package org.creditbank.ledger.group;

import org.creditbank.ledger.AccountSpecification;
import org.creditbank.ledger.achievement.AchievementDetails;
import org.creditbank.ledger.achievement.AchievementEvent.AchievementCertified;
import org.creditbank.ledger.achievement.AchievementKind;
import org.creditbank.ledger.achievement.Credits;
import org.creditbank.ledger.achievement.ExternalReference;
import org.creditbank.ledger.conversion.HoursConverted;
import org.creditbank.ledger.conversion.HoursRuleVersion;
import org.creditbank.ledger.conversion.HoursTerms;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.creditbank.ledger.TestNetwork.HANGZHOU;

/** Certified non-academic learning earns whole learning points on the standard credits it deposits. */
class PointsEarningTest extends AccountSpecification {

    static final String ID = "ach-points01";

    @BeforeEach
    void rule() {
        points.rule(new PointsLedger.RuleInForce("ZJ-POINTS", 1, new PointsTerms(List.of(
                AchievementKind.COMMUNITY_LEARNING), new BigDecimal("10"), LocalDate.parse("2026-01-01"), null)));
    }

    @Test
    void certified_community_learning_earns_points_on_its_standard_credits() {
        AchievementDetails calligraphy = community(new Credits(new BigDecimal("3.55"), "BANK_CREDIT"));
        fixture.given(accountOpened(ANNA), recorded(ANNA, ID, calligraphy, ALICE))
                .when(certify(ANNA, ID, BOB))
                .expectEvents(certified(ANNA, ID, calligraphy, BOB), new PointsEarned(ANNA.value(), ID, "ZJ-POINTS", 1,
                        new BigDecimal("3.55"), new BigDecimal("35"), NOW));
    }

    @Test
    void hours_converted_first_earn_points_on_the_credits_they_made_and_academic_learning_earns_none() {
        catalogue.publish(new HoursRuleVersion("NET-HOURS", 1, new HoursTerms(List.of(
                AchievementKind.COMMUNITY_LEARNING), new BigDecimal("16"), new BigDecimal("4"), 1, "DOWN",
                LocalDate.parse("2026-01-01"), null)));
        AchievementDetails hours = community(new Credits(new BigDecimal("41"), "HOURS"));
        fixture.given(accountOpened(ANNA), recorded(ANNA, ID, hours, ALICE))
                .when(certify(ANNA, ID, BOB))
                .expectEvents(new AchievementCertified(ANNA.value(), ID, "bob", HANGZHOU, new BigDecimal("2.5"),
                                "BANK_CREDIT", NOW),
                        new HoursConverted(ANNA.value(), ID, "NET-HOURS", 1, new BigDecimal("41"), new BigDecimal("16"),
                                1, "DOWN", new BigDecimal("2.5"), new BigDecimal("2.5"), new BigDecimal("4"),
                                LocalDate.parse("2026-03-01"), "bob", HANGZHOU, NOW),
                        new PointsEarned(ANNA.value(), ID, "ZJ-POINTS", 1, new BigDecimal("2.5"), new BigDecimal("25"),
                                NOW));
        fixture.given(accountOpened(ANNA), recorded(ANNA, ID, course("LA-1"), ALICE))
                .when(certify(ANNA, ID, BOB))
                .expectEvents(certified(ANNA, ID, course("LA-1"), BOB));
    }

    private static AchievementDetails community(Credits credits) {
        return new AchievementDetails(AchievementKind.COMMUNITY_LEARNING, "Calligraphy", "Xihu Community College",
                null, LocalDate.parse("2026-02-01"), evidence(), credits, null, null, null,
                new ExternalReference("XCC", "CAL-1"), null);
    }
}
