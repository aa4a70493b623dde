package org.creditbank.ledger.achievement;

import org.creditbank.ledger.AccountSpecification;
import org.creditbank.ledger.achievement.AchievementCommands.RecordingOutcome;
import org.creditbank.ledger.achievement.AchievementRefusals.CertificateAlreadyOnAccount;
import org.creditbank.ledger.achievement.AchievementRefusals.CertificateHeldByAnotherLearner;
import org.creditbank.ledger.branch.BranchStatus;
import org.creditbank.ledger.branch.OfficerNotOfBranch;
import org.creditbank.ledger.branch.ActingOfficer;
import org.creditbank.ledger.branch.BranchNotActive;
import org.creditbank.ledger.learner.ActTime;
import org.creditbank.ledger.rule.InvalidField;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.creditbank.ledger.TestNetwork.HANGZHOU;
import static org.creditbank.ledger.TestNetwork.NINGBO;

class RecordAchievementTest extends AccountSpecification {

    @Test
    void an_achievement_is_recorded_awaiting_certification() {
        fixture.given(accountOpened(ANNA))
                .when(record(ANNA, "ach-00000001", course("LA-1"), ALICE))
                .expectResultMessagePayload(new RecordingOutcome("ach-00000001", false))
                .expectEvents(recorded(ANNA, "ach-00000001", course("LA-1"), ALICE));
    }

    @Test
    void the_same_external_reference_twice_is_one_achievement() {
        fixture.given(accountOpened(ANNA), recorded(ANNA, "ach-00000001", course("LA-1"), ALICE))
                .when(record(ANNA, "ach-00000002", course("LA-1"), BOB))
                .expectResultMessagePayload(new RecordingOutcome("ach-00000001", true))
                .expectNoEvents();
    }

    @Test
    void the_same_achievement_id_again_is_answered_as_the_first_and_writes_nothing() {
        fixture.given(accountOpened(ANNA), recorded(ANNA, "ach-00000001", course("LA-1"), ALICE),
                        new AchievementEvent.AchievementRejected(ANNA.value(), "ach-00000001", "illegible",
                                BOB.officerId(), BOB.branchCode(), NOW))
                .when(record(ANNA, "ach-00000001", course("LA-1"), ALICE))
                .expectResultMessagePayload(new RecordingOutcome("ach-00000001", true))
                .expectNoEvents();
    }

    @Test
    void history_from_a_legacy_system_is_recorded_and_certified_at_the_instants_it_names() {
        Instant recordedAt = Instant.parse("2025-07-01T08:00:00Z");
        Instant certifiedAt = Instant.parse("2025-07-10T08:00:00Z");
        AchievementDetails course = course("LA-1");
        AchievementEvent.AchievementRecorded recorded = recorded(ANNA, "ach-00000001", course, ALICE);
        fixture.given(accountOpened(ANNA))
                .when(record(ANNA, "ach-00000001", course, ALICE), Map.of(ActTime.RECORDED_AT, recordedAt.toString()))
                .expectEvents(new AchievementEvent.AchievementRecorded(recorded.learnerNumber(),
                        recorded.achievementId(), recorded.kind(), recorded.title(), recorded.awardingBody(),
                        recorded.assessingBody(), recorded.achievedOn(), recorded.evidenceSha256(),
                        recorded.evidenceMediaType(), recorded.evidenceLocation(), recorded.credits(),
                        recorded.creditUnit(), recorded.qualificationLevel(), recorded.vocationalLevel(),
                        recorded.resultScheme(), recorded.resultValue(), recorded.externalIssuer(),
                        recorded.externalId(), recorded.certificateSerial(), recorded.recordedBy(),
                        recorded.branchCode(), recordedAt));
        fixture.given(accountOpened(ANNA), recorded)
                .when(certify(ANNA, "ach-00000001", BOB), Map.of(ActTime.RECORDED_AT, certifiedAt.toString()))
                .expectEvents(new AchievementEvent.AchievementCertified(ANNA.value(), "ach-00000001",
                        BOB.officerId(), BOB.branchCode(), course.credits().amount(), course.credits().unit(),
                        certifiedAt));
    }

