package org.creditbank.ledger.projection.archive;

import org.creditbank.ledger.achievement.AchievementEvent.AchievementCertified;
import org.creditbank.ledger.achievement.AchievementEvent.AchievementCorrected;
import org.creditbank.ledger.achievement.AchievementEvent.AchievementRecorded;
import org.creditbank.ledger.achievement.AchievementEvent.AchievementRejected;
import org.creditbank.ledger.achievement.AchievementEvent.AchievementRevoked;
import org.creditbank.ledger.achievement.AchievementEvent.CorrectedFields;
import org.creditbank.ledger.learner.AccountEvent.AccountClosed;
import org.creditbank.ledger.learner.AccountEvent.AccountMergedInto;
import org.creditbank.ledger.learner.AccountEvent.AccountOpened;
import org.creditbank.ledger.learner.AccountEvent.ContactDetailsUpdated;
import org.creditbank.ledger.learner.AccountEvent.MergedAccountAbsorbed;
import org.creditbank.ledger.learner.ContactDetails;
import org.creditbank.ledger.learner.PersonalData;
import org.creditbank.ledger.projection.MemoryVault;
import org.creditbank.ledger.projection.ReadModelSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** The lifelong archive, given events: accounts, achievements with their current fields, and every act on each. */
class ArchiveProjectionTest {

    private static final String ANNA = "330100000000000011";
    private static final String ANNE = "330100000000000029";
    private static final String HZ = "HZ-BRANCH";

    private final MemoryVault vault = new MemoryVault();
    private final ReadModelSpecification archive = ReadModelSpecification.of(
            jdbc -> ArchiveReadModel.declaration(jdbc, vault));

    @AfterEach
    void close() {
        archive.close();
    }

    @Test
    void an_account_opened_shows_the_person_opened_from_the_vault_and_its_contact_as_updated() {
        open(ANNA, "Anna Li");
        archive.given(ANNA, new ContactDetailsUpdated(ANNA, vault.sealContact(ANNA,
                new ContactDetails("+86 571 0000", null, "Hangzhou")), "alice", HZ, archive.now()), "alice", HZ);

        Map<String, Object> account = archive.rows("learner_account", "learner_number").get(0);
        assertThat(account).containsEntry("learner_number", ANNA).containsEntry("status", "OPEN")
                .containsEntry("full_name", "Anna Li").containsEntry("phone", "+86 571 0000")
                .containsEntry("email", null).containsEntry("address", "Hangzhou")
                .containsEntry("opened_by", "alice").containsEntry("opening_branch", HZ)
                .containsEntry("closed_at", null);
    }

    @Test
    void once_a_learners_key_is_erased_a_replay_shows_the_account_as_erased() {
        vault.erase(ANNA);
        open(ANNA, "Anna Li");

        assertThat(archive.rows("learner_account", "learner_number").get(0))
                .containsEntry("full_name", ArchiveProjection.ERASED).containsEntry("email", null);
    }

    @Test
    void an_achievement_recorded_then_certified_deposits_its_credits_and_keeps_both_acts() {
        open(ANNA, "Anna Li");
        record(ANNA, "a-1", "3.5");
        archive.given(ANNA, new AchievementCertified(ANNA, "a-1", "bob", HZ, new BigDecimal("3.5"), "BANK_CREDIT",
                archive.now()), "bob", HZ);

        Map<String, Object> achievement = archive.rows("achievement", "achievement_id").get(0);
        assertThat(achievement).containsEntry("learner_number", ANNA).containsEntry("status", "CERTIFIED")
                .containsEntry("title", "Linear Algebra").containsEntry("recorded_by", "alice")
                .containsEntry("recording_branch", HZ).containsEntry("credit_unit", "BANK_CREDIT");
        assertThat((BigDecimal) achievement.get("credits")).isEqualByComparingTo("3.5");
        assertThat(acts("a-1")).containsExactly(List.of("RECORDED", "alice"), List.of("CERTIFIED", "bob"));
    }

    @Test
    void a_correction_changes_only_the_fields_it_names_and_says_why() {
        open(ANNA, "Anna Li");
        record(ANNA, "a-1", "3.5");
        archive.given(ANNA, new AchievementCorrected(ANNA, "a-1", "title misspelt", new CorrectedFields(
                "Linear Algebra I", null, null, LocalDate.of(2025, 7, 1), null, null, null, new BigDecimal("4"),
                "BANK_CREDIT", null, null, null, null), "alice", HZ, archive.now()), "alice", HZ);

        Map<String, Object> achievement = archive.rows("achievement", "achievement_id").get(0);
        assertThat(achievement).containsEntry("title", "Linear Algebra I")
                .containsEntry("awarding_body", "Zhejiang University").containsEntry("status", "RECORDED")
                .containsEntry("result_value", "91").containsEntry("qualification_level", 6);
        assertThat(achievement.get("achieved_on").toString()).isEqualTo("2025-07-01");
        assertThat((BigDecimal) achievement.get("credits")).isEqualByComparingTo("4");
        assertThat(archive.rows("achievement_act", "id")).extracting(act -> act.get("act"), act -> act.get("reason"))
                .containsExactly(tuple("RECORDED", null),
                        tuple("CORRECTED", "title misspelt"));
    }

