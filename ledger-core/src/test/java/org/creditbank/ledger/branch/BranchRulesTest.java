package org.creditbank.ledger.branch;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.creditbank.ledger.TestNetwork;
import org.creditbank.ledger.access.Subject;
import org.creditbank.ledger.branch.BranchCommands.AppointOfficer;
import org.creditbank.ledger.branch.BranchCommands.BindOfficer;
import org.creditbank.ledger.branch.BranchCommands.CloseBranch;
import org.creditbank.ledger.branch.BranchCommands.RegisterBranch;
import org.creditbank.ledger.branch.BranchCommands.ReinstateBranch;
import org.creditbank.ledger.branch.BranchCommands.RemoveOfficer;
import org.creditbank.ledger.branch.BranchCommands.SuspendBranch;
import org.creditbank.ledger.branch.BranchEvent.BranchClosed;
import org.creditbank.ledger.branch.BranchEvent.BranchRegistered;
import org.creditbank.ledger.branch.BranchEvent.BranchReinstated;
import org.creditbank.ledger.branch.BranchEvent.BranchSuspended;
import org.creditbank.ledger.branch.BranchEvent.OfficerAppointed;
import org.creditbank.ledger.branch.BranchEvent.OfficerRemoved;
import org.creditbank.ledger.branch.BranchEvent.OfficerSubjectBound;
import org.creditbank.ledger.branch.BranchRefusals.BranchAlreadyRegistered;
import org.creditbank.ledger.branch.BranchRefusals.BranchClosedForGood;
import org.creditbank.ledger.branch.BranchRefusals.DivisionOutsideParent;
import org.creditbank.ledger.branch.BranchRefusals.InstallationAlreadyDone;
import org.creditbank.ledger.branch.BranchRefusals.LastOfficerOfCentre;
import org.creditbank.ledger.branch.BranchRefusals.OfficerAlreadyAppointed;
import org.creditbank.ledger.branch.BranchRefusals.OfficerBoundToAnotherSubject;
import org.creditbank.ledger.branch.BranchRefusals.ParentNotActive;
import org.creditbank.ledger.branch.BranchRefusals.ProvincialCentreAlreadyRegistered;
import org.creditbank.ledger.branch.BranchRefusals.StatusChangeNotPermitted;
import org.creditbank.ledger.branch.BranchRefusals.SubjectBoundToAnotherOfficer;
import org.creditbank.ledger.branch.BranchRefusals.SystemClientOfOneBranch;
import org.creditbank.ledger.branch.BranchRefusals.TierNotPermittedUnderParent;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;

import static org.creditbank.ledger.TestNetwork.*;

class BranchRulesTest {

    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");
    private static final ActingOfficer ALICE = new ActingOfficer(ALICE_AT_HANGZHOU, HANGZHOU);
    private static final ActingOfficer ERIN = new ActingOfficer(ERIN_AT_CENTRE, CENTRE);
    private static final ActingOfficer DAVE = new ActingOfficer(TestNetwork.DAVE_AT_XIHU, XIHU);
    private static final ActingOfficer CAROL = new ActingOfficer(CAROL_AT_NINGBO, NINGBO);
    private static final ActingOfficer INSTALLATION = ActingOfficer.installation();

    private TestNetwork network = TestNetwork.standard();
    private final AggregateTestFixture<Branch> fixture = fixtureOn(network);

    private AggregateTestFixture<Branch> fixtureOn(TestNetwork directory) {
        AggregateTestFixture<Branch> f = new AggregateTestFixture<>(Branch.class);
        f.registerInjectableResource(new Jurisdiction(directory));
        f.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        return f;
    }

    private static RegisterBranch register(String code, BranchTier tier, String parent, String division,
                                           ActingOfficer actor) {
        return new RegisterBranch(new BranchCode(code), code + " branch", tier,
                parent == null ? null : new BranchCode(parent), new DivisionCode(division), actor);
    }

