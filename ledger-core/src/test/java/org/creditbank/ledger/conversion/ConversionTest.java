package org.creditbank.ledger.conversion;

import org.creditbank.ledger.AccountSpecification;
import org.creditbank.ledger.achievement.AchievementDetails;
import org.creditbank.ledger.achievement.AchievementEvent.AchievementRevoked;
import org.creditbank.ledger.achievement.AchievementKind;
import org.creditbank.ledger.achievement.AchievementRefusals.UnknownAchievement;
import org.creditbank.ledger.access.Subject;
import org.creditbank.ledger.branch.ActingOfficer;
import org.creditbank.ledger.branch.BranchCode;
import org.creditbank.ledger.branch.BranchRole;
import org.creditbank.ledger.branch.BranchTier;
import org.creditbank.ledger.branch.RoleNotHeld;
import org.creditbank.ledger.conversion.ConversionCommands.ApplyForConversion;
import org.creditbank.ledger.conversion.ConversionCommands.DecideConversion;
import org.creditbank.ledger.conversion.ConversionEvent.Assessment;
import org.creditbank.ledger.conversion.ConversionEvent.ConversionApplied;
import org.creditbank.ledger.conversion.ConversionEvent.ConversionGranted;
import org.creditbank.ledger.conversion.ConversionEvent.ConversionInvalidated;
import org.creditbank.ledger.conversion.ConversionEvent.ConversionRefused;
import org.creditbank.ledger.conversion.ConversionEvent.SourceGrant;
import org.creditbank.ledger.conversion.ConversionEvent.SourceRefusal;
import org.creditbank.ledger.conversion.ConversionRefusals.ApplicationAlreadyDecided;
import org.creditbank.ledger.conversion.ConversionRefusals.CapExceeded;
import org.creditbank.ledger.conversion.ConversionRefusals.DeciderIsApplicant;
import org.creditbank.ledger.conversion.ConversionRefusals.NotTheReceivingInstitution;
import org.creditbank.ledger.conversion.ConversionRefusals.NothingToGrant;
import org.creditbank.ledger.conversion.ConversionRefusals.SourceNamedTwice;
import org.creditbank.ledger.conversion.ConversionRefusals.UnknownProgramme;
import org.creditbank.ledger.learner.AccountEvent.SignInBound;
import org.creditbank.ledger.learner.AccountRefusals.NotThisLearner;
import org.creditbank.ledger.learner.LearnerAccount;
import org.creditbank.ledger.achievement.Credits;
import org.creditbank.ledger.achievement.ExternalReference;
import org.creditbank.ledger.achievement.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static org.creditbank.ledger.TestNetwork.CENTRE;
import static org.creditbank.ledger.TestNetwork.HANGZHOU;

/**
 * Conversion applications on an account, weighed against an institution's recognition rules and decided by its
 * certifier: what is granted, what is refused and why, and the caps.
 */
class ConversionTest extends AccountSpecification {

    static final String ZJU = "ZJU-BRANCH";
    static final String EE = "EE-BSC";
    static final String UNIT = "INSTITUTION:ZJU";
    static final ActingOfficer IVAN = new ActingOfficer("ivan", ZJU);
    static final ActingOfficer IRIS = new ActingOfficer("iris", ZJU);
    static final LocalDate TODAY = LocalDate.parse("2026-03-01");
    static final String CERT = "ach-cert0001";
    static final String CERT2 = "ach-cert0002";
    static final String COURSE = "ach-course01";
    /** Electricians of level 3 and above, certified in the last five years: two courses exempted, 8 credits. */
    static final RuleCriteria ELECTRICIANS = new RuleCriteria(AchievementKind.VOCATIONAL_CERTIFICATE, "VC",
            "Ministry of Labour", null, 3, null, null, null, 5);
    static final RuleGrant EXEMPTIONS = new RuleGrant(UNIT, null, null, List.of(
            new RuleGrant.Exemption("EE101", new BigDecimal("4")), new RuleGrant.Exemption("EE102", new BigDecimal("4"))));

