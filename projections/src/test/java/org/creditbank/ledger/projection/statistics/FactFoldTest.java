package org.creditbank.ledger.projection.statistics;

import org.creditbank.ledger.achievement.AchievementEvent.AchievementCertified;
import org.creditbank.ledger.achievement.AchievementEvent.AchievementCorrected;
import org.creditbank.ledger.achievement.AchievementEvent.AchievementRecorded;
import org.creditbank.ledger.achievement.AchievementEvent.AchievementRejected;
import org.creditbank.ledger.achievement.AchievementEvent.AchievementRevoked;
import org.creditbank.ledger.achievement.AchievementEvent.CorrectedFields;
import org.creditbank.ledger.learner.AccountEvent.AccountClosed;
import org.creditbank.ledger.learner.AccountEvent.AccountOpened;
import org.creditbank.ledger.learner.AccountEvent.MergedAccountAbsorbed;
import org.creditbank.ledger.learner.Sealed;
import org.creditbank.ledger.projection.statistics.FactFold.Achievement;
import org.creditbank.ledger.projection.statistics.FactFold.Fact;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/** Events folded into statistical facts, without a database: what each act counts, with its dimensions then. */
class FactFoldTest {

    private static final String ANNA = "330100000000000011";
    private static final String ANNE = "330100000000000029";
    private static final Instant T = Instant.parse("2026-03-02T01:00:00Z");

    @Test
    void account_acts_count_one_each_at_the_branch_that_acted_with_no_dimensions_of_an_achievement() {
        FactFold fold = fold(List.of(), new AccountOpened(ANNA, "h", new Sealed("k", "a", "n", "c"), "alice",
                "HZ-BRANCH", T), new AccountClosed(ANNA, "moved away", "carl", "XH-COUNTY", T.plusSeconds(1)));

        assertThat(fold.facts()).extracting(Fact::measure, Fact::branch, Fact::kind, Fact::level, Fact::achievedOn,
                Fact::unit, Fact::n).containsExactly(
                tuple(Measure.ACCOUNT_OPENED, "HZ-BRANCH", "", 0, null, null, 1),
                tuple(Measure.ACCOUNT_CLOSED, "XH-COUNTY", "", 0, null, null, 1));
    }

    @Test
    void a_certification_deposits_the_credits_a_revocation_withdraws_them_a_rejection_moves_none() {
        FactFold fold = fold(List.of(), recorded("a-1", "3.5", 6), recorded("a-2", "2", 5),
                new AchievementCertified(ANNA, "a-1", "bob", "HZ-BRANCH", new BigDecimal("3.5"), "BANK_CREDIT", T),
                new AchievementRejected(ANNA, "a-2", "unreadable", "bob", "HZ-BRANCH", T),
                new AchievementRevoked(ANNA, "a-1", "forged", "erin", "ZJ-CENTRE", T));

        assertThat(fold.facts()).extracting(Fact::measure, Fact::branch, Fact::unit, Fact::credits).containsExactly(
                tuple(Measure.RECORDED, "HZ-BRANCH", null, BigDecimal.ZERO),
                tuple(Measure.RECORDED, "HZ-BRANCH", null, BigDecimal.ZERO),
                tuple(Measure.CERTIFIED, "HZ-BRANCH", "BANK_CREDIT", new BigDecimal("3.5")),
                tuple(Measure.REJECTED, "HZ-BRANCH", null, BigDecimal.ZERO),
                tuple(Measure.REVOKED, "ZJ-CENTRE", "BANK_CREDIT", new BigDecimal("-3.5")));
        assertThat(fold.recorded()).extracting(a -> a.id, a -> a.certified).containsExactly(tuple("a-1", false),
                tuple("a-2", false));
    }

    @Test
    void a_correction_counts_with_the_level_and_date_it_sets_and_moves_only_a_certified_achievements_credits() {
        Achievement certified = new Achievement("a-1", ANNA, "ACADEMIC_COURSE", 6, LocalDate.of(2025, 6, 30),
                new BigDecimal("3.5"), "BANK_CREDIT", true);
        Achievement uncertified = new Achievement("a-2", ANNA, "ACADEMIC_COURSE", 6, LocalDate.of(2025, 6, 30),
                new BigDecimal("2"), "BANK_CREDIT", false);
        FactFold fold = fold(List.of(certified, uncertified),
                corrected("a-1", 7, LocalDate.of(2025, 7, 1), "4", "BANK_CREDIT"),
                corrected("a-2", null, null, "3", "BANK_CREDIT"),
                new AchievementRevoked(ANNA, "a-1", "forged", "bob", "HZ-BRANCH", T));

        assertThat(fold.facts()).extracting(Fact::measure, Fact::level, Fact::achievedOn, Fact::unit, Fact::credits)
                .containsExactly(
                        tuple(Measure.CORRECTED, 7, LocalDate.of(2025, 7, 1), "BANK_CREDIT", new BigDecimal("0.5")),
                        tuple(Measure.CORRECTED, 6, LocalDate.of(2025, 6, 30), null, BigDecimal.ZERO),
                        tuple(Measure.REVOKED, 7, LocalDate.of(2025, 7, 1), "BANK_CREDIT", new BigDecimal("-4")));
        assertThat(fold.changed()).extracting(a -> a.id).containsExactly("a-1", "a-2");
    }