    private static BranchRegistered registered(String code, BranchTier tier, String parent, String division,
                                               ActingOfficer actor) {
        return new BranchRegistered(code, code + " branch", tier.name(), parent, division, actor.officerId(),
                actor.branchCode(), NOW);
    }

    @Test
    void the_provincial_centre_is_registered_at_installation() {
        fixtureOn(new TestNetwork())
                .givenNoPriorActivity()
                .when(register("ZJ", BranchTier.PROVINCIAL_CENTRE, null, "330000", INSTALLATION))
                .expectEvents(registered("ZJ", BranchTier.PROVINCIAL_CENTRE, null, "330000", INSTALLATION));
    }

    @Test
    void there_is_one_provincial_centre() {
        fixture.givenNoPriorActivity()
                .when(register("ZJ-2", BranchTier.PROVINCIAL_CENTRE, null, "330000", INSTALLATION))
                .expectException(ProvincialCentreAlreadyRegistered.class)
                .expectNoEvents();
    }

    @Test
    void a_provincial_centre_needs_a_province_level_division() {
        fixtureOn(new TestNetwork())
                .givenNoPriorActivity()
                .when(register("ZJ", BranchTier.PROVINCIAL_CENTRE, null, "330100", INSTALLATION))
                .expectException(DivisionOutsideParent.class)
                .expectNoEvents();
    }

    @Test
    void a_municipal_branch_is_registered_from_the_centre() {
        fixture.givenNoPriorActivity()
                .when(register("WZ-BRANCH", BranchTier.MUNICIPAL_BRANCH, CENTRE, "330300", ERIN))
                .expectSuccessfulHandlerExecution()
                .expectEvents(registered("WZ-BRANCH", BranchTier.MUNICIPAL_BRANCH, CENTRE, "330300", ERIN));
    }

    @Test
    void a_branch_code_is_registered_once() {
        fixture.givenNoPriorActivity()
                .when(register(HANGZHOU, BranchTier.MUNICIPAL_BRANCH, CENTRE, "330100", ERIN))
                .expectException(BranchAlreadyRegistered.class)
                .expectNoEvents();
    }

    @Test
    void an_acceptance_point_sits_under_a_county_sub_centre_only() {
        fixture.givenNoPriorActivity()
                .when(register("HZ-POINT", BranchTier.ACCEPTANCE_POINT, HANGZHOU, "330106", ALICE))
                .expectException(TierNotPermittedUnderParent.class)
                .expectExceptionMessage("an acceptance point cannot sit under municipal branch HZ-BRANCH")
                .expectNoEvents();
    }

    @Test
    void a_branch_other_than_the_centre_needs_a_parent() {
        fixture.givenNoPriorActivity()
                .when(register("LOOSE", BranchTier.MUNICIPAL_BRANCH, null, "330300", ERIN))
                .expectException(TierNotPermittedUnderParent.class)
                .expectNoEvents();
    }

    @Test
    void a_county_lies_within_its_city() {
        fixture.givenNoPriorActivity()
                .when(register("YZ-SUBCENTRE", BranchTier.COUNTY_SUB_CENTRE, HANGZHOU, "330203", ALICE))
                .expectException(DivisionOutsideParent.class)
                .expectExceptionMessage("division 330203 is not within division 330100 of parent branch HZ-BRANCH")
                .expectNoEvents();
    }

    @Test
    void a_county_sub_centre_needs_a_county_level_division() {
        fixture.givenNoPriorActivity()
                .when(register("HZ-SUB", BranchTier.COUNTY_SUB_CENTRE, HANGZHOU, "330100", ALICE))
                .expectException(DivisionOutsideParent.class)
                .expectNoEvents();
    }