    @BeforeEach
    void institution() {
        network.add(ZJU, BranchTier.INSTITUTION_BRANCH, "330100", CENTRE);
        network.appoint("ivan", ZJU);
        network.appoint("iris", ZJU);
        catalogue.define(ZJU, EE, programme(new BigDecimal("16"), null, null));
        catalogue.publish(rule("R-ELEC", 1, ELECTRICIANS, EXEMPTIONS, "2025-01-01", null));
    }

    @Test
    void a_certified_certificate_is_weighed_against_the_rule_in_force_and_granted_by_the_institution() {
        fixture.given(certifiedCertificate(CERT, "VC-1"))
                .when(apply("app-00000001", ALICE, CERT))
                .expectEvents(applied("app-00000001", ALICE, grantable(CERT)));
        fixture.given(with(certifiedCertificate(CERT, "VC-1"), applied("app-00000001", ALICE, grantable(CERT))))
                .when(decide("app-00000001", Map.of(), IVAN))
                .expectEvents(new ConversionGranted(ANNA.value(), "app-00000001", ZJU, EE,
                        List.of(grant(CERT, "8")), List.of(), new BigDecimal("8"), UNIT, TODAY, "ivan", ZJU, NOW));
    }

    @Test
    void an_achievement_counts_once_toward_a_programme() {
        List<Object> history = with(certifiedCertificate(CERT, "VC-1"),
                applied("app-00000001", ALICE, grantable(CERT)), granted("app-00000001", "8", grant(CERT, "8")));
        fixture.given(history)
                .when(apply("app-00000002", ALICE, CERT))
                .expectEvents(applied("app-00000002", ALICE, refused(CERT, "it already counts toward programme"
                        + " EE-BSC (application app-00000001): an achievement counts once toward a programme")));
        // Two applications made before either was decided: the second decision finds it counted.
        fixture.given(with(certifiedCertificate(CERT, "VC-1"), applied("app-00000001", ALICE, grantable(CERT)),
                        applied("app-00000002", ALICE, grantable(CERT)), granted("app-00000001", "8",
                                grant(CERT, "8"))))
                .when(decide("app-00000002", Map.of(), IVAN))
                .expectException(NothingToGrant.class)
                .expectNoEvents();
    }

    @Test
    void only_certified_unrevoked_sources_convert() {
        fixture.given(accountOpened(ANNA), recorded(ANNA, CERT, certificate("VC-1"), ALICE))
                .when(apply("app-00000001", ALICE, CERT))
                .expectEvents(applied("app-00000001", ALICE, refused(CERT,
                        "it is not certified yet: only certified achievements convert")));
        fixture.given(with(certifiedCertificate(CERT, "VC-1"), revoked(CERT)))
                .when(apply("app-00000001", ALICE, CERT))
                .expectEvents(applied("app-00000001", ALICE, refused(CERT,
                        "it was revoked: only certified achievements convert")));
        // Revoked between the application and its decision.
        fixture.given(with(certifiedCertificate(CERT, "VC-1"), certifiedCertificate(CERT2, "VC-2"),
                        applied("app-00000001", ALICE, grantable(CERT), grantable(CERT2)), revoked(CERT)))
                .when(decide("app-00000001", Map.of(), IVAN))
                .expectEvents(new ConversionGranted(ANNA.value(), "app-00000001", ZJU, EE, List.of(grant(CERT2, "8")),
                        List.of(new SourceRefusal(CERT, "it was revoked: only certified achievements convert (since"
                                + " the application)")), new BigDecimal("8"), UNIT, TODAY, "ivan", ZJU, NOW));
    }

    @Test
    void a_rule_not_yet_or_no_longer_in_force_or_withdrawn_grants_nothing() {
        String none = "no rule of ZJU-BRANCH in force on 2026-03-01 for programme EE-BSC takes it (none takes a"
                + " vocational certificate)";
        catalogue.withdraw("R-ELEC", LocalDate.parse("2026-03-01"));
        catalogue.publish(rule("R-LATER", 1, ELECTRICIANS, EXEMPTIONS, "2026-03-02", null));
        catalogue.publish(rule("R-EARLIER", 1, ELECTRICIANS, EXEMPTIONS, "2024-01-01", "2026-02-28"));
        fixture.given(certifiedCertificate(CERT, "VC-1"))
                .when(apply("app-00000001", ALICE, CERT))
                .expectEvents(applied("app-00000001", ALICE, refused(CERT, none)));
    }