    @Test
    void a_rejection_and_a_revocation_change_the_status_and_keep_the_reason() {
        open(ANNA, "Anna Li");
        record(ANNA, "a-1", "3.5");
        record(ANNA, "a-2", "2");
        archive.given(ANNA, new AchievementRejected(ANNA, "a-1", "evidence unreadable", "bob", HZ, archive.now()),
                "bob", HZ);
        archive.given(ANNA, new AchievementCertified(ANNA, "a-2", "bob", HZ, new BigDecimal("2"), "BANK_CREDIT",
                archive.now()), "bob", HZ);
        archive.given(ANNA, new AchievementRevoked(ANNA, "a-2", "forged certificate", "bob", HZ, archive.now()),
                "bob", HZ);

        assertThat(archive.rows("achievement", "achievement_id")).extracting(a -> a.get("status"))
                .containsExactly("REJECTED", "REVOKED");
        assertThat(archive.rows("achievement_act", "id")).extracting(act -> act.get("reason")).containsExactly(null,
                null, "evidence unreadable", null, "forged certificate");
    }

    @Test
    void a_merge_moves_the_achievements_to_the_survivor_supersedes_duplicates_and_forwards_the_merged_account() {
        open(ANNA, "Anna Li");
        open(ANNE, "Anna Li");
        record(ANNA, "a-1", "3.5");
        record(ANNE, "b-1", "3.5");
        record(ANNE, "b-2", "1");
        archive.given(ANNE, new AccountMergedInto(ANNE, ANNA, "one person", "erin", "ZJ-CENTRE", archive.now()),
                "erin", "ZJ-CENTRE");
        archive.given(ANNA, new MergedAccountAbsorbed(ANNA, ANNE, "one person", List.of(), List.of("b-1"), "erin",
                "ZJ-CENTRE", archive.now()), "erin", "ZJ-CENTRE");

        assertThat(archive.rows("achievement", "achievement_id")).extracting(a -> a.get("achievement_id"),
                a -> a.get("learner_number"), a -> a.get("status")).containsExactly(
                tuple("a-1", ANNA, "RECORDED"),
                tuple("b-1", ANNA, "SUPERSEDED"),
                tuple("b-2", ANNA, "RECORDED"));
        assertThat(acts("b-1")).containsExactly(List.of("RECORDED", "alice"), List.of("SUPERSEDED", "erin"));
        assertThat(archive.rows("learner_account", "learner_number")).extracting(a -> a.get("learner_number"),
                a -> a.get("status"), a -> a.get("merged_into")).containsExactly(
                tuple(ANNA, "OPEN", null),
                tuple(ANNE, "MERGED", ANNA));
    }

    @Test
    void a_closed_account_says_when() {
        open(ANNA, "Anna Li");
        archive.given(ANNA, new AccountClosed(ANNA, "deceased", "alice", HZ, archive.now()), "alice", HZ);

        Map<String, Object> account = archive.rows("learner_account", "learner_number").get(0);
        assertThat(account).containsEntry("status", "CLOSED");
        assertThat(account.get("closed_at")).isNotNull();
    }

    @Test
    void as_of_an_instant_the_archive_is_what_the_events_up_to_it_made() {
        open(ANNA, "Anna Li");
        record(ANNA, "a-1", "3.5");
        List<Map<String, Object>> before = archive.rows("achievement", "achievement_id");
        archive.given(ANNA, new AchievementCertified(ANNA, "a-1", "bob", HZ, new BigDecimal("3.5"), "BANK_CREDIT",
                archive.now()), "bob", HZ);

        assertThat(before).extracting(a -> a.get("status")).containsExactly("RECORDED");
        assertThat(archive.rows("achievement", "achievement_id")).extracting(a -> a.get("status"))
                .containsExactly("CERTIFIED");
    }

    private void open(String learner, String name) {
        archive.given(learner, new AccountOpened(learner, "hash-" + learner, vault.sealPerson(learner,
                new PersonalData(name, "RESIDENT_ID", "11010519491231002X", "1949-12-31", ContactDetails.NONE)),
                "alice", HZ, archive.now()), "alice", HZ);
    }

    private void record(String learner, String achievementId, String credits) {
        archive.given(learner, new AchievementRecorded(learner, achievementId, "ACADEMIC_COURSE", "Linear Algebra",
                "Zhejiang University", "Zhejiang University", LocalDate.of(2025, 6, 30), "9f86d0".repeat(10) + "0a08",
                "application/pdf", null, new BigDecimal(credits), "BANK_CREDIT", 6, null, "PERCENT", "91", "ZJU",
                achievementId, null, "alice", HZ, archive.now()), "alice", HZ);
    }

    /** An achievement's acts, in order: what was done and by whom. */
    private List<List<Object>> acts(String achievementId) {
        return archive.rows("achievement_act", "id").stream()
                .filter(act -> act.get("achievement_id").equals(achievementId))
                .map(act -> List.of(act.get("act"), act.get("officer_id"))).toList();
    }
}