    @Test
    void an_institution_branch_sits_under_a_city_at_any_level_within_it() {
        fixture.givenNoPriorActivity()
                .when(register("ZJU", BranchTier.INSTITUTION_BRANCH, HANGZHOU, "330106", ALICE))
                .expectEvents(registered("ZJU", BranchTier.INSTITUTION_BRANCH, HANGZHOU, "330106", ALICE));
    }

    @Test
    void an_unknown_parent_is_refused() {
        fixture.givenNoPriorActivity()
                .when(register("XX-SUB", BranchTier.COUNTY_SUB_CENTRE, "NOWHERE", "330106", ALICE))
                .expectException(UnknownBranch.class)
                .expectNoEvents();
    }

    @Test
    void a_suspended_parent_takes_no_new_branches() {
        network.setStatus(HANGZHOU, BranchStatus.SUSPENDED);
        fixture.givenNoPriorActivity()
                .when(register("XC-SUB", BranchTier.COUNTY_SUB_CENTRE, HANGZHOU, "330105", ERIN))
                .expectException(ParentNotActive.class)
                .expectNoEvents();
    }

    @Test
    void a_branch_registers_children_only_within_its_jurisdiction() {
        fixture.givenNoPriorActivity()
                .when(register("XC-SUB", BranchTier.COUNTY_SUB_CENTRE, HANGZHOU, "330105", CAROL))
                .expectException(OutsideJurisdiction.class)
                .expectExceptionMessage("branch HZ-BRANCH is outside the jurisdiction of branch NB-BRANCH")
                .expectNoEvents();
    }

    @Test
    void an_officer_acts_only_for_their_own_branch() {
        fixture.givenNoPriorActivity()
                .when(register("XC-SUB", BranchTier.COUNTY_SUB_CENTRE, HANGZHOU, "330105",
                        new ActingOfficer(CAROL_AT_NINGBO, HANGZHOU)))
                .expectException(OfficerNotOfBranch.class)
                .expectNoEvents();
    }

    @Test
    void after_installation_every_act_names_an_officer() {
        fixture.givenNoPriorActivity()
                .when(register("XC-SUB", BranchTier.COUNTY_SUB_CENTRE, HANGZHOU, "330105", INSTALLATION))
                .expectException(InstallationAlreadyDone.class)
                .expectNoEvents();
    }

    @Test
    void the_first_officer_of_the_centre_is_appointed_at_installation() {
        TestNetwork empty = new TestNetwork();
        fixtureOn(empty)
                .given(registered("ZJ", BranchTier.PROVINCIAL_CENTRE, null, "330000", INSTALLATION))
                .when(appoint("ZJ", "root-officer", "Root Officer", INSTALLATION))
                .expectEvents(appointed("ZJ", "root-officer", "Root Officer", "installation", "-"));
    }

    @Test
    void installation_appoints_only_the_first_officer() {
        fixture.given(registered(CENTRE, BranchTier.PROVINCIAL_CENTRE, null, "330000", INSTALLATION),
                        appointed(CENTRE, ERIN_AT_CENTRE, "Erin", "installation", "-"))
                .when(appoint(CENTRE, "mallory", "Mallory", INSTALLATION))
                .expectException(InstallationAlreadyDone.class)
                .expectNoEvents();
    }

    @Test
    void an_officer_is_appointed_from_the_branch_or_above() {
        fixture.given(registered(XIHU, BranchTier.COUNTY_SUB_CENTRE, HANGZHOU, "330106", ALICE))
                .when(appoint(XIHU, "frank", "Frank", ALICE))
                .expectEvents(appointed(XIHU, "frank", "Frank", ALICE_AT_HANGZHOU, HANGZHOU));
    }

