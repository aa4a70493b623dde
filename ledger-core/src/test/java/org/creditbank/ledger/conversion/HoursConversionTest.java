package org.creditbank.ledger.conversion;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.creditbank.ledger.AccountSpecification;
import org.creditbank.ledger.achievement.AchievementCommands.CorrectAchievement;
import org.creditbank.ledger.achievement.AchievementCorrection;
import org.creditbank.ledger.achievement.AchievementDetails;
import org.creditbank.ledger.achievement.AchievementEvent.AchievementCertified;
import org.creditbank.ledger.achievement.AchievementEvent.AchievementRevoked;
import org.creditbank.ledger.achievement.AchievementKind;
import org.creditbank.ledger.achievement.Credits;
import org.creditbank.ledger.achievement.ExternalReference;
import org.creditbank.ledger.branch.Jurisdiction;
import org.creditbank.ledger.conversion.CatalogueCommands.PublishHoursRule;
import org.creditbank.ledger.conversion.CatalogueEvent.HoursRulePublished;
import org.creditbank.ledger.conversion.ConversionRefusals.AmendmentNeedsReason;
import org.creditbank.ledger.conversion.ConversionRefusals.HoursConvertedAlready;
import org.creditbank.ledger.conversion.ConversionRefusals.NotTheCentre;
import org.creditbank.ledger.rule.InvalidField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.creditbank.ledger.TestNetwork.CENTRE;
import static org.creditbank.ledger.TestNetwork.HANGZHOU;

/**
 * Hours of non-degree learning deposited as standard credits at certification, by the network hours rule in force:
 * the rate, the declared rounding, and the learner's yearly cap, in exact decimals.
 */
class HoursConversionTest extends AccountSpecification {

    static final LocalDate TODAY = LocalDate.parse("2026-03-01");
    /** 16 hours a credit, rounded down to a tenth, at most 4 credits a year. */
    static final HoursTerms SIXTEEN = new HoursTerms(List.of(AchievementKind.COMMUNITY_LEARNING,
            AchievementKind.ELDERLY_EDUCATION), new BigDecimal("16"), new BigDecimal("4"), 1, "DOWN",
            LocalDate.parse("2026-01-01"), null);
    static final String FIRST = "ach-hours001";
    static final String SECOND = "ach-hours002";

    @BeforeEach
    void networkRule() {
        catalogue.publish(new HoursRuleVersion("NET-HOURS", 1, SIXTEEN));
    }

    @Test
    void hours_are_deposited_as_the_standard_credits_they_make_rounded_as_declared() {
        fixture.given(accountOpened(ANNA), recorded(ANNA, FIRST, community("CAL-1", "41"), ALICE))
                .when(certify(ANNA, FIRST, BOB))
                .expectEvents(deposited(FIRST, "2.5"),
                        converted(FIRST, "41", "2.5", "2.5", TODAY));
    }

    @Test
    void the_yearly_cap_is_reached_exactly_and_converts_nothing_beyond() {
        List<Object> history = new ArrayList<>(List.of(accountOpened(ANNA),
                recorded(ANNA, FIRST, community("CAL-1", "40"), ALICE),
                deposited(FIRST, "2.5"), converted(FIRST, "40", "2.5", "2.5", TODAY),
                recorded(ANNA, SECOND, community("CAL-2", "40"), ALICE)));
        // 2.5 this year already: 2.5 more would pass 4, so 1.5 is deposited.
        fixture.given(history)
                .when(certify(ANNA, SECOND, BOB))
                .expectEvents(deposited(SECOND, "1.5"),
                        converted(SECOND, "40", "2.5", "1.5", TODAY));
        // Converted last year: this year's cap is whole again.
        List<Object> lastYear = new ArrayList<>(history);
        lastYear.set(3, converted(FIRST, "40", "2.5", "2.5", LocalDate.parse("2025-12-31")));
        fixture.given(lastYear)
                .when(certify(ANNA, SECOND, BOB))
                .expectEvents(deposited(SECOND, "2.5"),
                        converted(SECOND, "40", "2.5", "2.5", TODAY));
        // Revoked: its credits no longer count toward the cap.
        List<Object> revoked = new ArrayList<>(history);
        revoked.add(4, new AchievementRevoked(ANNA.value(), FIRST, "not attended", "bob", HANGZHOU, NOW));
        fixture.given(revoked)
                .when(certify(ANNA, SECOND, BOB))
                .expectEvents(deposited(SECOND, "2.5"),
                        converted(SECOND, "40", "2.5", "2.5", TODAY));
    }

