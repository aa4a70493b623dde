package org.creditbank.ledger.achievement;

import org.creditbank.ledger.AccountSpecification;
import org.creditbank.ledger.achievement.AchievementCommands.CorrectAchievement;
import org.creditbank.ledger.achievement.AchievementCommands.RejectAchievement;
import org.creditbank.ledger.achievement.AchievementCommands.RevokeAchievement;
import org.creditbank.ledger.achievement.AchievementEvent.AchievementCorrected;
import org.creditbank.ledger.achievement.AchievementEvent.AchievementRejected;
import org.creditbank.ledger.achievement.AchievementEvent.AchievementRevoked;
import org.creditbank.ledger.achievement.AchievementEvent.CorrectedFields;
import org.creditbank.ledger.achievement.AchievementRefusals.AlreadyCertified;
import org.creditbank.ledger.achievement.AchievementRefusals.NotInThatState;
import org.creditbank.ledger.achievement.AchievementRefusals.ReviewByAnotherOfficer;
import org.creditbank.ledger.achievement.AchievementRefusals.UnknownAchievement;
import org.creditbank.ledger.branch.OutsideJurisdiction;
import org.creditbank.ledger.rule.InvalidField;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import org.creditbank.ledger.achievement.AchievementRefusals.CertifierIsRecorder;
import org.creditbank.ledger.branch.ActingOfficer;
import org.creditbank.ledger.branch.BranchRole;
import org.creditbank.ledger.branch.RoleNotHeld;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.creditbank.ledger.TestNetwork.CENTRE;
import static org.creditbank.ledger.TestNetwork.HANGZHOU;

class AchievementLifecycleTest extends AccountSpecification {

    private static final String ID = "ach-00000001";

    @Test
    void certification_deposits_the_credits() {
        fixture.given(accountOpened(ANNA), recorded(ANNA, ID, course("LA-1"), ALICE))
                .when(certify(ANNA, ID, BOB))
                .expectEvents(certified(ANNA, ID, course("LA-1"), BOB));
    }

    @Test
    void the_certifier_is_never_the_recorder_whatever_the_kind() {
        fixture.given(accountOpened(ANNA), recorded(ANNA, ID, course("LA-1"), ALICE))
                .when(certify(ANNA, ID, ALICE))
                .expectException(CertifierIsRecorder.class)
                .expectExceptionMessage("officer alice recorded achievement ach-00000001 and cannot also certify it:"
                        + " another officer certifies")
                .expectNoEvents();
    }

    @Test
    void only_a_certifier_certifies() {
        network.appoint("olga", HANGZHOU, java.util.EnumSet.of(BranchRole.OFFICER));
        fixture.given(accountOpened(ANNA), recorded(ANNA, ID, course("LA-1"), ALICE))
                .when(certify(ANNA, ID, new ActingOfficer("olga", HANGZHOU)))
                .expectException(RoleNotHeld.class)
                .expectExceptionMessage("officer olga does not hold the certifier role at branch HZ-BRANCH")
                .expectNoEvents();
    }

    @Test
    void nothing_is_certified_twice() {
        fixture.given(accountOpened(ANNA), recorded(ANNA, ID, course("LA-1"), ALICE),
                        certified(ANNA, ID, course("LA-1"), ALICE))
                .when(certify(ANNA, ID, BOB))
                .expectException(AlreadyCertified.class)
                .expectExceptionMessage("achievement ach-00000001 is already certified")
                .expectNoEvents();
    }

    @Test
    void a_kind_that_needs_review_is_certified_by_another_officer() {
        AchievementDetails certificate = vocationalCertificate("E-1", "VC-1");
        fixture.given(accountOpened(ANNA), recorded(ANNA, ID, certificate, ALICE))
                .when(certify(ANNA, ID, ALICE))
                .expectException(CertifierIsRecorder.class)
                .expectNoEvents();
        fixture.given(accountOpened(ANNA), recorded(ANNA, ID, certificate, ALICE))
                .when(certify(ANNA, ID, BOB))
                .expectEvents(certified(ANNA, ID, certificate, BOB));
    }

    @Test
    void an_achievement_is_decided_within_the_recording_branchs_jurisdiction() {
        fixture.given(accountOpened(ANNA), recorded(ANNA, ID, course("LA-1"), ALICE))
                .when(certify(ANNA, ID, CAROL))
                .expectException(OutsideJurisdiction.class)
                .expectNoEvents();
        fixture.given(accountOpened(ANNA), recorded(ANNA, ID, course("LA-1"), ALICE))
                .when(certify(ANNA, ID, DAVE))
                .expectException(OutsideJurisdiction.class)
                .expectNoEvents();
        fixture.given(accountOpened(ANNA), recorded(ANNA, ID, course("LA-1"), ALICE))
                .when(certify(ANNA, ID, ERIN))
                .expectEvents(certified(ANNA, ID, course("LA-1"), ERIN));
    }

    @Test
    void an_unknown_achievement_is_refused() {
        fixture.given(accountOpened(ANNA))
                .when(certify(ANNA, "ach-99999999", ALICE))
                .expectException(UnknownAchievement.class)
                .expectNoEvents();
    }