    @Test
    void a_branch_does_not_appoint_its_own_officers() {
        fixture.given(registered(HANGZHOU, BranchTier.MUNICIPAL_BRANCH, CENTRE, "330100", ERIN))
                .when(appoint(HANGZHOU, "alias-of-alice", "Alias", ALICE))
                .expectException(OutsideJurisdiction.class)
                .expectNoEvents();
        fixture.given(registered(HANGZHOU, BranchTier.MUNICIPAL_BRANCH, CENTRE, "330100", ERIN),
                        appointed(HANGZHOU, BOB_AT_HANGZHOU, "Bob", ERIN_AT_CENTRE, CENTRE))
                .when(new RemoveOfficer(new BranchCode(HANGZHOU), new OfficerId(BOB_AT_HANGZHOU), "rival", ALICE))
                .expectException(OutsideJurisdiction.class)
                .expectNoEvents();
    }

    @Test
    void the_centre_appoints_its_own_officers() {
        fixture.given(registered(CENTRE, BranchTier.PROVINCIAL_CENTRE, null, "330000", INSTALLATION),
                        appointed(CENTRE, ERIN_AT_CENTRE, "Erin", "installation", "-"))
                .when(appoint(CENTRE, "grace", "Grace", ERIN))
                .expectEvents(appointed(CENTRE, "grace", "Grace", ERIN_AT_CENTRE, CENTRE));
    }

    @Test
    void an_officer_is_appointed_to_several_branches_as_one_person() {
        fixture.given(registered(XIHU, BranchTier.COUNTY_SUB_CENTRE, HANGZHOU, "330106", ALICE))
                .when(appoint(XIHU, BOB_AT_HANGZHOU, "Bob", ALICE))
                .expectEvents(appointed(XIHU, BOB_AT_HANGZHOU, "Bob", ALICE_AT_HANGZHOU, HANGZHOU));
    }

    @Test
    void an_officer_is_appointed_to_a_branch_once() {
        fixture.given(registered(XIHU, BranchTier.COUNTY_SUB_CENTRE, HANGZHOU, "330106", ALICE),
                        appointed(XIHU, "frank", "Frank", ALICE_AT_HANGZHOU, HANGZHOU))
                .when(appoint(XIHU, "frank", "Frank", ALICE))
                .expectException(OfficerAlreadyAppointed.class)
                .expectNoEvents();
    }

    @Test
    void a_subject_signs_in_as_one_officer() {
        fixture.given(registered(XIHU, BranchTier.COUNTY_SUB_CENTRE, HANGZHOU, "330106", ALICE))
                .when(new AppointOfficer(new BranchCode(XIHU), new OfficerId("bob-again"), "Bob", new Subject(BOB_AT_HANGZHOU),
                        BranchRole.all(), false, ALICE))
                .expectException(SubjectBoundToAnotherOfficer.class)
                .expectExceptionMessage("subject bob already signs in as officer bob")
                .expectNoEvents();
    }

    @Test
    void an_officer_id_is_one_persons() {
        fixture.given(registered(XIHU, BranchTier.COUNTY_SUB_CENTRE, HANGZHOU, "330106", ALICE))
                .when(new AppointOfficer(new BranchCode(XIHU), new OfficerId(BOB_AT_HANGZHOU), "Bob",
                        new Subject("someone-else"), BranchRole.all(), false, ALICE))
                .expectException(OfficerBoundToAnotherSubject.class)
                .expectNoEvents();
    }