    @Test
    void the_version_in_force_on_the_application_date_decides() {
        RuleGrant ten = new RuleGrant(UNIT, new BigDecimal("10"), null, List.of());
        catalogue.publish(rule("R-ELEC", 2, ELECTRICIANS, ten, "2026-03-01", null));
        fixture.given(certifiedCertificate(CERT, "VC-1"))
                .when(apply("app-00000001", ALICE, CERT))
                .expectEvents(applied("app-00000001", ALICE,
                        new Assessment(CERT, "R-ELEC", 2, null, new BigDecimal("10"), UNIT, null, List.of(), null)));
    }

    @Test
    void a_source_corrected_after_the_application_is_not_granted_on_what_was_weighed() {
        fixture.given(with(certifiedCertificate(CERT, "VC-1"), applied("app-00000001", ALICE, grantable(CERT)),
                        new org.creditbank.ledger.achievement.AchievementEvent.AchievementCorrected(ANNA.value(), CERT,
                                "level misread", new org.creditbank.ledger.achievement.AchievementEvent.CorrectedFields(
                                null, null, null, null, null, null, null, null, null, null, 2, null, null), "bob",
                                HANGZHOU, NOW.plusSeconds(60))))
                .when(decide("app-00000001", Map.of(), IVAN))
                .expectException(NothingToGrant.class)
                .expectNoEvents();
    }

    @Test
    void a_course_counts_once_and_credits_in_the_programmes_unit_are_not_converted() {
        // Two certificates each exempting EE101 and EE102: the second exempts nothing more.
        fixture.given(with(certifiedCertificate(CERT, "VC-1"), certifiedCertificate(CERT2, "VC-2"),
                        applied("app-00000001", ALICE, grantable(CERT), grantable(CERT2))))
                .when(decide("app-00000001", Map.of(), IVAN))
                .expectEvents(new ConversionGranted(ANNA.value(), "app-00000001", ZJU, EE, List.of(grant(CERT, "8")),
                        List.of(new SourceRefusal(CERT2, "course EE101 already counts toward programme EE-BSC: a"
                                + " course counts once")), new BigDecimal("8"), UNIT, TODAY, "ivan", ZJU, NOW));
        AchievementDetails own = new AchievementDetails(AchievementKind.ACADEMIC_COURSE, "Circuits", "ZJU", null,
                LocalDate.parse("2026-01-15"), evidence(), new Credits(new BigDecimal("4"), UNIT), 6, null,
                new Result("PERCENT", "80"), new ExternalReference("ZJU", "EE201"), null);
        fixture.given(accountOpened(ANNA), recorded(ANNA, COURSE, own, ALICE), certified(ANNA, COURSE, own, BOB))
                .when(apply("app-00000001", ALICE, COURSE))
                .expectEvents(applied("app-00000001", ALICE, refused(COURSE, "its credits are already in the"
                        + " programme's unit INSTITUTION:ZJU: they count toward it as they are, not by conversion")));
    }

    @Test
    void a_later_version_that_has_ended_does_not_bring_the_earlier_one_back() {
        RuleGrant ten = new RuleGrant(UNIT, new BigDecimal("10"), null, List.of());
        catalogue.publish(rule("R-ELEC", 2, ELECTRICIANS, ten, "2026-01-01", "2026-02-28"));
        fixture.given(certifiedCertificate(CERT, "VC-1"))
                .when(apply("app-00000001", ALICE, CERT))
                .expectEvents(applied("app-00000001", ALICE, refused(CERT, "no rule of ZJU-BRANCH in force on"
                        + " 2026-03-01 for programme EE-BSC takes it (none takes a vocational certificate)")));
    }

