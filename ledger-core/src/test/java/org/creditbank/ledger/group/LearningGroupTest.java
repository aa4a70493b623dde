package org.creditbank.ledger.group;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.creditbank.ledger.TestNetwork;
import org.creditbank.ledger.TestPointsLedger;
import org.creditbank.ledger.access.Subject;
import org.creditbank.ledger.branch.ActingOfficer;
import org.creditbank.ledger.branch.DivisionCode;
import org.creditbank.ledger.branch.Jurisdiction;
import org.creditbank.ledger.group.GroupCommands.AcceptInvitation;
import org.creditbank.ledger.group.GroupCommands.Actor;
import org.creditbank.ledger.group.GroupCommands.FormGroup;
import org.creditbank.ledger.group.GroupCommands.InviteMember;
import org.creditbank.ledger.group.GroupCommands.TransferPoints;
import org.creditbank.ledger.group.GroupEvent.GroupFormed;
import org.creditbank.ledger.group.GroupEvent.InvitationAccepted;
import org.creditbank.ledger.group.GroupEvent.MemberInvited;
import org.creditbank.ledger.group.GroupEvent.PointsTransferred;
import org.creditbank.ledger.group.GroupRefusals.AlreadyInFamily;
import org.creditbank.ledger.group.GroupRefusals.InsufficientPoints;
import org.creditbank.ledger.group.GroupRefusals.NotFamily;
import org.creditbank.ledger.group.GroupRefusals.NotMember;
import org.creditbank.ledger.group.GroupRefusals.NotToTheYounger;
import org.creditbank.ledger.group.GroupRefusals.TransferIdReused;
import org.creditbank.ledger.learner.AccountRefusals.NotThisLearner;
import org.creditbank.ledger.learner.IdentityRegister;
import org.creditbank.ledger.learner.LearnerNumber;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import static org.creditbank.ledger.TestNetwork.HANGZHOU;

/**
 * A family group and the learning points its members give one another: from elders to the young, within the giver's
 * balance, once per transfer id; a learner in one family at a time.
 */
class LearningGroupTest {

    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");
    private static final LearnerNumber GRANDMA = LearnerNumber.issue(new DivisionCode("330100"), 1);
    private static final LearnerNumber GRANDSON = LearnerNumber.issue(new DivisionCode("330100"), 2);
    private static final LearnerNumber OUTSIDER = LearnerNumber.issue(new DivisionCode("330100"), 3);
    private static final GroupId LI = new GroupId("li-family");
    private static final Actor AS_GRANDMA = new Actor(null, new Subject("grandma-sub"));
    private static final Actor AS_GRANDSON = new Actor(null, new Subject("grandson-sub"));
    private static final Actor ALICE = new Actor(new ActingOfficer(TestNetwork.ALICE_AT_HANGZHOU, HANGZHOU), null);

    private final TestPointsLedger points = new TestPointsLedger();
    private final Map<String, String> signIns = Map.of("grandma-sub", GRANDMA.value(), "grandson-sub",
            GRANDSON.value());
    private AggregateTestFixture<LearningGroup> groups;

    @BeforeEach
    void wire() {
        groups = new AggregateTestFixture<>(LearningGroup.class);
        groups.registerInjectableResource(new Jurisdiction(TestNetwork.standard()));
        groups.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        groups.registerInjectableResource(points);
        groups.registerInjectableResource(new IdentityRegister() {
            @Override
            public Optional<String> accountFor(String identityHash) {
                return Optional.empty();
            }

            @Override
            public Optional<String> accountSignedInBy(String subject) {
                return Optional.ofNullable(signIns.get(subject));
            }
        });
    }