    @Test
    void an_officer_is_bound_anew_from_above_to_a_subject_nobody_else_signs_in_with() {
        fixture.given(registered(XIHU, BranchTier.COUNTY_SUB_CENTRE, HANGZHOU, "330106", ALICE),
                        appointed(XIHU, "frank", "Frank", ALICE_AT_HANGZHOU, HANGZHOU))
                .when(new BindOfficer(new BranchCode(XIHU), new OfficerId("frank"), new Subject("frank-2"), ALICE))
                .expectEvents(new OfficerSubjectBound(XIHU, "frank", "frank-2", ALICE_AT_HANGZHOU, HANGZHOU, NOW));
        fixture.given(registered(XIHU, BranchTier.COUNTY_SUB_CENTRE, HANGZHOU, "330106", ALICE),
                        appointed(XIHU, "frank", "Frank", ALICE_AT_HANGZHOU, HANGZHOU))
                .when(new BindOfficer(new BranchCode(XIHU), new OfficerId("frank"), new Subject(BOB_AT_HANGZHOU),
                        ALICE))
                .expectException(SubjectBoundToAnotherOfficer.class)
                .expectNoEvents();
        fixture.given(registered(XIHU, BranchTier.COUNTY_SUB_CENTRE, HANGZHOU, "330106", ALICE),
                        appointed(XIHU, "frank", "Frank", ALICE_AT_HANGZHOU, HANGZHOU))
                .when(new BindOfficer(new BranchCode(XIHU), new OfficerId("frank"), new Subject("frank-2"), DAVE))
                .expectException(OutsideJurisdiction.class)
                .expectNoEvents();
    }

    @Test
    void an_administrator_below_never_binds_an_officer_who_also_serves_above() {
        network.appoint(ERIN_AT_CENTRE, XIHU);
        fixture.given(registered(XIHU, BranchTier.COUNTY_SUB_CENTRE, HANGZHOU, "330106", ALICE),
                        appointed(XIHU, ERIN_AT_CENTRE, "Erin", ALICE_AT_HANGZHOU, HANGZHOU))
                .when(new BindOfficer(new BranchCode(XIHU), new OfficerId(ERIN_AT_CENTRE), new Subject("mallory"),
                        ALICE))
                .expectException(OutsideJurisdiction.class)
                .expectNoEvents();
    }

    @Test
    void an_officer_serving_above_is_not_appointed_below_under_a_new_sign_in() {
        TestNetwork unbound = TestNetwork.standard();
        unbound.appointUnbound("pc-1", CENTRE);
        fixtureOn(unbound)
                .given(registered(XIHU, BranchTier.COUNTY_SUB_CENTRE, HANGZHOU, "330106", ALICE))
                .when(new AppointOfficer(new BranchCode(XIHU), new OfficerId("pc-1"), "PC One", new Subject("mallory"),
                        BranchRole.all(), false, ALICE))
                .expectException(OutsideJurisdiction.class)
                .expectNoEvents();
    }

    @Test
    void an_operator_binds_the_first_officer_of_a_centre_nobody_can_sign_in_to() {
        TestNetwork unbound = new TestNetwork();
        unbound.add(CENTRE, BranchTier.PROVINCIAL_CENTRE, "330000", null).appointUnbound("pc-1", CENTRE);
        fixtureOn(unbound)
                .given(registered(CENTRE, BranchTier.PROVINCIAL_CENTRE, null, "330000", INSTALLATION),
                        new OfficerAppointed(CENTRE, "pc-1", "PC One", "installation", "-", NOW, null, null, false))
                .when(new BindOfficer(new BranchCode(CENTRE), new OfficerId("pc-1"), new Subject("pc-1-sub"),
                        INSTALLATION))
                .expectEvents(new OfficerSubjectBound(CENTRE, "pc-1", "pc-1-sub", "installation", "-", NOW));
        fixture.given(registered(CENTRE, BranchTier.PROVINCIAL_CENTRE, null, "330000", INSTALLATION),
                        appointed(CENTRE, ERIN_AT_CENTRE, "Erin", "installation", "-"))
                .when(new BindOfficer(new BranchCode(CENTRE), new OfficerId(ERIN_AT_CENTRE), new Subject("x"),
                        INSTALLATION))
                .expectException(InstallationAlreadyDone.class)
                .expectNoEvents();
    }

    @Test
    void only_an_administrator_appoints() {
        network.appoint("olga", HANGZHOU, EnumSet.of(BranchRole.OFFICER, BranchRole.CERTIFIER));
        fixture.given(registered(XIHU, BranchTier.COUNTY_SUB_CENTRE, HANGZHOU, "330106", ALICE))
                .when(appoint(XIHU, "frank", "Frank", new ActingOfficer("olga", HANGZHOU)))
                .expectException(RoleNotHeld.class)
                .expectExceptionMessage("officer olga does not hold the administrator role at branch HZ-BRANCH")
                .expectNoEvents();
    }

