package org.creditbank.ledger.projection.archive;

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
import org.creditbank.ledger.readmodel.BatchedWrites;
import org.creditbank.ledger.readmodel.BatchedWrites.Columns;
import org.creditbank.ledger.readmodel.PerUnitOfWork;
import org.creditbank.ledger.readmodel.Slot;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.function.Supplier;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.creditbank.ledger.readmodel.Sql.at;

/**
 * Learner accounts as officers read them: status, contact, every achievement with its current fields and the
 * history of acts on it. Personal data is opened from the sealed events through the vault; once a learner's key is
 * erased, a rebuild shows
 * it as erased.
 */
public class ArchiveProjection {


    /** What the account shows in place of personal data whose key was erased. */
    public static final String ERASED = "(erased)";

    /** The columns of an account's row, in the order its values are given. */
    private static final Columns ACCOUNT = Columns.of(
            "learner_number", "status", "merged_into", "full_name", "phone", "email", "address", "opened_at",
            "opened_by", "opening_branch", "closed_at");

    /** The columns of an achievement's row. */
    private static final Columns ACHIEVEMENT = Columns.of(
            "achievement_id", "learner_number", "kind", "title", "awarding_body", "assessing_body", "achieved_on",
            "evidence_sha256", "evidence_media_type", "evidence_location", "credits", "credit_unit",
            "qualification_level", "vocational_level", "result_scheme", "result_value", "external_issuer",
            "external_id", "certificate_serial", "status", "recorded_by", "recording_branch", "recorded_at",
            "changed_at");

    /** The columns of an act on an achievement. */
    private static final Columns ACT = Columns.of("achievement_id", "act", "reason", "officer_id", "branch_code",
            "acted_at");

    private final JdbcTemplate jdbc;
    private final BatchedWrites writes;
    private final PersonalDataVault vault;
    private final String openerKey;
    private final Supplier<Slot> slot;

    /** @param slot the slot to write, asked at each event (a rebuild switches the live one) */
    public ArchiveProjection(JdbcTemplate jdbc, PersonalDataVault vault, Supplier<Slot> slot) {
        this.jdbc = jdbc;
        this.writes = new BatchedWrites(jdbc, this);
        this.openerKey = ArchiveProjection.class.getName() + "/opener@" + System.identityHashCode(this);
        this.vault = vault;
        this.slot = slot;
    }

    @EventHandler
    void on(AccountOpened e) {
        Optional<PersonalData> person = opener().openPerson(e.learnerNumber(), e.personalData());
        ContactDetails contact = person.map(PersonalData::contact).orElse(ContactDetails.NONE);
        writes.insert(t("learner_account"), e.learnerNumber(), ACCOUNT,
                e.learnerNumber(), "OPEN", null, person.map(PersonalData::fullName).orElse(ERASED), contact.phone(),
                contact.email(), contact.address(), at(e.at()), e.openedBy(), e.branchCode(), null);
    }

    @EventHandler
    void on(ContactDetailsUpdated e) {
        ContactDetails contact = opener().openContact(e.learnerNumber(), e.contact()).orElse(ContactDetails.NONE);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("phone", contact.phone());
        changes.put("email", contact.email());
        changes.put("address", contact.address());
        account(e.learnerNumber(), changes);
    }

    @EventHandler
    void on(AccountMergedInto e) {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("status", "MERGED");
        changes.put("merged_into", e.survivorNumber());
        changes.put("closed_at", at(e.at()));
        account(e.learnerNumber(), changes);
    }

    @EventHandler
    void on(MergedAccountAbsorbed e) {
        writes.replace(t("achievement"), "learner_number", e.mergedNumber(), e.learnerNumber());
        for (String duplicate : e.superseded()) {
            status(duplicate, AchievementStatus.SUPERSEDED, e.at());
            act(duplicate, "SUPERSEDED", "carried over from account " + e.mergedNumber()
                    + " as a duplicate of an achievement already held", e.mergedBy(), e.branchCode(), e.at());
        }
    }

    @EventHandler
    void on(AccountClosed e) {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("status", "CLOSED");
        changes.put("closed_at", at(e.at()));
        account(e.learnerNumber(), changes);
    }