    @Test
    void a_rule_of_another_institution_grants_nothing_here() {
        network.add("NBU-BRANCH", BranchTier.INSTITUTION_BRANCH, "330200", CENTRE);
        catalogue.define("NBU-BRANCH", EE, programme(new BigDecimal("16"), null, null));
        catalogue.define(ZJU, "ME-BSC", programme(new BigDecimal("16"), null, null));
        fixture.given(certifiedCertificate(CERT, "VC-1"))
                .when(new ApplyForConversion(ANNA, "app-00000001", new BranchCode("NBU-BRANCH"), EE, List.of(CERT),
                        ALICE, null))
                .expectEvents(new ConversionApplied(ANNA.value(), "app-00000001", "NBU-BRANCH", EE, TODAY,
                        List.of(refused(CERT, "no rule of NBU-BRANCH in force on 2026-03-01 for programme EE-BSC"
                                + " takes it (none takes a vocational certificate)")), "alice", HANGZHOU, NOW));
    }

    @Test
    void the_criteria_say_why_a_source_is_not_taken() {
        AchievementDetails level2 = new AchievementDetails(AchievementKind.VOCATIONAL_CERTIFICATE, "Electrician",
                "Ministry of Labour", null, LocalDate.parse("2019-05-01"), evidence(),
                new Credits(new BigDecimal("6"), "BANK_CREDIT"), 3, 2, new Result("PASS_FAIL", "PASS"),
                new ExternalReference("MOHRSS", "E-9"), "VC-9");
        fixture.given(with(List.of(accountOpened(ANNA), recorded(ANNA, CERT, level2, ALICE),
                        certified(ANNA, CERT, level2, BOB))))
                .when(apply("app-00000001", ALICE, CERT))
                .expectEvents(applied("app-00000001", ALICE, refused(CERT, "no rule of ZJU-BRANCH in force on"
                        + " 2026-03-01 for programme EE-BSC takes it — rule R-ELEC: its vocational level is 2, the"
                        + " rule needs at least 3; it was achieved on 2019-05-01, more than 5 years before"
                        + " 2026-03-01")));
    }

    @Test
    void the_programme_cap_is_reached_exactly_and_never_passed() {
        catalogue.define(ZJU, EE, programme(new BigDecimal("16"), null, null));
        List<Object> eightGranted = with(certifiedCertificate(CERT, "VC-1"), certifiedCertificate(CERT2, "VC-2"),
                certifiedCertificate("ach-cert0003", "VC-3"), applied("app-00000001", ALICE, whole(CERT)),
                wholeGranted("app-00000001", "8", wholeGrant(CERT, "8")));
        List<Object> atCap = new ArrayList<>(eightGranted);
        atCap.add(applied("app-00000002", ALICE, whole(CERT2)));
        fixture.given(atCap)
                .when(decide("app-00000002", Map.of(), IVAN))
                .expectEvents(wholeGranted("app-00000002", "8", wholeGrant(CERT2, "8")));
        List<Object> over = new ArrayList<>(eightGranted);
        over.add(applied("app-00000002", ALICE, whole(CERT2), whole("ach-cert0003")));
        fixture.given(over)
                .when(decide("app-00000002", Map.of(), IVAN))
                .expectException(CapExceeded.class)
                .expectExceptionMessage("programme EE-BSC takes at most 16 INSTITUTION:ZJU in all; 8 already count"
                        + " and this grant would add 16: refuse some sources to stay within 8")
                .expectNoEvents();
        // The officer refuses one source, and the rest fits.
        fixture.given(over)
                .when(decide("app-00000002", Map.of("ach-cert0003", "over the programme's cap"), IVAN))
                .expectEvents(new ConversionGranted(ANNA.value(), "app-00000002", ZJU, EE, List.of(wholeGrant(CERT2, "8")),
                        List.of(new SourceRefusal("ach-cert0003", "over the programme's cap")),
                        new BigDecimal("8"), UNIT, TODAY, "ivan", ZJU, NOW));
    }

