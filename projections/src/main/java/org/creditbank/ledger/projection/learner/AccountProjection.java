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
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
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
    private final String openerKey;
    private final Supplier<Slot> slot;

    /** @param slot the slot to write, asked at each event (a rebuild switches the live one) */
    public AccountProjection(JdbcTemplate jdbc, PersonalDataVault vault, Supplier<Slot> slot) {
        this.jdbc = jdbc;
        this.writes = new BatchedWrites(jdbc, this);
        this.openerKey = AccountProjection.class.getName() + "/opener@" + System.identityHashCode(this);
        this.vault = vault;
        this.slot = slot;
    }

    @EventHandler
    void on(AccountOpened e) {
        Optional<PersonalData> person = opener().openPerson(e.learnerNumber(), e.personalData());
        ContactDetails contact = person.map(PersonalData::contact).orElse(ContactDetails.NONE);
        LinkedHashMap<String, Object> row = new LinkedHashMap<>();
        row.put("learner_number", e.learnerNumber());
        row.put("status", "OPEN");
        row.put("merged_into", null);
        row.put("full_name", person.map(PersonalData::fullName).orElse(ERASED));
        row.put("phone", contact.phone());
        row.put("email", contact.email());
        row.put("address", contact.address());
        row.put("opened_at", at(e.at()));
        row.put("opened_by", e.openedBy());
        row.put("opening_branch", e.branchCode());
        row.put("closed_at", null);
        writes.insert(t("learner_account"), e.learnerNumber(), row);
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
        LinkedHashMap<String, Object> row = new LinkedHashMap<>();
        row.put("achievement_id", e.achievementId());
        row.put("learner_number", e.learnerNumber());
        row.put("kind", e.kind());
        row.put("title", e.title());
        row.put("awarding_body", e.awardingBody());
        row.put("assessing_body", e.assessingBody());
        row.put("achieved_on", e.achievedOn());
        row.put("evidence_sha256", e.evidenceSha256());
        row.put("evidence_media_type", e.evidenceMediaType());
        row.put("evidence_location", e.evidenceLocation());
        row.put("credits", e.credits());
        row.put("credit_unit", e.creditUnit());
        row.put("qualification_level", e.qualificationLevel());
        row.put("vocational_level", e.vocationalLevel());
        row.put("result_scheme", e.resultScheme());
        row.put("result_value", e.resultValue());
        row.put("external_issuer", e.externalIssuer());
        row.put("external_id", e.externalId());
        row.put("certificate_serial", e.certificateSerial());
        row.put("status", AchievementStatus.RECORDED.name());
        row.put("recorded_by", e.recordedBy());
        row.put("recording_branch", e.branchCode());
        row.put("recorded_at", at(e.at()));
        row.put("changed_at", at(e.at()));
        writes.insert(t("achievement"), e.achievementId(), row);
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
        LinkedHashMap<String, Object> row = new LinkedHashMap<>();
        row.put("achievement_id", achievementId);
        row.put("act", act);
        row.put("reason", reason);
        row.put("officer_id", officer);
        row.put("branch_code", branch);
        row.put("acted_at", at(at));
        writes.insert(t("achievement_act"), null, row);
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
        List<? extends Message<?>> messages = unitOfWork instanceof BatchingUnitOfWork<?> batch
                ? batch.getMessages() : List.of(unitOfWork.getMessage());
        Set<String> learners = new HashSet<>();
        for (Message<?> message : messages) {
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