    @Test
    void a_recorded_achievement_is_rejected_with_a_reason_and_then_nothing_more() {
        fixture.given(accountOpened(ANNA), recorded(ANNA, ID, course("LA-1"), ALICE))
                .when(new RejectAchievement(ANNA, ID, "evidence unreadable", BOB))
                .expectEvents(new AchievementRejected(ANNA.value(), ID, "evidence unreadable", BOB.officerId(),
                        HANGZHOU, NOW));
        fixture.given(accountOpened(ANNA), recorded(ANNA, ID, course("LA-1"), ALICE),
                        new AchievementRejected(ANNA.value(), ID, "evidence unreadable", BOB.officerId(), HANGZHOU, NOW))
                .when(certify(ANNA, ID, BOB))
                .expectException(NotInThatState.class)
                .expectExceptionMessage("achievement ach-00000001 is rejected and cannot be certified")
                .expectNoEvents();
    }

    @Test
    void a_certified_achievement_is_corrected_by_an_event_naming_what_it_supersedes() {
        AchievementCorrection correction = new AchievementCorrection("Linear Algebra I", null, null, null, null,
                new Credits(new BigDecimal("4"), "BANK_CREDIT"), null, null, null);
        fixture.given(accountOpened(ANNA), recorded(ANNA, ID, course("LA-1"), ALICE),
                        certified(ANNA, ID, course("LA-1"), ALICE))
                .when(new CorrectAchievement(ANNA, ID, "title and credits misprinted", correction, ERIN))
                .expectEvents(new AchievementCorrected(ANNA.value(), ID, "title and credits misprinted",
                        new CorrectedFields("Linear Algebra I", null, null, null, null, null, null,
                                new BigDecimal("4"), "BANK_CREDIT", null, null, null, null),
                        ERIN.officerId(), CENTRE, NOW));
    }

    @Test
    void the_officer_who_recorded_what_needs_review_does_not_correct_it() {
        AchievementDetails certificate = vocationalCertificate("E-1", "VC-1");
        fixture.given(accountOpened(ANNA), recorded(ANNA, ID, certificate, ALICE), certified(ANNA, ID, certificate, BOB))
                .when(new CorrectAchievement(ANNA, ID, "more credits", new AchievementCorrection(null, null, null,
                        null, null, new Credits(new BigDecimal("500"), "BANK_CREDIT"), null, null, null), ALICE))
                .expectException(ReviewByAnotherOfficer.class)
                .expectExceptionMessage("a vocational certificate needs review: officer alice recorded achievement "
                        + ID + " and cannot also correct it")
                .expectNoEvents();
    }

    @Test
    void a_correction_does_not_move_learning_into_the_future() {
        fixture.given(accountOpened(ANNA), recorded(ANNA, ID, course("LA-1"), ALICE))
                .when(new CorrectAchievement(ANNA, ID, "date", new AchievementCorrection(null, null, null,
                        java.time.LocalDate.parse("2030-01-01"), null, null, null, null, null), BOB))
                .expectException(InvalidField.class)
                .expectExceptionMessage("achievedOn: is in the future: 2030-01-01")
                .expectNoEvents();
    }

    @Test
    void a_correction_names_at_least_one_field() {
        assertThatThrownBy(() -> new AchievementCorrection(null, " ", null, null, null, null, null, null, null))
                .isInstanceOf(InvalidField.class)
                .hasMessage("corrections: name at least one field to correct");
    }

    @Test
    void a_certified_achievement_is_revoked_and_then_nothing_more_is_done_to_it() {
        fixture.given(accountOpened(ANNA), recorded(ANNA, ID, course("LA-1"), ALICE),
                        certified(ANNA, ID, course("LA-1"), ALICE))
                .when(new RevokeAchievement(ANNA, ID, "fraudulent evidence", BOB))
                .expectEvents(new AchievementRevoked(ANNA.value(), ID, "fraudulent evidence", BOB.officerId(),
                        HANGZHOU, NOW));
        fixture.given(accountOpened(ANNA), recorded(ANNA, ID, course("LA-1"), ALICE),
                        certified(ANNA, ID, course("LA-1"), ALICE),
                        new AchievementRevoked(ANNA.value(), ID, "fraudulent evidence", BOB.officerId(), HANGZHOU, NOW))
                .when(new CorrectAchievement(ANNA, ID, "fix", new AchievementCorrection("X", null, null, null, null,
                        null, null, null, null), BOB))
                .expectException(NotInThatState.class)
                .expectExceptionMessage("achievement ach-00000001 is revoked and cannot be corrected")
                .expectNoEvents();
    }

    @Test
    void only_a_certified_achievement_is_revoked() {
        fixture.given(accountOpened(ANNA), recorded(ANNA, ID, course("LA-1"), ALICE))
                .when(new RevokeAchievement(ANNA, ID, "changed my mind", BOB))
                .expectException(NotInThatState.class)
                .expectExceptionMessage("achievement ach-00000001 is recorded and cannot be revoked")
                .expectNoEvents();
    }
}
