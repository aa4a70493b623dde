package org.creditbank.ledger.projection.actlog;

import org.creditbank.ledger.achievement.AchievementEvent.AchievementRejected;
import org.creditbank.ledger.branch.BranchEvent.BranchSuspended;
import org.creditbank.ledger.projection.ReadModelSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** The act log, given events: one row per event of any kind, with who acted, for which branch, and when. */
class ActLogProjectionTest {

    private final ReadModelSpecification actLog = ReadModelSpecification.of(ActLogReadModel::declaration);

    @AfterEach
    void close() {
        actLog.close();
    }

    @Test
    void every_event_is_an_act_of_the_officer_and_branch_its_command_named_at_its_millisecond() {
        Instant first = actLog.now();
        actLog.given("330100000000000011", new AchievementRejected("330100000000000011", "a-1", "unreadable", "bob",
                "HZ-BRANCH", first), "bob", "HZ-BRANCH");
        actLog.given("HZ-BRANCH", new BranchSuspended("HZ-BRANCH", "audit", "erin", "ZJ-CENTRE", actLog.now()), "erin",
                "ZJ-CENTRE");
        actLog.given("330100000000000011", new AchievementRejected("330100000000000011", "a-2", "unreadable", "bob",
                "HZ-BRANCH", actLog.now()), "bob", "HZ-BRANCH");

        assertThat(actLog.rows("ledger_act", "acted_at")).extracting(act -> act.get("aggregate_identifier"),
                act -> act.get("sequence_number"), act -> act.get("event_type"), act -> act.get("officer_id"),
                act -> act.get("branch_code")).containsExactly(
                tuple("330100000000000011", 0L, "AchievementRejected", "bob", "HZ-BRANCH"),
                tuple("HZ-BRANCH", 0L, "BranchSuspended", "erin", "ZJ-CENTRE"),
                tuple("330100000000000011", 1L, "AchievementRejected", "bob", "HZ-BRANCH"));
        assertThat(((java.time.OffsetDateTime) actLog.rows("ledger_act", "acted_at").get(0).get("acted_at"))
                .toInstant()).isEqualTo(first.truncatedTo(ChronoUnit.MILLIS));
    }
}
