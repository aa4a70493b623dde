package org.creditbank.ledger.conversion;

import org.creditbank.ledger.AccountSpecification;
import org.creditbank.ledger.achievement.AchievementCommands.RevokeAchievement;
import org.creditbank.ledger.achievement.AchievementDetails;
import org.creditbank.ledger.achievement.AchievementEvent.AchievementCertified;
import org.creditbank.ledger.achievement.AchievementEvent.AchievementRecorded;
import org.creditbank.ledger.achievement.AchievementEvent.AchievementRevoked;
import org.creditbank.ledger.achievement.AchievementKind;
import org.creditbank.ledger.achievement.Credits;
import org.creditbank.ledger.achievement.Evidence;
import org.creditbank.ledger.achievement.ExternalReference;
import org.creditbank.ledger.achievement.Result;
import org.creditbank.ledger.branch.ActingOfficer;
import org.creditbank.ledger.branch.BranchCode;
import org.creditbank.ledger.branch.BranchTier;
import org.creditbank.ledger.conversion.AwardEvent.QualificationAwarded;
import org.creditbank.ledger.conversion.AwardEvent.QualificationFlaggedForReview;
import org.creditbank.ledger.conversion.ConversionCommands.AwardQualification;
import org.creditbank.ledger.conversion.ConversionEvent.Assessment;
import org.creditbank.ledger.conversion.ConversionEvent.ConversionApplied;
import org.creditbank.ledger.conversion.ConversionEvent.ConversionGranted;
import org.creditbank.ledger.conversion.ConversionEvent.ConversionInvalidated;
import org.creditbank.ledger.conversion.ConversionEvent.SourceGrant;
import org.creditbank.ledger.conversion.ConversionRefusals.AlreadyAwarded;
import org.creditbank.ledger.conversion.ConversionRefusals.ThresholdsNotMet;
import org.creditbank.ledger.conversion.ConversionRefusals.UnknownQualification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditbank.ledger.TestNetwork.CENTRE;
import static org.creditbank.ledger.TestNetwork.HANGZHOU;

/**
 * A qualification awarded once a learner's credits toward its programme — converted and earned at the institution —
 * meet every threshold; flagged for review, never removed, when a later revocation breaks one.
 */
class QualificationTest extends AccountSpecification {

    static final String ZJU = "ZJU-BRANCH";
    static final String EE = "EE-BSC";
    static final String UNIT = "INSTITUTION:ZJU";
    static final ActingOfficer IVAN = new ActingOfficer("ivan", ZJU);
    static final ActingOfficer IRIS = new ActingOfficer("iris", ZJU);
    static final LocalDate TODAY = LocalDate.parse("2026-03-01");
    static final String CERT = "ach-cert0001";
    static final String OWN = "ach-own00001";
    static final String DIPLOMA = "ach-diploma1";
    static final Evidence SCAN = new Evidence("a".repeat(64), "application/pdf", null);
    /** 12 credits, 4 of them at the institution, 8 in the core group, EE102 passed or exempted. */
    static final QualificationTerms CERTIFICATE = new QualificationTerms("Certificate in Electrical Engineering",
            "CERTIFICATE_OF_COMPLETION", EE, new BigDecimal("12"), new BigDecimal("4"),
            List.of(new QualificationTerms.Group("Core", List.of("EE101", "EE201"), new BigDecimal("8"))),
            List.of("EE102"));

    @BeforeEach
    void institution() {
        network.add(ZJU, BranchTier.INSTITUTION_BRANCH, "330100", CENTRE);
        network.appoint("ivan", ZJU);
        network.appoint("iris", ZJU);
        catalogue.define(ZJU, EE, new ProgrammeTerms("Electrical Engineering", UNIT, new BigDecimal("160"),
                new BigDecimal("80"), null, null));
        catalogue.define(new QualificationDefinition(ZJU, "EE-CERT", CERTIFICATE, UNIT));
    }