    @Test
    void a_learner_forms_a_family_and_invites_the_young_who_join() {
        groups.givenNoPriorActivity()
                .when(new FormGroup(LI, "FAMILY", "The Lis", GRANDMA, 1, AS_GRANDMA))
                .expectEvents(formed());
        groups.given(formed())
                .when(new InviteMember(LI, GRANDMA, GRANDSON, 3, AS_GRANDMA))
                .expectEvents(new MemberInvited("li-family", GRANDSON.value(), 3, GRANDMA.value(), "learner", null,
                        NOW));
        groups.given(formed(), invited())
                .when(new AcceptInvitation(LI, GRANDSON, AS_GRANDSON))
                .expectEvents(new InvitationAccepted("li-family", GRANDSON.value(), "learner", null, NOW));
        // Signed in as someone else; an officer may act on a learner's behalf.
        groups.givenNoPriorActivity()
                .when(new FormGroup(LI, "FAMILY", "The Lis", GRANDMA, 1, AS_GRANDSON))
                .expectException(NotThisLearner.class)
                .expectNoEvents();
        groups.givenNoPriorActivity()
                .when(new FormGroup(LI, "FAMILY", "The Lis", GRANDMA, 1, ALICE))
                .expectEvents(new GroupFormed("li-family", "FAMILY", "The Lis", GRANDMA.value(), 1, "alice",
                        HANGZHOU, NOW));
    }

    @Test
    void only_accounts_join_and_receive_so_no_point_is_given_into_nothing() {
        points.noAccount(OUTSIDER.value());
        groups.given(formed())
                .when(new InviteMember(LI, GRANDMA, OUTSIDER, 3, ALICE))
                .expectException(org.creditbank.ledger.learner.AccountRefusals.UnknownAccount.class)
                .expectNoEvents();
    }

    @Test
    void a_learner_is_in_one_family_at_a_time() {
        points.family(GRANDSON.value(), "other-family");
        groups.given(formed(), invited())
                .when(new AcceptInvitation(LI, GRANDSON, AS_GRANDSON))
                .expectException(AlreadyInFamily.class)
                .expectNoEvents();
    }

    @Test
    void points_go_from_elders_to_the_young_within_the_givers_balance_once_per_transfer() {
        points.balance(GRANDMA.value(), "100");
        PointsTransferred given = new PointsTransferred("li-family", "gift-0001", GRANDMA.value(), GRANDSON.value(),
                new BigDecimal("40"), "learner", null, NOW);
        groups.given(family())
                .when(transfer("gift-0001", GRANDMA, GRANDSON, "40", AS_GRANDMA))
                .expectEvents(given);
        // The same transfer again: nothing more; its id with other terms: refused.
        groups.given(family(given))
                .when(transfer("gift-0001", GRANDMA, GRANDSON, "40", AS_GRANDMA))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        groups.given(family(given))
                .when(transfer("gift-0001", GRANDMA, GRANDSON, "41", AS_GRANDMA))
                .expectException(TransferIdReused.class)
                .expectNoEvents();
        groups.given(family())
                .when(transfer("gift-0002", GRANDMA, GRANDSON, "101", AS_GRANDMA))
                .expectException(InsufficientPoints.class)
                .expectExceptionMessage("learner " + GRANDMA.value() + " holds 100 points and cannot give 101")
                .expectNoEvents();
        groups.given(family())
                .when(transfer("gift-0003", GRANDSON, GRANDMA, "1", AS_GRANDSON))
                .expectException(NotToTheYounger.class)
                .expectNoEvents();
        groups.given(family())
                .when(transfer("gift-0004", GRANDMA, OUTSIDER, "1", AS_GRANDMA))
                .expectException(NotMember.class)
                .expectNoEvents();
        groups.given(new GroupFormed("li-family", "INTEREST", "Calligraphy", GRANDMA.value(), null, "learner", null,
                        NOW))
                .when(transfer("gift-0005", GRANDMA, GRANDSON, "1", AS_GRANDMA))
                .expectException(NotFamily.class)
                .expectNoEvents();
    }

    private static TransferPoints transfer(String id, LearnerNumber from, LearnerNumber to, String amount,
                                           Actor actor) {
        return new TransferPoints(LI, id, from, to, new BigDecimal(amount), actor);
    }

    private static GroupFormed formed() {
        return new GroupFormed("li-family", "FAMILY", "The Lis", GRANDMA.value(), 1, "learner", null, NOW);
    }

    private static MemberInvited invited() {
        return new MemberInvited("li-family", GRANDSON.value(), 3, GRANDMA.value(), "learner", null, NOW);
    }

    /** The grandmother's family with her grandson in it, and what followed. */
    private static java.util.List<Object> family(Object... then) {
        java.util.List<Object> history = new java.util.ArrayList<>(java.util.List.of(formed(), invited(),
                new InvitationAccepted("li-family", GRANDSON.value(), "learner", null, NOW)));
        history.addAll(java.util.List.of(then));
        return history;
    }
}