    @EventHandler
    void on(AchievementRecorded e) {
        writes.insert(t("achievement"), e.achievementId(), ACHIEVEMENT,
                e.achievementId(), e.learnerNumber(), e.kind(), e.title(), e.awardingBody(), e.assessingBody(),
                e.achievedOn(), e.evidenceSha256(), e.evidenceMediaType(), e.evidenceLocation(), e.credits(),
                e.creditUnit(), e.qualificationLevel(), e.vocationalLevel(), e.resultScheme(), e.resultValue(),
                e.externalIssuer(), e.externalId(), e.certificateSerial(), AchievementStatus.RECORDED.name(),
                e.recordedBy(), e.branchCode(), at(e.at()), at(e.at()));
        act(e.achievementId(), "RECORDED", null, e.recordedBy(), e.branchCode(), e.at());
    }

    @EventHandler
    void on(AchievementCertified e) {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("status", AchievementStatus.CERTIFIED.name());
        changes.put("credits", e.credits());
        changes.put("credit_unit", e.creditUnit());
        changes.put("changed_at", at(e.at()));
        achievement(e.achievementId(), changes);
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
        Map<String, Object> changes = new LinkedHashMap<>();
        set(changes, "title", c.title());
        set(changes, "awarding_body", c.awardingBody());
        set(changes, "assessing_body", c.assessingBody());
        set(changes, "achieved_on", c.achievedOn());
        if (c.evidenceSha256() != null) {
            changes.put("evidence_sha256", c.evidenceSha256());
            changes.put("evidence_media_type", c.evidenceMediaType());
            changes.put("evidence_location", c.evidenceLocation());
        }
        if (c.credits() != null) {
            changes.put("credits", c.credits());
            changes.put("credit_unit", c.creditUnit());
        }
        set(changes, "qualification_level", c.qualificationLevel());
        set(changes, "vocational_level", c.vocationalLevel());
        if (c.resultScheme() != null) {
            changes.put("result_scheme", c.resultScheme());
            changes.put("result_value", c.resultValue());
        }
        changes.put("changed_at", at(e.at()));
        achievement(e.achievementId(), changes);
        act(e.achievementId(), "CORRECTED", e.reason(), e.correctedBy(), e.branchCode(), e.at());
    }

    @EventHandler
    void on(AchievementRevoked e) {
        status(e.achievementId(), AchievementStatus.REVOKED, e.at());
        act(e.achievementId(), "REVOKED", e.reason(), e.revokedBy(), e.branchCode(), e.at());
    }

    private void status(String achievementId, AchievementStatus status, Instant at) {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("status", status.name());
        changes.put("changed_at", at(at));
        achievement(achievementId, changes);
    }

    private void achievement(String achievementId, Map<String, Object> changes) {
        writes.update(t("achievement"), "achievement_id", achievementId, changes);
    }

    private void account(String learnerNumber, Map<String, Object> changes) {
        writes.update(t("learner_account"), "learner_number", learnerNumber, changes);
    }

    private void act(String achievementId, String act, String reason, String officer, String branch, Instant at) {
        writes.insert(t("achievement_act"), null, ACT, achievementId, act, reason, officer, branch, at(at));
    }

    private static void set(Map<String, Object> changes, String column, Object value) {
        if (value != null) {
            changes.put(column, value);
        }
    }

    /**
     * What opens personal data in this unit of work: the keys of every learner whose data its events carry are looked
     * up together, once (a rebuild's batch holds thousands of accounts opened).
     */
    private PersonalDataVault.Opener opener() {
        if (!CurrentUnitOfWork.isStarted()) {
            return vault.opener(List.of());
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        return unitOfWork.getOrComputeResource(openerKey, key -> vault.opener(sealedFor(unitOfWork)));
    }

    /** The learners whose personal data the events of the unit of work carry. */
    private static Set<String> sealedFor(UnitOfWork<?> unitOfWork) {
        Set<String> learners = new HashSet<>();
        for (Message<?> message : PerUnitOfWork.messages(unitOfWork)) {
            Object payload = message.getPayload();
            if (payload instanceof AccountOpened opened) {
                learners.add(opened.learnerNumber());
            } else if (payload instanceof ContactDetailsUpdated updated) {
                learners.add(updated.learnerNumber());
            }
        }
        return learners;
    }

    private String t(String base) {
        return slot.get().table(base);
    }
}