    @Test
    void every_threshold_met_the_institution_awards_the_qualification_as_a_diploma_another_certifier_certifies() {
        fixture.given(history())
                .when(award())
                .expectEvents(new AchievementRecorded(ANNA.value(), DIPLOMA, "DEGREE_DIPLOMA",
                                "Certificate in Electrical Engineering", ZJU, ZJU, TODAY, SCAN.sha256(),
                                "application/pdf", null, BigDecimal.ZERO, UNIT, null, null, null, null, ZJU,
                                "QUALIFICATION:EE-CERT", null, "ivan", ZJU, NOW),
                        awarded());
    }

    @Test
    void the_certifier_who_awarded_does_not_also_certify_the_award() {
        List<Object> recorded = history();
        recorded.add(new AchievementRecorded(ANNA.value(), DIPLOMA, "DEGREE_DIPLOMA", "Certificate", ZJU, ZJU, TODAY,
                SCAN.sha256(), "application/pdf", null, BigDecimal.ZERO, UNIT, null, null, null, null, ZJU,
                "QUALIFICATION:EE-CERT", null, "ivan", ZJU, NOW));
        recorded.add(awarded());
        fixture.given(recorded)
                .when(certify(ANNA, DIPLOMA, IVAN))
                .expectException(org.creditbank.ledger.achievement.AchievementRefusals.CertifierIsRecorder.class)
                .expectNoEvents();
    }

    @Test
    void a_threshold_not_met_refuses_the_award_saying_which() {
        // The first five events: the conversion, without the course passed at the institution.
        List<Object> withoutOwn = new ArrayList<>(history().subList(0, 5));
        fixture.given(withoutOwn)
                .when(award())
                .expectException(ThresholdsNotMet.class)
                .expectExceptionMessage("qualification EE-CERT is not met: total credits 8 of 12 INSTITUTION:ZJU;"
                        + " credits earned at the institution 0 of 4; group Core 4 of 8")
                .expectNoEvents();
        fixture.given(awardedHistory()).when(award()).expectException(AlreadyAwarded.class).expectNoEvents();
        // Credits in the institution's unit recorded outside its jurisdiction are not earned at the institution.
        List<Object> elsewhere = new ArrayList<>(history().subList(0, 5));
        AchievementDetails own = new AchievementDetails(AchievementKind.ACADEMIC_COURSE, "Circuits", "Zhejiang"
                + " University", null, LocalDate.parse("2026-01-15"), evidence(), new Credits(new BigDecimal("4"),
                UNIT), 6, null, new Result("PERCENT", "80"), new ExternalReference("ZJU", "EE201"), null);
        elsewhere.add(recorded(ANNA, OWN, own, ALICE));
        elsewhere.add(certified(ANNA, OWN, own, BOB));
        fixture.given(elsewhere)
                .when(award())
                .expectException(ThresholdsNotMet.class)
                .expectExceptionMessage("qualification EE-CERT is not met: total credits 8 of 12 INSTITUTION:ZJU;"
                        + " credits earned at the institution 0 of 4; group Core 4 of 8")
                .expectNoEvents();
        fixture.given(history())
                .when(new AwardQualification(ANNA, DIPLOMA, new BranchCode(ZJU), "NO-SUCH", SCAN, IVAN))
                .expectException(UnknownQualification.class)
                .expectNoEvents();
    }

    @Test
    void a_revocation_that_breaks_a_threshold_flags_the_award_for_review_and_removes_nothing() {
        fixture.given(awardedHistory())
                .when(new RevokeAchievement(ANNA, CERT, "forged", BOB))
                .expectEvents(new AchievementRevoked(ANNA.value(), CERT, "forged", "bob", HANGZHOU, NOW),
                        new ConversionInvalidated(ANNA.value(), "app-00000001", ZJU, EE, CERT, "REVOKED", "forged",
                                new BigDecimal("8"), UNIT, "bob", HANGZHOU, NOW),
                        new QualificationFlaggedForReview(ANNA.value(), DIPLOMA, ZJU, "EE-CERT", CERT, "REVOKED",
                                "forged", List.of("total credits 4 of 12 INSTITUTION:ZJU", "group Core 4 of 8",
                                "required courses missing: EE102"), "bob", HANGZHOU, NOW));
    }

