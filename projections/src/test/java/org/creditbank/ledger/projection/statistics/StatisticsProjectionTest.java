package org.creditbank.ledger.projection.statistics;

import org.creditbank.ledger.achievement.AchievementEvent.AchievementCertified;
import org.creditbank.ledger.achievement.AchievementEvent.AchievementRecorded;
import org.creditbank.ledger.achievement.AchievementEvent.AchievementRevoked;
import org.creditbank.ledger.projection.ReadModelSpecification;
import org.creditbank.ledger.readmodel.Dialect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * The statistics, given events: facts, the sums derived from them, and where each learner is counted. Each read of
 * rows also rebuilds them in bulk (facts, then the derivation) and requires the same rows.
 */
class StatisticsProjectionTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String ANNA = "330100000000000011";
    private static final String BEN = "330100000000000029";
    /** Hangzhou's branch below the provincial centre, in region 330100. */
    private static final BranchNodes NETWORK = branch -> switch (branch) {
        case "HZ-BRANCH" -> Reach.nodes(branch, "/ZJ-CENTRE/HZ-BRANCH/", "330100");
        case "ZJ-CENTRE" -> Reach.nodes(branch, "/ZJ-CENTRE/", "330000");
        default -> throw new IllegalStateException("statistics know no branch " + branch);
    };

    private JdbcTemplate jdbc;
    private final ReadModelSpecification statistics = ReadModelSpecification.of(jdbc -> {
        this.jdbc = jdbc;
        return StatisticsReadModel.declaration(jdbc, SHANGHAI, Dialect.H2, NETWORK);
    });

    @AfterEach
    void close() {
        statistics.close();
    }

    @Test
    void a_certification_counts_for_the_branch_that_acted_by_recorded_and_by_valid_time() {
        record(ANNA, "a-1", "3.5", LocalDate.of(2025, 6, 30));
        certify(ANNA, "a-1", "3.5", "ZJ-CENTRE");

        assertThat(statistics.rows("stat_month", "measure")).extracting(r -> r.get("branch_code"),
                r -> r.get("measure"), r -> r.get("credit_unit"), r -> r.get("n")).containsExactly(
                tuple("ZJ-CENTRE", "CERTIFIED", "BANK_CREDIT", 1L), tuple("HZ-BRANCH", "RECORDED", "", 1L));
        assertThat(statistics.rows("stat_valid", "grain, measure")).extracting(r -> r.get("grain"),
                r -> r.get("achieved").toString(), r -> r.get("measure")).containsExactly(
                tuple("D", "2025-06-30", "CERTIFIED"), tuple("D", "2025-06-30", "RECORDED"),
                tuple("M", "2025-06-01", "CERTIFIED"), tuple("M", "2025-06-01", "RECORDED"));
        assertThat(statistics.rows("stat_fact", "ordinal, measure")).extracting(r -> r.get("day_start").toString())
                .containsOnly("2026-03-02");
    }

    @Test
    void a_revocation_withdraws_what_the_certification_deposited() {
        record(ANNA, "a-1", "3.5", LocalDate.of(2025, 6, 30));
        certify(ANNA, "a-1", "3.5", "HZ-BRANCH");
        statistics.given(ANNA, new AchievementRevoked(ANNA, "a-1", "forged", "bob", "HZ-BRANCH", statistics.now()),
                "bob", "HZ-BRANCH");

        BigDecimal deposited = statistics.rows("stat_month", "measure").stream()
                .map(r -> (BigDecimal) r.get("credits")).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(deposited).isEqualByComparingTo("0");
        assertThat(statistics.rows("stat_achievement", "achievement_id")).extracting(r -> r.get("certified"))
                .containsExactly(false);
    }

    @Test
    void each_learner_is_counted_once_at_every_node_and_period_their_acts_count_at() {
        record(ANNA, "a-1", "1", LocalDate.of(2025, 6, 30));
        record(ANNA, "a-2", "1", LocalDate.of(2024, 1, 5));
        certify(ANNA, "a-1", "1", "ZJ-CENTRE");
        record(BEN, "b-1", "1", LocalDate.of(2025, 1, 1));

        List<Map<String, Object>> counted = statistics.rows("stat_reach_count", "node, period");
        assertThat(counted).extracting(r -> r.get("node"), r -> r.get("period"), r -> r.get("learners")).contains(
                tuple("*", "*", 2L), tuple("ZJ-CENTRE", "2026", 2L), tuple("HZ-BRANCH", "2026-03", 2L),
                tuple("=HZ-BRANCH", "*", 2L), tuple("=ZJ-CENTRE", "*", 1L), tuple("@330100", "*", 2L),
                tuple("@330000", "*", 1L));
        // Anna's earliest achieved date anywhere is her second achievement's.
        assertThat(statistics.rows("stat_reach_valid", "node, period, achieved")).filteredOn(r -> r.get("node")
                .equals("*") && r.get("period").equals("*")).extracting(r -> r.get("achieved").toString(),
                r -> r.get("learners")).containsExactly(tuple("2024-01-05", 1L), tuple("2025-01-01", 1L));
        assertThat(statistics.rows("stat_active", "learner_number, branch_code")).extracting(
                r -> r.get("learner_number"), r -> r.get("branch_code")).containsExactly(tuple(ANNA, "HZ-BRANCH"),
                tuple(ANNA, "ZJ-CENTRE"), tuple(BEN, "HZ-BRANCH"));
    }

    @Test
    void sums_added_event_by_event_over_the_whole_store_equal_those_added_at_once_and_the_live_ones() {
        record(ANNA, "a-1", "3.5", LocalDate.of(2025, 6, 30));
        record(ANNA, "a-2", "2", LocalDate.of(2025, 6, 12));
        certify(ANNA, "a-1", "3.5", "HZ-BRANCH");
        certify(ANNA, "a-2", "2", "HZ-BRANCH");
        record(BEN, "b-1", "1", LocalDate.of(2025, 6, 30));
        statistics.given(ANNA, new AchievementRevoked(ANNA, "a-2", "forged", "bob", "HZ-BRANCH", statistics.now()),
                "bob", "HZ-BRANCH");

        // Every event its own batch, and the sums added after each: keys met again are added to, not inserted twice.
        statistics.assertReplayEqualsLive(slot -> StatisticsProjection.bulk(jdbc, slot, SHANGHAI, Dialect.H2, NETWORK,
                1), 1);
        assertThat(statistics.rows("stat_month", "measure")).extracting(r -> r.get("measure"), r -> r.get("n"),
                r -> ((BigDecimal) r.get("credits")).stripTrailingZeros().toPlainString()).containsExactly(
                tuple("CERTIFIED", 2L, "5.5"), tuple("RECORDED", 3L, "0"), tuple("REVOKED", 1L, "-2"));
    }

    private void record(String learner, String id, String credits, LocalDate achievedOn) {
        statistics.given(learner, new AchievementRecorded(learner, id, "ACADEMIC_COURSE", "Linear Algebra", "ZJU",
                "ZJU", achievedOn, "0".repeat(64), "application/pdf", null, new BigDecimal(credits), "BANK_CREDIT",
                6, null, null, null, "ZJU", id, null, "alice", "HZ-BRANCH", statistics.now()), "alice", "HZ-BRANCH");
    }

    private void certify(String learner, String id, String credits, String branch) {
        statistics.given(learner, new AchievementCertified(learner, id, "bob", branch, new BigDecimal(credits),
                "BANK_CREDIT", statistics.now()), "bob", branch);
    }
}
