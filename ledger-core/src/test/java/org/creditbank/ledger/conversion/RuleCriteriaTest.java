package org.creditbank.ledger.conversion;

import org.creditbank.ledger.achievement.AchievementKind;
import org.creditbank.ledger.achievement.AchievementStanding;
import org.creditbank.ledger.rule.InvalidField;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a rule's criteria take, and how they say why they do not take a source. */
class RuleCriteriaTest {

    private static final LocalDate APPLIED = LocalDate.parse("2026-03-01");

    @Test
    void a_result_is_taken_at_its_minimum_and_refused_just_below() {
        RuleCriteria sixty = new RuleCriteria(AchievementKind.ACADEMIC_COURSE, null, null, null, null, "PERCENT",
                new BigDecimal("60"), null, null);
        assertThat(sixty.unmetBy(course("PERCENT", "60", "2025-06-30"), APPLIED)).isEmpty();
        assertThat(sixty.unmetBy(course("PERCENT", "59.5", "2025-06-30"), APPLIED))
                .contains("its result is 59.5, the rule needs at least 60");
        assertThat(sixty.unmetBy(course("GPA", "3.9", "2025-06-30"), APPLIED))
                .contains("its result is under GPA, the rule needs PERCENT");
        RuleCriteria passed = new RuleCriteria(AchievementKind.ACADEMIC_COURSE, null, null, null, null, "PASS_FAIL",
                null, List.of("PASS", "DISTINCTION"), null);
        assertThat(passed.unmetBy(course("PASS_FAIL", "DISTINCTION", "2025-06-30"), APPLIED)).isEmpty();
        assertThat(passed.unmetBy(course("PASS_FAIL", "FAIL", "2025-06-30"), APPLIED))
                .contains("its result FAIL is not one of [PASS, DISTINCTION]");
    }

    @Test
    void an_achievement_is_taken_up_to_its_maximum_age_on_the_application_date() {
        RuleCriteria fiveYears = new RuleCriteria(AchievementKind.ACADEMIC_COURSE, null, null, null, null, null, null,
                null, 5);
        assertThat(fiveYears.unmetBy(course("PERCENT", "90", "2021-03-01"), APPLIED)).isEmpty();
        assertThat(fiveYears.unmetBy(course("PERCENT", "90", "2021-02-28"), APPLIED))
                .contains("it was achieved on 2021-02-28, more than 5 years before 2026-03-01");
    }

    @Test
    void a_code_a_level_and_an_awarding_body_are_matched() {
        RuleCriteria math = new RuleCriteria(AchievementKind.ACADEMIC_COURSE, "MATH", "Zhejiang University", 6, null,
                null, null, null, null);
        assertThat(math.unmetBy(course("PERCENT", "90", "2025-06-30"), APPLIED)).isEmpty();
        AchievementStanding other = new AchievementStanding("ach-1", "ACADEMIC_COURSE", "CERTIFIED", "alice",
                "HZ-BRANCH", "NBU", "PHYS-2", null, BigDecimal.ONE, "BANK_CREDIT", new AchievementStanding.Details(
                "Ningbo University", LocalDate.parse("2025-06-30"), 5, null, null, null));
        assertThat(math.unmetBy(other, APPLIED)).contains("its certificate or course code is not MATH; it was awarded"
                + " by Ningbo University, the rule takes Zhejiang University; its qualification level is 5, the rule"
                + " needs at least 6");
    }

    @Test
    void a_result_criterion_names_its_scheme_and_one_way_to_meet_it() {
        assertThatThrownBy(() -> new RuleCriteria(AchievementKind.ACADEMIC_COURSE, null, null, null, null, null,
                new BigDecimal("60"), null, null)).isInstanceOf(InvalidField.class)
                .hasMessage("criteria.resultScheme: is required with a minimum or accepted results");
        assertThatThrownBy(() -> new RuleCriteria(AchievementKind.ACADEMIC_COURSE, null, null, 9, null, null, null,
                null, null)).isInstanceOf(InvalidField.class)
                .hasMessage("criteria.minQualificationLevel: must be 1 to 8, got 9");
    }

    private static AchievementStanding course(String scheme, String value, String achieved) {
        return new AchievementStanding("ach-1", "ACADEMIC_COURSE", "CERTIFIED", "alice", "HZ-BRANCH", "ZJU",
                "MATH-101", null, BigDecimal.ONE, "BANK_CREDIT", new AchievementStanding.Details(
                "Zhejiang University", LocalDate.parse(achieved), 6, null, scheme, value));
    }
}