    @Test
    void a_system_client_acts_for_one_branch() {
        fixture.given(registered(XIHU, BranchTier.COUNTY_SUB_CENTRE, HANGZHOU, "330106", ALICE))
                .when(new AppointOfficer(new BranchCode(XIHU), new OfficerId(BOB_AT_HANGZHOU), "Bob's system",
                        new Subject(BOB_AT_HANGZHOU), EnumSet.of(BranchRole.OFFICER), true, ALICE))
                .expectException(SystemClientOfOneBranch.class)
                .expectNoEvents();
        fixture.given(registered(XIHU, BranchTier.COUNTY_SUB_CENTRE, HANGZHOU, "330106", ALICE))
                .when(new AppointOfficer(new BranchCode(XIHU), new OfficerId("xh-registry"), "Xihu registry",
                        new Subject("xh-registry"), EnumSet.of(BranchRole.OFFICER), true, ALICE))
                .expectEvents(new OfficerAppointed(XIHU, "xh-registry", "Xihu registry", ALICE_AT_HANGZHOU, HANGZHOU,
                        NOW, "xh-registry", List.of("OFFICER"), true));
    }

    @Test
    void the_last_officer_of_the_centre_stays() {
        fixture.given(registered(CENTRE, BranchTier.PROVINCIAL_CENTRE, null, "330000", INSTALLATION),
                        appointed(CENTRE, ERIN_AT_CENTRE, "Erin", "installation", "-"))
                .when(new RemoveOfficer(new BranchCode(CENTRE), new OfficerId(ERIN_AT_CENTRE), "retired", ERIN))
                .expectException(LastOfficerOfCentre.class)
                .expectNoEvents();
    }

    @Test
    void an_officer_is_removed_with_a_reason() {
        fixture.given(registered(HANGZHOU, BranchTier.MUNICIPAL_BRANCH, CENTRE, "330100", ERIN),
                        appointed(HANGZHOU, BOB_AT_HANGZHOU, "Bob", ERIN_AT_CENTRE, CENTRE))
                .when(new RemoveOfficer(new BranchCode(HANGZHOU), new OfficerId(BOB_AT_HANGZHOU), "moved", ERIN))
                .expectEvents(new OfficerRemoved(HANGZHOU, BOB_AT_HANGZHOU, "moved", ERIN_AT_CENTRE, CENTRE, NOW));
    }

    @Test
    void only_an_appointed_officer_is_removed() {
        fixture.given(registered(HANGZHOU, BranchTier.MUNICIPAL_BRANCH, CENTRE, "330100", ERIN))
                .when(new RemoveOfficer(new BranchCode(HANGZHOU), new OfficerId(CAROL_AT_NINGBO), "typo", ERIN))
                .expectException(BranchRefusals.OfficerNotAppointed.class)
                .expectExceptionMessage("officer carol is not appointed to branch HZ-BRANCH")
                .expectNoEvents();
    }

    @Test
    void a_branch_is_suspended_and_reinstated_from_above() {
        fixture.given(registered(XIHU, BranchTier.COUNTY_SUB_CENTRE, HANGZHOU, "330106", ALICE))
                .when(new SuspendBranch(new BranchCode(XIHU), "audit", ALICE))
                .expectEvents(new BranchSuspended(XIHU, "audit", ALICE_AT_HANGZHOU, HANGZHOU, NOW));
        fixture.given(registered(XIHU, BranchTier.COUNTY_SUB_CENTRE, HANGZHOU, "330106", ALICE),
                        new BranchSuspended(XIHU, "audit", ALICE_AT_HANGZHOU, HANGZHOU, NOW))
                .when(new ReinstateBranch(new BranchCode(XIHU), "audit passed", ERIN))
                .expectEvents(new BranchReinstated(XIHU, "audit passed", ERIN_AT_CENTRE, CENTRE, NOW));
    }