    @Test
    void a_correction_into_another_unit_takes_the_credits_out_of_one_and_into_the_other_never_adding_them() {
        Achievement certified = new Achievement("a-1", ANNA, "TRAINING", null, LocalDate.of(2025, 6, 30),
                new BigDecimal("16"), "HOURS", true);
        FactFold fold = fold(List.of(certified), corrected("a-1", null, null, "1", "BANK_CREDIT"));

        assertThat(fold.facts()).extracting(Fact::ordinal, Fact::unit, Fact::n, Fact::credits, Fact::level)
                .containsExactly(tuple(0, "HOURS", 1, new BigDecimal("-16"), 0),
                        tuple(1, "BANK_CREDIT", 0, BigDecimal.ONE, 0));
    }

    @Test
    void a_merge_moves_the_merged_learners_achievements_and_withdraws_the_superseded_duplicates() {
        Achievement duplicate = new Achievement("b-1", ANNE, "ACADEMIC_COURSE", 6, LocalDate.of(2025, 6, 30),
                new BigDecimal("3.5"), "BANK_CREDIT", true);
        Achievement kept = new Achievement("b-2", ANNE, "ACADEMIC_COURSE", 6, LocalDate.of(2025, 6, 30),
                new BigDecimal("1"), "BANK_CREDIT", false);
        FactFold fold = fold(List.of(duplicate, kept), new MergedAccountAbsorbed(ANNA, ANNE, "one person", List.of(),
                List.of("b-1"), "erin", "ZJ-CENTRE", T));

        assertThat(fold.facts()).extracting(Fact::measure, Fact::learner, Fact::unit, Fact::credits)
                .containsExactly(tuple(Measure.SUPERSEDED, ANNA, "BANK_CREDIT", new BigDecimal("-3.5")));
        assertThat(fold.changed()).extracting(a -> a.id, a -> a.learner, a -> a.certified)
                .containsExactlyInAnyOrder(tuple("b-1", ANNA, false), tuple("b-2", ANNA, false));
        assertThat(fold.moves()).containsExactly(new String[] {ANNA, ANNE});
    }

    @Test
    void the_achievements_to_give_are_those_acted_on_but_not_recorded_by_the_events() {
        assertThat(FactFold.actedOnEarlier(List.of(recorded("a-1", "1", 6),
                new AchievementCertified(ANNA, "a-1", "bob", "HZ-BRANCH", BigDecimal.ONE, "BANK_CREDIT", T),
                new AchievementRevoked(ANNA, "a-0", "forged", "bob", "HZ-BRANCH", T),
                new MergedAccountAbsorbed(ANNA, ANNE, "one", List.of(), List.of("b-1", "a-1"), "erin", "ZJ-CENTRE",
                        T)))).containsExactlyInAnyOrder("a-0", "b-1");
    }

    @Test
    void an_act_on_an_achievement_the_fold_was_not_given_is_out_of_commit_order() {
        assertThatThrownBy(() -> fold(List.of(), new AchievementRevoked(ANNA, "a-9", "forged", "bob", "HZ-BRANCH",
                T))).hasMessageContaining("statistics know no achievement a-9");
    }

    private static FactFold fold(List<Achievement> known, Object... events) {
        FactFold fold = new FactFold(known);
        for (int i = 0; i < events.length; i++) {
            fold.fold("event-" + i, events[i]);
        }
        return fold;
    }

    private static AchievementRecorded recorded(String id, String credits, Integer level) {
        return new AchievementRecorded(ANNA, id, "ACADEMIC_COURSE", "Linear Algebra", "ZJU", "ZJU",
                LocalDate.of(2025, 6, 30), "0".repeat(64), "application/pdf", null, new BigDecimal(credits),
                "BANK_CREDIT", level, null, null, null, "ZJU", id, null, "alice", "HZ-BRANCH", T);
    }

    private static AchievementCorrected corrected(String id, Integer level, LocalDate achievedOn, String credits,
                                                  String unit) {
        return new AchievementCorrected(ANNA, id, "fix", new CorrectedFields(null, null, null, achievedOn, null, null,
                null, new BigDecimal(credits), unit, level, null, null, null), "alice", "HZ-BRANCH", T);
    }
}