    @Test
    void a_legacy_instant_in_the_future_or_an_achievement_after_it_is_refused() {
        fixture.given(accountOpened(ANNA))
                .when(record(ANNA, "ach-00000001", course("LA-1"), ALICE),
                        Map.of(ActTime.RECORDED_AT, NOW.plusSeconds(1).toString()))
                .expectException(InvalidField.class)
                .expectExceptionMessage("recordedAt: is in the future: " + NOW.plusSeconds(1))
                .expectNoEvents();
        fixture.given(accountOpened(ANNA))
                .when(record(ANNA, "ach-00000001", course("LA-1"), ALICE),
                        Map.of(ActTime.RECORDED_AT, "2020-01-01T00:00:00Z"))
                .expectException(InvalidField.class)
                .expectExceptionMessage("achievedOn: is in the future: " + course("LA-1").achievedOn())
                .expectNoEvents();
    }

    @Test
    void a_certificate_held_by_another_learner_is_refused_and_flagged() {
        certificateHolders.put(CertificateSerial.key("MOHRSS", "VC-2024-00017"), BORIS.value());
        fixture.given(accountOpened(ANNA))
                .when(record(ANNA, "ach-00000001", vocationalCertificate("E-1", "VC-2024-00017"), ALICE))
                .expectException(CertificateHeldByAnotherLearner.class)
                .expectExceptionMessage("certificate VC-2024-00017 is already held by another learner;"
                        + " the attempt is kept for review")
                .expectNoEvents();
        assertThat(flaggedClaims).singleElement().satisfies(claim -> {
            assertThat(claim.claimedFor()).isEqualTo(ANNA.value());
            assertThat(claim.heldBy()).isEqualTo(BORIS.value());
            assertThat(claim.officerId()).isEqualTo(ALICE.officerId());
        });
    }

    @Test
    void a_certificate_the_learner_already_holds_is_not_recorded_again() {
        fixture.given(accountOpened(ANNA), recorded(ANNA, "ach-00000001",
                        vocationalCertificate("E-1", "VC-2024-00017"), ALICE))
                .when(record(ANNA, "ach-00000002", vocationalCertificate("E-2", "VC-2024-00017"), ALICE))
                .expectException(CertificateAlreadyOnAccount.class)
                .expectNoEvents();
    }

    @Test
    void a_certificate_is_matched_by_its_canonical_serial() {
        fixture.given(accountOpened(ANNA), recorded(ANNA, "ach-00000001",
                        vocationalCertificate("E-1", "VC-2024-00017"), ALICE))
                .when(record(ANNA, "ach-00000002", vocationalCertificate("E-2", "vc 2024/00017"), ALICE))
                .expectException(CertificateAlreadyOnAccount.class)
                .expectNoEvents();
    }

    @Test
    void two_issuers_may_print_the_same_serial() {
        certificateHolders.put(CertificateSerial.key("OTHER-ISSUER", "VC-2024-00017"), BORIS.value());
        fixture.given(accountOpened(ANNA))
                .when(record(ANNA, "ach-00000001", vocationalCertificate("E-1", "VC-2024-00017"), ALICE))
                .expectEvents(recorded(ANNA, "ach-00000001", vocationalCertificate("E-1", "VC-2024-00017"), ALICE));
    }

    @Test
    void a_rejected_achievement_releases_its_reference_and_certificate_to_be_recorded_anew() {
        fixture.given(accountOpened(ANNA),
                        recorded(ANNA, "ach-00000001", vocationalCertificate("E-1", "VC-2024-00017"), ALICE),
                        new AchievementEvent.AchievementRejected(ANNA.value(), "ach-00000001", "wrong level",
                                BOB.officerId(), BOB.branchCode(), NOW))
                .when(record(ANNA, "ach-00000002", vocationalCertificate("E-1", "VC-2024-00017"), ALICE))
                .expectResultMessagePayload(new RecordingOutcome("ach-00000002", false))
                .expectEvents(recorded(ANNA, "ach-00000002", vocationalCertificate("E-1", "VC-2024-00017"), ALICE));
    }

    @Test
    void text_fields_have_limits_and_no_control_characters() {
        assertThatThrownBy(() -> new ExternalReference("ZJU", "x".repeat(256)))
                .hasMessage("externalReference.id: must be at most 255 characters, got 256");
        assertThatThrownBy(() -> new Result("PERCENT", "9\u00001"))
                .hasMessage("result.value: must not contain control characters");
        assertThatThrownBy(() -> new Credits(new BigDecimal("1e16"), "ECTS"))
                .hasMessage("credits.amount: must be less than 10^15");
        assertThatThrownBy(() -> new Credits(new BigDecimal("1e999999999"), "ECTS"))
                .hasMessage("credits.amount: must be less than 10^15");
        assertThatThrownBy(() -> CertificateSerial.displayForm(" - / "))
                .hasMessage("certificateSerial: must contain letters or digits");
    }

