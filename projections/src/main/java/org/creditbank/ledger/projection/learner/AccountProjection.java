package org.creditbank.ledger.projection.learner;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.creditbank.ledger.achievement.AchievementEvent.AchievementCertified;
import org.creditbank.ledger.achievement.AchievementEvent.AchievementCorrected;
import org.creditbank.ledger.achievement.AchievementEvent.AchievementRecorded;
import org.creditbank.ledger.achievement.AchievementEvent.AchievementRejected;
import org.creditbank.ledger.achievement.AchievementEvent.AchievementRevoked;
import org.creditbank.ledger.achievement.AchievementEvent.CorrectedFields;
import org.creditbank.ledger.achievement.AchievementStatus;
import org.creditbank.ledger.learner.AccountEvent.AccountClosed;
import org.creditbank.ledger.learner.AccountEvent.AccountMergedInto;
import org.creditbank.ledger.learner.AccountEvent.AccountOpened;
import org.creditbank.ledger.learner.AccountEvent.ContactDetailsUpdated;
import org.creditbank.ledger.learner.AccountEvent.MergedAccountAbsorbed;
import org.creditbank.ledger.learner.ContactDetails;
import org.creditbank.ledger.learner.PersonalData;
import org.creditbank.ledger.learner.PersonalDataVault;
import org.creditbank.ledger.projection.BatchedWrites;
import org.creditbank.ledger.projection.Slot;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.function.Supplier;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.creditbank.ledger.projection.Sql.at;

/**
 * Learner accounts as officers read them: status, contact, every achievement with its current fields and the
 * history of acts on it. Personal data is opened from the sealed events through the vault; once a learner's key is
 * erased, a rebuild shows
 * it as erased.
 */
@ProcessingGroup(AccountProjection.GROUP)
public class AccountProjection {

    /** The processing group that builds the account read model. */
    public static final String GROUP = "accounts";

    /** What the account shows in place of personal data whose key was erased. */
    public static final String ERASED = "(erased)";

    private final JdbcTemplate jdbc;
    private final BatchedWrites writes;
    private final PersonalDataVault vault;
    private final Supplier<Slot> slot;

    /** @param slot the slot to write, asked at each event (a rebuild switches the live one) */
    public AccountProjection(JdbcTemplate jdbc, PersonalDataVault vault, Supplier<Slot> slot) {
        this.jdbc = jdbc;
        this.writes = new BatchedWrites(jdbc, this);
        this.vault = vault;
        this.slot = slot;
    }

    @EventHandler
    void on(AccountOpened e) {
        Optional<PersonalData> person = vault.openPerson(e.learnerNumber(), e.personalData());
        ContactDetails contact = person.map(PersonalData::contact).orElse(ContactDetails.NONE);
        writes.write(t("learner_account"), "INSERT INTO " + t("learner_account")
                + " (learner_number, status, full_name, phone, email, address,"
                        + " opened_at, opened_by, opening_branch) VALUES (?, 'OPEN', ?, ?, ?, ?, ?, ?, ?)",
                e.learnerNumber(), person.map(PersonalData::fullName).orElse(ERASED), contact.phone(),
                contact.email(), contact.address(), at(e.at()), e.openedBy(), e.branchCode());
    }

    @EventHandler
    void on(ContactDetailsUpdated e) {
        ContactDetails contact = vault.openContact(e.learnerNumber(), e.contact()).orElse(ContactDetails.NONE);
        writes.write(t("learner_account"), "UPDATE " + t("learner_account")
                + " SET phone = ?, email = ?, address = ? WHERE learner_number = ?",
                contact.phone(), contact.email(), contact.address(), e.learnerNumber());
    }

    @EventHandler
    void on(AccountMergedInto e) {
        writes.write(t("learner_account"),
                "UPDATE " + t("learner_account") + " SET status = 'MERGED', merged_into = ?, closed_at = ?"
                + " WHERE learner_number = ?", e.survivorNumber(), at(e.at()), e.learnerNumber());
    }

    @EventHandler
    void on(MergedAccountAbsorbed e) {
        writes.write(t("achievement"), "UPDATE " + t("achievement")
                + " SET learner_number = ? WHERE learner_number = ?", e.learnerNumber(),
                e.mergedNumber());
        for (String duplicate : e.superseded()) {
            status(duplicate, AchievementStatus.SUPERSEDED, e.at());
            act(duplicate, "SUPERSEDED", "carried over from account " + e.mergedNumber()
                    + " as a duplicate of an achievement already held", e.mergedBy(), e.branchCode(), e.at());
        }
    }