    @Test
    void progress_counts_exemptions_by_course_and_own_credits_apart() {
        QualificationProgress progress = QualificationProgress.of(CERTIFICATE, UNIT, List.of(
                new CreditLine(CERT, "app-1", "EE101", new BigDecimal("4")),
                new CreditLine(CERT, "app-1", "EE102", new BigDecimal("4")),
                new CreditLine(OWN, null, "EE201", new BigDecimal("3.99"))));
        assertThat(progress.total()).isEqualByComparingTo("11.99");
        assertThat(progress.atInstitution()).isEqualByComparingTo("3.99");
        assertThat(progress.unmet()).containsExactly("total credits 11.99 of 12 INSTITUTION:ZJU",
                "credits earned at the institution 3.99 of 4", "group Core 7.99 of 8");
    }

    /** The history, and the award of the certificate made on it. */
    private static List<Object> awardedHistory() {
        List<Object> awarded = history();
        awarded.add(new AchievementRecorded(ANNA.value(), DIPLOMA, "DEGREE_DIPLOMA", "Certificate", ZJU, ZJU, TODAY,
                SCAN.sha256(), "application/pdf", null, BigDecimal.ZERO, UNIT, null, null, null, null, ZJU,
                "QUALIFICATION:EE-CERT", null, "ivan", ZJU, NOW));
        awarded.add(new AchievementCertified(ANNA.value(), DIPLOMA, "iris", ZJU, BigDecimal.ZERO, UNIT, NOW));
        awarded.add(awarded());
        return awarded;
    }

    private static AwardQualification award() {
        return new AwardQualification(ANNA, DIPLOMA, new BranchCode(ZJU), "EE-CERT", SCAN, IVAN);
    }

    private static QualificationAwarded awarded() {
        return new QualificationAwarded(ANNA.value(), DIPLOMA, ZJU, "EE-CERT", EE, new BigDecimal("12"), UNIT,
                List.of(new CreditLine(CERT, "app-00000001", "EE101", new BigDecimal("4")),
                        new CreditLine(CERT, "app-00000001", "EE102", new BigDecimal("4")),
                        new CreditLine(OWN, null, "EE201", new BigDecimal("4"))), "ivan", ZJU, NOW);
    }

    /** A certificate converted into EE101 and EE102 (4 credits each), and EE201 passed at the institution (4). */
    private static List<Object> history() {
        AchievementDetails certificate = vocationalCertificate("E-1", "VC-1");
        AchievementDetails own = new AchievementDetails(AchievementKind.ACADEMIC_COURSE, "Circuits", "Zhejiang"
                + " University", null, LocalDate.parse("2026-01-15"), evidence(), new Credits(new BigDecimal("4"),
                UNIT), 6, null, new Result("PERCENT", "80"), new ExternalReference("ZJU", "EE201"), null);
        List<RuleGrant.Exemption> exemptions = List.of(new RuleGrant.Exemption("EE101", new BigDecimal("4")),
                new RuleGrant.Exemption("EE102", new BigDecimal("4")));
        List<Object> history = new ArrayList<>(List.of(accountOpened(ANNA),
                recorded(ANNA, CERT, certificate, ALICE), certified(ANNA, CERT, certificate, BOB),
                new ConversionApplied(ANNA.value(), "app-00000001", ZJU, EE, TODAY, List.of(new Assessment(CERT,
                        "R-ELEC", 1, null, new BigDecimal("8"), UNIT, null, exemptions, null)), "alice", HANGZHOU, NOW),
                new ConversionGranted(ANNA.value(), "app-00000001", ZJU, EE, List.of(new SourceGrant(CERT,
                        "Ministry of Labour", "R-ELEC", 1, null, new BigDecimal("8"), UNIT, null, exemptions)), List.of(),
                        new BigDecimal("8"), UNIT, TODAY, "ivan", ZJU, NOW),
                recorded(ANNA, OWN, own, IVAN), certified(ANNA, OWN, own, IRIS)));
        return history;
    }
}