    @Test
    void only_an_active_branch_records() {
        network.setStatus(NINGBO, BranchStatus.CLOSED);
        fixture.given(accountOpened(ANNA))
                .when(record(ANNA, "ach-00000001", course("LA-1"), CAROL))
                .expectException(BranchNotActive.class)
                .expectNoEvents();
    }

    @Test
    void the_officer_belongs_to_the_recording_branch() {
        fixture.given(accountOpened(ANNA))
                .when(record(ANNA, "ach-00000001", course("LA-1"), new ActingOfficer(CAROL.officerId(), HANGZHOU)))
                .expectException(OfficerNotOfBranch.class)
                .expectNoEvents();
    }

    @Test
    void learning_is_not_achieved_in_the_future() {
        AchievementDetails future = new AchievementDetails(AchievementKind.ONLINE_COURSE, "AI 101", "MOOC Org",
                null, LocalDate.parse("2027-01-01"), evidence(), new Credits(BigDecimal.ONE, "HOURS"), null, null,
                null, new ExternalReference("MOOC", "AI-101"), null);
        fixture.given(accountOpened(ANNA))
                .when(record(ANNA, "ach-00000001", future, ALICE))
                .expectException(InvalidField.class)
                .expectExceptionMessage("achievedOn: is in the future: 2027-01-01")
                .expectNoEvents();
    }

    @Test
    void credits_are_exact_positive_decimals_with_a_unit() {
        assertThatThrownBy(() -> new Credits(new BigDecimal("-1"), "BANK_CREDIT"))
                .hasMessage("credits.amount: must be positive, got -1");
        assertThatThrownBy(() -> new Credits(BigDecimal.ZERO, "BANK_CREDIT"))
                .hasMessage("credits.amount: must be positive, got 0");
        assertThatThrownBy(() -> new Credits(BigDecimal.TEN, null))
                .hasMessageStartingWith("credits.unit: is required");
        assertThatThrownBy(() -> new Credits(BigDecimal.TEN, "POINTS"))
                .hasMessageStartingWith("credits.unit: must be BANK_CREDIT, ECTS, HOURS or INSTITUTION:<code>");
        assertThatThrownBy(() -> new Credits(new BigDecimal("1.00001"), "ECTS"))
                .hasMessage("credits.amount: has more than 4 decimal places");
        assertThat(new Credits(new BigDecimal("2.50"), "INSTITUTION:ZJU").amount()).isEqualByComparingTo("2.5");
    }

    @Test
    void a_negative_amount_with_a_huge_exponent_is_refused_without_writing_all_its_digits() {
        assertThatThrownBy(() -> new Credits(new BigDecimal("-1e-999999999"), "BANK_CREDIT"))
                .hasMessage("credits.amount: must be positive, got -1E-999999999");
        assertThatThrownBy(() -> new Credits(new BigDecimal("-1e999999999"), "BANK_CREDIT"))
                .hasMessage("credits.amount: must be positive, got -1E+999999999");
    }

    @Test
    void a_vocational_certificate_carries_its_level_and_nothing_else_does() {
        assertThat(vocationalCertificate("E-1", null).vocationalLevel()).isEqualTo(3);
        assertThatThrownBy(() -> new AchievementDetails(AchievementKind.VOCATIONAL_CERTIFICATE, "Welder", "MOHRSS",
                null, LocalDate.parse("2024-01-01"), evidence(), new Credits(BigDecimal.ONE, "BANK_CREDIT"), null,
                null, null, new ExternalReference("MOHRSS", "W-1"), "VC-1"))
                .hasMessage("vocationalLevel: is required for a vocational certificate (1-5)");
        assertThatThrownBy(() -> new AchievementDetails(AchievementKind.ACADEMIC_COURSE, "Maths", "ZJU",
                null, LocalDate.parse("2024-01-01"), evidence(), new Credits(BigDecimal.ONE, "BANK_CREDIT"), 9,
                null, null, new ExternalReference("ZJU", "M-1"), null))
                .hasMessage("qualificationLevel: must be 1 to 8, got 9");
    }

    @Test
    void evidence_is_a_sha256_with_a_media_type() {
        assertThatThrownBy(() -> new Evidence("abc", "application/pdf", null))
                .hasMessage("evidence.sha256: must be 64 hexadecimal digits");
        assertThatThrownBy(() -> new Evidence("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                "pdf", null)).hasMessage("evidence.mediaType: must be a media type like application/pdf");
    }
}