    @Test
    void the_yearly_cap_counts_the_grants_of_the_year() {
        catalogue.define(ZJU, EE, programme(new BigDecimal("16"), new BigDecimal("8"), null));
        List<Object> lastYear = with(certifiedCertificate(CERT, "VC-1"), certifiedCertificate(CERT2, "VC-2"),
                applied("app-00000001", ALICE, whole(CERT)), new ConversionGranted(ANNA.value(),
                        "app-00000001", ZJU, EE, List.of(wholeGrant(CERT, "8")), List.of(), new BigDecimal("8"), UNIT,
                        LocalDate.parse("2025-12-31"), "ivan", ZJU, NOW.minusSeconds(86_400 * 61)),
                applied("app-00000002", ALICE, whole(CERT2)));
        fixture.given(lastYear)
                .when(decide("app-00000002", Map.of(), IVAN))
                .expectEvents(wholeGranted("app-00000002", "8", wholeGrant(CERT2, "8")));
        List<Object> thisYear = with(certifiedCertificate(CERT, "VC-1"), certifiedCertificate(CERT2, "VC-2"),
                applied("app-00000001", ALICE, whole(CERT)), wholeGranted("app-00000001", "8", wholeGrant(CERT, "8")),
                applied("app-00000002", ALICE, whole(CERT2)));
        fixture.given(thisYear)
                .when(decide("app-00000002", Map.of(), IVAN))
                .expectException(CapExceeded.class)
                .expectExceptionMessage("programme EE-BSC takes at most 8 INSTITUTION:ZJU in 2026; 8 already count"
                        + " and this grant would add 8: refuse some sources to stay within 0")
                .expectNoEvents();
    }

    @Test
    void the_awarding_body_cap_counts_each_bodys_sources() {
        catalogue.define(ZJU, EE, programme(new BigDecimal("16"), null, new BigDecimal("12")));
        List<Object> history = with(certifiedCertificate(CERT, "VC-1"), certifiedCertificate(CERT2, "VC-2"),
                applied("app-00000001", ALICE, whole(CERT), whole(CERT2)));
        fixture.given(history)
                .when(decide("app-00000001", Map.of(), IVAN))
                .expectException(CapExceeded.class)
                .expectExceptionMessage("programme EE-BSC takes at most 12 INSTITUTION:ZJU from awarding body"
                        + " Ministry of Labour; 0 already count and this grant would add 16: refuse some sources to"
                        + " stay within 12")
                .expectNoEvents();
        catalogue.define(ZJU, EE, programme(new BigDecimal("16"), null, new BigDecimal("16")));
        fixture.given(history)
                .when(decide("app-00000001", Map.of(), IVAN))
                .expectEvents(wholeGranted("app-00000001", "16", wholeGrant(CERT, "8"), wholeGrant(CERT2, "8")));
    }

