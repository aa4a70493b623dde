package org.creditbank.ledger.projection.points;

import org.creditbank.ledger.achievement.AchievementKind;
import org.creditbank.ledger.group.GroupEvent.GroupFormed;
import org.creditbank.ledger.group.GroupEvent.InvitationAccepted;
import org.creditbank.ledger.group.GroupEvent.MemberInvited;
import org.creditbank.ledger.group.GroupEvent.MemberLeft;
import org.creditbank.ledger.group.GroupEvent.MembershipMerged;
import org.creditbank.ledger.group.GroupEvent.PointsTransferred;
import org.creditbank.ledger.group.PointsEarned;
import org.creditbank.ledger.group.PointsMerged;
import org.creditbank.ledger.group.PointsRule.PointsRulePublished;
import org.creditbank.ledger.group.PointsTerms;
import org.creditbank.ledger.learner.AccountEvent.AccountOpened;
import org.creditbank.ledger.learner.Sealed;
import org.creditbank.ledger.projection.ReadModelSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** Learning points, given events: balances, double entries, a family's members, and each learner's one family. */
class PointsProjectionTest {

    private static final String GRANDMA = "330100000000000011";
    private static final String GRANDSON = "330100000000000029";

    private final ReadModelSpecification points = ReadModelSpecification.of(PointsReadModel::declaration);

    @AfterEach
    void close() {
        points.close();
    }

    @Test
    void points_earned_and_given_are_double_entries_that_leave_the_total_unchanged() {
        for (String learner : List.of(GRANDMA, GRANDSON)) {
            points.given(learner, new AccountOpened(learner, "h" + learner, new Sealed("k", "a", "n", "c"), "alice",
                    "HZ-BRANCH", points.now()), "alice", "HZ-BRANCH");
        }
        points.given("points-rule:ZJ", new PointsRulePublished("ZJ", 1, new PointsTerms(List.of(
                AchievementKind.COMMUNITY_LEARNING), BigDecimal.TEN, LocalDate.parse("2026-01-01"), null), "erin",
                "ZJ-CENTRE", points.now()), "erin", "ZJ-CENTRE");
        points.given(GRANDMA, new PointsEarned(GRANDMA, "ach-1", "ZJ", 1, new BigDecimal("3.5"), new BigDecimal("35"),
                points.now()), "bob", "HZ-BRANCH");
        points.given("group:li", new GroupFormed("li", "FAMILY", "The Lis", GRANDMA, 1, "learner", null,
                points.now()), "learner", null);
        points.given("group:li", new MemberInvited("li", GRANDSON, 3, GRANDMA, "learner", null, points.now()),
                "learner", null);
        points.given("group:li", new InvitationAccepted("li", GRANDSON, "learner", null, points.now()), "learner",
                null);
        points.given("group:li", new PointsTransferred("li", "gift-0001", GRANDMA, GRANDSON, new BigDecimal("20"),
                "learner", null, points.now()), "learner", null);

        assertThat(points.rows("points_balance", "learner_number")).extracting(r -> r.get("learner_number"),
                r -> ((BigDecimal) r.get("balance")).intValue()).containsExactly(tuple(GRANDMA, 15),
                tuple(GRANDSON, 20));
        assertThat(points.rows("points_entry", "learner_number, entry")).extracting(r -> r.get("entry"),
                r -> ((BigDecimal) r.get("points")).intValue()).containsExactly(tuple("EARNED", 35),
                tuple("GIVEN", -20), tuple("RECEIVED", 20));
        assertThat(points.rows("points_family", "learner_number")).extracting(r -> r.get("group_id"))
                .containsExactly("li", "li");

        points.given("group:li", new MemberLeft("li", GRANDSON, "learner", null, points.now()), "learner", null);
        assertThat(points.rows("points_family", "learner_number")).extracting(r -> r.get("learner_number"))
                .containsExactly(GRANDMA);
        assertThat(points.rows("points_member", "learner_number")).extracting(r -> r.get("status"))
                .containsExactly("MEMBER", "LEFT");
    }

    @Test
    void a_merge_moves_the_merged_balance_as_two_lines_and_hands_on_the_family_place() {
        String copy = "330100000000000037";
        for (String learner : List.of(GRANDMA, GRANDSON, copy)) {
            points.given(learner, new AccountOpened(learner, "h" + learner, new Sealed("k", "a", "n", "c"), "alice",
                    "HZ-BRANCH", points.now()), "alice", "HZ-BRANCH");
        }
        points.given(copy, new PointsEarned(copy, "ach-1", "ZJ", 1, new BigDecimal("3"), new BigDecimal("30"),
                points.now()), "bob", "HZ-BRANCH");
        points.given("group:li", new GroupFormed("li", "FAMILY", "The Lis", copy, 1, "learner", null, points.now()),
                "learner", null);
        points.given("group:li", new MemberInvited("li", GRANDSON, 3, copy, "learner", null, points.now()),
                "learner", null);
        points.given("group:li", new InvitationAccepted("li", GRANDSON, "learner", null, points.now()), "learner",
                null);

        points.given(GRANDMA, new PointsMerged(GRANDMA, copy, new BigDecimal("30"), "alice", "HZ-BRANCH",
                points.now()), "alice", "HZ-BRANCH");
        points.given("group:li", new MembershipMerged("li", copy, GRANDMA, "MEMBER", 1, null, "alice", "HZ-BRANCH",
                points.now()), "alice", "HZ-BRANCH");

        assertThat(points.rows("points_balance", "learner_number")).extracting(r -> r.get("learner_number"),
                r -> ((BigDecimal) r.get("balance")).intValue()).containsExactly(tuple(GRANDMA, 30),
                tuple(GRANDSON, 0), tuple(copy, 0));
        assertThat(points.rows("points_entry", "learner_number, entry")).extracting(r -> r.get("learner_number"),
                r -> r.get("entry"), r -> ((BigDecimal) r.get("points")).intValue()).containsExactly(
                tuple(GRANDMA, "MERGED_IN", 30), tuple(copy, "EARNED", 30), tuple(copy, "MERGED_OUT", -30));
        assertThat(points.rows("points_member", "learner_number")).extracting(r -> r.get("learner_number"),
                r -> r.get("status"), r -> r.get("generation")).containsExactly(tuple(GRANDMA, "MEMBER", 1),
                tuple(GRANDSON, "MEMBER", 3), tuple(copy, "MERGED", 1));
        assertThat(points.rows("points_family", "learner_number")).extracting(r -> r.get("learner_number"))
                .containsExactly(GRANDMA, GRANDSON);
    }
}