    @EventHandler
    void on(AccountClosed e) {
        writes.write(t("learner_account"),
                "UPDATE " + t("learner_account") + " SET status = 'CLOSED', closed_at = ? WHERE learner_number = ?",
                at(e.at()), e.learnerNumber());
    }

    @EventHandler
    void on(AchievementRecorded e) {
        writes.write(t("achievement"),
                "INSERT INTO " + t("achievement") + " (achievement_id, learner_number, kind, title, awarding_body,"
                        + " assessing_body, achieved_on, evidence_sha256, evidence_media_type, evidence_location,"
                        + " credits, credit_unit, qualification_level, vocational_level, result_scheme, result_value,"
                        + " external_issuer, external_id, certificate_serial, status, recorded_by, recording_branch,"
                        + " recorded_at, changed_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                e.achievementId(), e.learnerNumber(), e.kind(), e.title(), e.awardingBody(), e.assessingBody(),
                e.achievedOn(), e.evidenceSha256(), e.evidenceMediaType(), e.evidenceLocation(), e.credits(),
                e.creditUnit(), e.qualificationLevel(), e.vocationalLevel(), e.resultScheme(), e.resultValue(),
                e.externalIssuer(), e.externalId(), e.certificateSerial(), AchievementStatus.RECORDED.name(),
                e.recordedBy(), e.branchCode(), at(e.at()), at(e.at()));
        act(e.achievementId(), "RECORDED", null, e.recordedBy(), e.branchCode(), e.at());
    }

    @EventHandler
    void on(AchievementCertified e) {
        writes.write(t("achievement"),
                "UPDATE " + t("achievement") + " SET status = ?, credits = ?, credit_unit = ?, changed_at = ?"
                        + " WHERE achievement_id = ?", AchievementStatus.CERTIFIED.name(), e.credits(), e.creditUnit(),
                at(e.at()), e.achievementId());
        act(e.achievementId(), "CERTIFIED", null, e.certifiedBy(), e.branchCode(), e.at());
    }

    @EventHandler
    void on(AchievementRejected e) {
        status(e.achievementId(), AchievementStatus.REJECTED, e.at());
        act(e.achievementId(), "REJECTED", e.reason(), e.rejectedBy(), e.branchCode(), e.at());
    }

    @EventHandler
    void on(AchievementCorrected e) {
        CorrectedFields c = e.corrected();
        List<String> sets = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        set(sets, values, "title", c.title());
        set(sets, values, "awarding_body", c.awardingBody());
        set(sets, values, "assessing_body", c.assessingBody());
        set(sets, values, "achieved_on", c.achievedOn());
        if (c.evidenceSha256() != null) {
            set(sets, values, "evidence_sha256", c.evidenceSha256());
            set(sets, values, "evidence_media_type", c.evidenceMediaType());
            sets.add("evidence_location = ?");
            values.add(c.evidenceLocation());
        }
        if (c.credits() != null) {
            set(sets, values, "credits", c.credits());
            set(sets, values, "credit_unit", c.creditUnit());
        }
        set(sets, values, "qualification_level", c.qualificationLevel());
        set(sets, values, "vocational_level", c.vocationalLevel());
        if (c.resultScheme() != null) {
            set(sets, values, "result_scheme", c.resultScheme());
            set(sets, values, "result_value", c.resultValue());
        }
        sets.add("changed_at = ?");
        values.add(at(e.at()));
        values.add(e.achievementId());
        writes.write(t("achievement"),
                "UPDATE " + t("achievement") + " SET " + String.join(", ", sets) + " WHERE achievement_id = ?",
                values.toArray());
        act(e.achievementId(), "CORRECTED", e.reason(), e.correctedBy(), e.branchCode(), e.at());
    }

    @EventHandler
    void on(AchievementRevoked e) {
        status(e.achievementId(), AchievementStatus.REVOKED, e.at());
        act(e.achievementId(), "REVOKED", e.reason(), e.revokedBy(), e.branchCode(), e.at());
    }

    private void status(String achievementId, AchievementStatus status, Instant at) {
        writes.write(t("achievement"), "UPDATE " + t("achievement")
                + " SET status = ?, changed_at = ? WHERE achievement_id = ?", status.name(),
                at(at), achievementId);
    }

    private void act(String achievementId, String act, String reason, String officer, String branch, Instant at) {
        writes.write(t("achievement_act"), "INSERT INTO " + t("achievement_act")
                + " (achievement_id, act, reason, officer_id, branch_code, acted_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)", achievementId, act, reason, officer, branch, at(at));
    }

    private static void set(List<String> sets, List<Object> values, String column, Object value) {
        if (value != null) {
            sets.add(column + " = ?");
            values.add(value);
        }
    }

    private String t(String base) {
        return slot.get().table(base);
    }
}