    @Test
    void hours_of_a_kind_no_rule_takes_are_deposited_as_hours_and_converted_hours_are_not_corrected() {
        AchievementDetails course = new AchievementDetails(AchievementKind.ACADEMIC_COURSE, "Seminar", "ZJU", null,
                LocalDate.parse("2026-02-01"), evidence(), new Credits(new BigDecimal("40"), "HOURS"), null, null,
                null, new ExternalReference("ZJU", "SEM-1"), null);
        fixture.given(accountOpened(ANNA), recorded(ANNA, FIRST, course, ALICE))
                .when(certify(ANNA, FIRST, BOB))
                .expectEvents(certified(ANNA, FIRST, course, BOB));
        fixture.given(accountOpened(ANNA), recorded(ANNA, FIRST, community("CAL-1", "40"), ALICE),
                        deposited(FIRST, "2.5"), converted(FIRST, "40", "2.5", "2.5", TODAY))
                .when(new CorrectAchievement(ANNA, FIRST, "more hours", new AchievementCorrection(null, null, null,
                        null, null, new Credits(new BigDecimal("48"), "HOURS"), null, null, null), BOB))
                .expectException(HoursConvertedAlready.class)
                .expectNoEvents();
    }

    @Test
    void only_the_provincial_centre_publishes_the_hours_rule_and_an_amendment_says_why() {
        hoursRules().givenNoPriorActivity()
                .when(new PublishHoursRule(new HoursRuleId("NET-HOURS"), SIXTEEN, null, ERIN))
                .expectEvents(new HoursRulePublished("NET-HOURS", 1, CENTRE, SIXTEEN, null, "erin", CENTRE, NOW));
        hoursRules().givenNoPriorActivity()
                .when(new PublishHoursRule(new HoursRuleId("NET-HOURS"), SIXTEEN, null, ALICE))
                .expectException(NotTheCentre.class)
                .expectNoEvents();
        hoursRules().given(new HoursRulePublished("NET-HOURS", 1, CENTRE, SIXTEEN, null, "erin", CENTRE, NOW))
                .when(new PublishHoursRule(new HoursRuleId("NET-HOURS"), SIXTEEN, null, ERIN))
                .expectException(AmendmentNeedsReason.class)
                .expectNoEvents();
    }

    @Test
    void the_terms_are_exact_and_declare_their_rounding() {
        assertThat(SIXTEEN.creditsFor(new BigDecimal("15.99"))).isEqualByComparingTo("0.9");
        HoursTerms halfUp = new HoursTerms(List.of(AchievementKind.ONLINE_COURSE), new BigDecimal("18"),
                new BigDecimal("10"), 2, "HALF_UP", LocalDate.parse("2026-01-01"), null);
        assertThat(halfUp.creditsFor(new BigDecimal("1"))).isEqualByComparingTo("0.06");
        assertThatThrownBy(() -> new HoursTerms(List.of(AchievementKind.ONLINE_COURSE), new BigDecimal("18"),
                new BigDecimal("10"), 2, "UP", LocalDate.parse("2026-01-01"), null))
                .isInstanceOf(InvalidField.class).hasMessageContaining("rounding: must be one of DOWN, HALF_UP");
    }

    /** A fixture of its own for each scenario: one hours rule's stream. */
    private AggregateTestFixture<HoursRule> hoursRules() {
        AggregateTestFixture<HoursRule> rules = new AggregateTestFixture<>(HoursRule.class);
        rules.registerInjectableResource(new Jurisdiction(network));
        rules.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        return rules;
    }

    /** Certified by Bob, depositing standard credits. */
    private static AchievementCertified deposited(String id, String credits) {
        return new AchievementCertified(ANNA.value(), id, "bob", HANGZHOU, new BigDecimal(credits), "BANK_CREDIT",
                NOW);
    }

    private static AchievementDetails community(String externalId, String hours) {
        return new AchievementDetails(AchievementKind.COMMUNITY_LEARNING, "Calligraphy", "Xihu Community College",
                null, LocalDate.parse("2026-02-01"), evidence(), new Credits(new BigDecimal(hours), "HOURS"), null,
                null, null, new ExternalReference("XCC", externalId), null);
    }

    private static HoursConverted converted(String id, String hours, String credits, String deposited,
                                            LocalDate on) {
        return new HoursConverted(ANNA.value(), id, "NET-HOURS", 1, new BigDecimal(hours), new BigDecimal("16"), 1,
                "DOWN", new BigDecimal(credits), new BigDecimal(deposited), new BigDecimal("4"), on, "bob", HANGZHOU,
                NOW);
    }
}