    @Test
    void a_branch_does_not_suspend_itself() {
        fixture.given(registered(HANGZHOU, BranchTier.MUNICIPAL_BRANCH, CENTRE, "330100", ERIN))
                .when(new SuspendBranch(new BranchCode(HANGZHOU), "no reason", ALICE))
                .expectException(OutsideJurisdiction.class)
                .expectNoEvents();
    }

    @Test
    void the_provincial_centre_is_never_suspended() {
        fixture.given(registered(CENTRE, BranchTier.PROVINCIAL_CENTRE, null, "330000", INSTALLATION))
                .when(new SuspendBranch(new BranchCode(CENTRE), "why", ERIN))
                .expectException(StatusChangeNotPermitted.class)
                .expectNoEvents();
    }

    @Test
    void only_a_suspended_branch_is_reinstated() {
        fixture.given(registered(XIHU, BranchTier.COUNTY_SUB_CENTRE, HANGZHOU, "330106", ALICE))
                .when(new ReinstateBranch(new BranchCode(XIHU), "fine", ALICE))
                .expectException(StatusChangeNotPermitted.class)
                .expectNoEvents();
    }

    @Test
    void an_officer_of_a_suspended_branch_cannot_act() {
        network.setStatus(HANGZHOU, BranchStatus.SUSPENDED);
        fixture.given(registered(XIHU, BranchTier.COUNTY_SUB_CENTRE, HANGZHOU, "330106", ALICE))
                .when(appoint(XIHU, "frank", "Frank", ALICE))
                .expectException(BranchNotActive.class)
                .expectNoEvents();
    }

    @Test
    void a_branch_with_open_children_is_not_closed() {
        fixture.given(registered(XIHU, BranchTier.COUNTY_SUB_CENTRE, HANGZHOU, "330106", ALICE))
                .when(new CloseBranch(new BranchCode(XIHU), "merged with neighbour", ALICE))
                .expectException(StatusChangeNotPermitted.class)
                .expectExceptionMessage("branch XH-SUBCENTRE still has 1 branch(es) under it that are not closed")
                .expectNoEvents();
    }

    @Test
    void a_closed_branch_records_nothing_more() {
        fixture.given(registered(XIHU_POINT, BranchTier.ACCEPTANCE_POINT, XIHU, "330106", ALICE))
                .when(new CloseBranch(new BranchCode(XIHU_POINT), "moved", ALICE))
                .expectEvents(new BranchClosed(XIHU_POINT, "moved", ALICE_AT_HANGZHOU, HANGZHOU, NOW));
        fixture.given(registered(XIHU_POINT, BranchTier.ACCEPTANCE_POINT, XIHU, "330106", ALICE),
                        new BranchClosed(XIHU_POINT, "moved", ALICE_AT_HANGZHOU, HANGZHOU, NOW))
                .when(appoint(XIHU_POINT, "frank", "Frank", ALICE))
                .expectException(BranchClosedForGood.class)
                .expectNoEvents();
    }

    /** Appoints an officer with every role, bound to a subject of their own name. */
    private static AppointOfficer appoint(String branch, String officer, String name, ActingOfficer actor) {
        return new AppointOfficer(new BranchCode(branch), new OfficerId(officer), name, new Subject(officer),
                BranchRole.all(), false, actor);
    }

    /** The event of such an appointment. */
    private static OfficerAppointed appointed(String branch, String officer, String name, String by,
                                              String byBranch) {
        return new OfficerAppointed(branch, officer, name, by, byBranch, NOW, officer,
                List.of("ADMINISTRATOR", "CERTIFIER", "OFFICER"), false);
    }
}