    @Test
    void a_certifier_of_the_receiving_institution_decides_and_never_the_applicant() {
        fixture.given(with(certifiedCertificate(CERT, "VC-1"), applied("app-00000001", IVAN, grantable(CERT))))
                .when(decide("app-00000001", Map.of(), IVAN))
                .expectException(DeciderIsApplicant.class)
                .expectNoEvents();
        fixture.given(with(certifiedCertificate(CERT, "VC-1"), applied("app-00000001", ALICE, grantable(CERT))))
                .when(decide("app-00000001", Map.of(), BOB))
                .expectException(NotTheReceivingInstitution.class)
                .expectExceptionMessage("the act is institution ZJU-BRANCH's; an officer of HZ-BRANCH cannot do it")
                .expectNoEvents();
        network.appoint("ina", ZJU, EnumSet.of(BranchRole.OFFICER));
        fixture.given(with(certifiedCertificate(CERT, "VC-1"), applied("app-00000001", ALICE, grantable(CERT))))
                .when(decide("app-00000001", Map.of(), new ActingOfficer("ina", ZJU)))
                .expectException(RoleNotHeld.class)
                .expectNoEvents();
        fixture.given(with(certifiedCertificate(CERT, "VC-1"), applied("app-00000001", IVAN, grantable(CERT))))
                .when(decide("app-00000001", Map.of(), IRIS))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void an_application_is_refused_as_a_whole_and_decided_once() {
        List<Object> history = with(certifiedCertificate(CERT, "VC-1"),
                applied("app-00000001", ALICE, grantable(CERT)));
        fixture.given(history)
                .when(new DecideConversion(ANNA, "app-00000001", Map.of(), "the programme is closed to transfers",
                        IVAN))
                .expectEvents(new ConversionRefused(ANNA.value(), "app-00000001", ZJU, EE,
                        "the programme is closed to transfers", "ivan", ZJU, NOW));
        history.add(new ConversionRefused(ANNA.value(), "app-00000001", ZJU, EE, "closed", "ivan", ZJU, NOW));
        fixture.given(history)
                .when(decide("app-00000001", Map.of(), IVAN))
                .expectException(ApplicationAlreadyDecided.class)
                .expectNoEvents();
    }

    @Test
    void revoking_a_source_invalidates_the_conversions_it_fed_naming_the_cause() {
        List<Object> granted = with(certifiedCertificate(CERT, "VC-1"), certifiedCertificate(CERT2, "VC-2"),
                applied("app-00000001", ALICE, grantable(CERT), grantable(CERT2)),
                granted("app-00000001", "16", grant(CERT, "8"), grant(CERT2, "8")));
        ConversionInvalidated invalidated = new ConversionInvalidated(ANNA.value(), "app-00000001", ZJU, EE, CERT,
                "REVOKED", "forged", new BigDecimal("16"), UNIT, BOB.officerId(), HANGZHOU, NOW);
        fixture.given(granted)
                .when(new org.creditbank.ledger.achievement.AchievementCommands.RevokeAchievement(ANNA, CERT,
                        "forged", BOB))
                .expectEvents(revoked(CERT), invalidated);
        // The grant no longer counts: its other source is free again, and the cap counts nothing.
        List<Object> after = new ArrayList<>(granted);
        after.add(revoked(CERT));
        after.add(invalidated);
        after.add(applied("app-00000002", ALICE, grantable(CERT2)));
        fixture.given(after)
                .when(decide("app-00000002", Map.of(), IVAN))
                .expectEvents(granted("app-00000002", "8", grant(CERT2, "8")));
        // A correction of a consumed source invalidates too; one no grant consumed invalidates nothing.
        fixture.given(granted)
                .when(new org.creditbank.ledger.achievement.AchievementCommands.CorrectAchievement(ANNA, CERT2,
                        "level misread", new org.creditbank.ledger.achievement.AchievementCorrection(null, null,
                        null, null, null, null, null, 4, null), BOB))
                .expectEvents(new org.creditbank.ledger.achievement.AchievementEvent.AchievementCorrected(
                                ANNA.value(), CERT2, "level misread", new org.creditbank.ledger.achievement
                                .AchievementEvent.CorrectedFields(null, null, null, null, null, null, null, null,
                                null, null, 4, null, null), BOB.officerId(), HANGZHOU, NOW),
                        new ConversionInvalidated(ANNA.value(), "app-00000001", ZJU, EE, CERT2, "CORRECTED",
                                "level misread", new BigDecimal("16"), UNIT, BOB.officerId(), HANGZHOU, NOW));
        fixture.given(with(certifiedCertificate(CERT, "VC-1")))
                .when(new org.creditbank.ledger.achievement.AchievementCommands.RevokeAchievement(ANNA, CERT,
                        "forged", BOB))
                .expectEvents(revoked(CERT));
    }

    @Test
    void the_learner_applies_for_themselves() {
        List<Object> history = with(certifiedCertificate(CERT, "VC-1"),
                new SignInBound(ANNA.value(), "anna-sub", ALICE.officerId(), HANGZHOU, NOW));
        fixture.given(history)
                .when(new ApplyForConversion(ANNA, "app-00000001", new BranchCode(ZJU), EE, List.of(CERT), null,
                        new Subject("anna-sub")))
                .expectEvents(new ConversionApplied(ANNA.value(), "app-00000001", ZJU, EE, TODAY,
                        List.of(grantable(CERT)), LearnerAccount.LEARNER_SELF, null, NOW));
        fixture.given(history)
                .when(new ApplyForConversion(ANNA, "app-00000001", new BranchCode(ZJU), EE, List.of(CERT), null,
                        new Subject("someone-else")))
                .expectException(NotThisLearner.class)
                .expectNoEvents();
    }

    @Test
    void an_application_names_known_sources_once_toward_a_defined_programme() {
        fixture.given(certifiedCertificate(CERT, "VC-1"))
                .when(apply("app-00000001", ALICE, CERT, CERT))
                .expectException(SourceNamedTwice.class)
                .expectNoEvents();
        fixture.given(certifiedCertificate(CERT, "VC-1"))
                .when(apply("app-00000001", ALICE, "ach-unknown1"))
                .expectException(UnknownAchievement.class)
                .expectNoEvents();
        fixture.given(certifiedCertificate(CERT, "VC-1"))
                .when(new ApplyForConversion(ANNA, "app-00000001", new BranchCode(ZJU), "NO-SUCH", List.of(CERT),
                        ALICE, null))
                .expectException(UnknownProgramme.class)
                .expectNoEvents();
    }

    private static ProgrammeTerms programme(BigDecimal transferCap, BigDecimal yearlyCap, BigDecimal bodyCap) {
        return new ProgrammeTerms("Electrical Engineering", UNIT, new BigDecimal("160"), transferCap, yearlyCap,
                bodyCap);
    }

    static RuleVersion rule(String id, int version, RuleCriteria criteria, RuleGrant grant, String from,
                            String until) {
        return new RuleVersion(id, version, ZJU, EE, criteria, grant, LocalDate.parse(from),
                until == null ? null : LocalDate.parse(until));
    }

    private static AchievementDetails certificate(String serial) {
        return vocationalCertificate("E-" + serial, serial);
    }

    private static List<Object> certifiedCertificate(String id, String serial) {
        return List.of(accountOpened(ANNA), recorded(ANNA, id, certificate(serial), ALICE),
                certified(ANNA, id, certificate(serial), BOB));
    }

    /** A history: the events and lists of events given, in order, each account opening once. */
    private static List<Object> with(Object... parts) {
        List<Object> history = new ArrayList<>();
        for (Object part : parts) {
            if (part instanceof List<?> list) {
                list.stream().filter(e -> !(history.contains(e) && e.equals(accountOpened(ANNA))))
                        .forEach(history::add);
            } else {
                history.add(part);
            }
        }
        return history;
    }

    private static AchievementRevoked revoked(String id) {
        return new AchievementRevoked(ANNA.value(), id, "forged", BOB.officerId(), HANGZHOU, NOW);
    }

    private static ApplyForConversion apply(String application, ActingOfficer actor, String... sources) {
        return new ApplyForConversion(ANNA, application, new BranchCode(ZJU), EE, List.of(sources), actor, null);
    }

    private static DecideConversion decide(String application, Map<String, String> refused, ActingOfficer actor) {
        return new DecideConversion(ANNA, application, refused, null, actor);
    }

    private static ConversionApplied applied(String application, ActingOfficer actor, Assessment... sources) {
        return new ConversionApplied(ANNA.value(), application, ZJU, EE, TODAY, List.of(sources), actor.officerId(),
                actor.branchCode(), NOW);
    }

    private static Assessment grantable(String id) {
        return new Assessment(id, "R-ELEC", 1, null, new BigDecimal("8"), UNIT, null, EXEMPTIONS.exemptions(), null);
    }

    /** Weighed as granting 8 credits toward the programme as a whole (no course: every such grant counts). */
    private static Assessment whole(String id) {
        return new Assessment(id, "R-ELEC", 1, null, new BigDecimal("8"), UNIT, null, List.of(), null);
    }

    private static SourceGrant wholeGrant(String id, String credits) {
        return new SourceGrant(id, "Ministry of Labour", "R-ELEC", 1, null, new BigDecimal(credits), UNIT, null,
                List.of());
    }

    private static ConversionGranted wholeGranted(String application, String total, SourceGrant... grants) {
        return new ConversionGranted(ANNA.value(), application, ZJU, EE, List.of(grants), List.of(),
                new BigDecimal(total), UNIT, TODAY, "ivan", ZJU, NOW);
    }

    private static Assessment refused(String id, String reason) {
        return new Assessment(id, null, null, null, null, null, null, List.of(), reason);
    }

    private static SourceGrant grant(String id, String credits) {
        return new SourceGrant(id, "Ministry of Labour", "R-ELEC", 1, null, new BigDecimal(credits), UNIT, null,
                EXEMPTIONS.exemptions());
    }

    private static ConversionGranted granted(String application, String total, SourceGrant... grants) {
        return new ConversionGranted(ANNA.value(), application, ZJU, EE, List.of(grants), List.of(),
                new BigDecimal(total), UNIT, TODAY, "ivan", ZJU, NOW);
    }
}
