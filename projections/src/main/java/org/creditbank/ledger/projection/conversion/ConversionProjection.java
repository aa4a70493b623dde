package org.creditbank.ledger.projection.conversion;

import org.axonframework.eventhandling.EventHandler;
import org.creditbank.ledger.achievement.AchievementEvent.AchievementRejected;
import org.creditbank.ledger.achievement.AchievementEvent.AchievementRevoked;
import org.creditbank.ledger.conversion.AwardEvent.QualificationAwarded;
import org.creditbank.ledger.conversion.ConversionsCarried;
import org.creditbank.ledger.conversion.ConversionsCarried.CarriedApplication;
import org.creditbank.ledger.conversion.HoursConverted;
import org.creditbank.ledger.conversion.AwardEvent.QualificationFlaggedForReview;
import org.creditbank.ledger.conversion.ConversionEvent.Assessment;
import org.creditbank.ledger.conversion.ConversionEvent.ConversionApplied;
import org.creditbank.ledger.conversion.ConversionEvent.ConversionGranted;
import org.creditbank.ledger.conversion.ConversionEvent.ConversionInvalidated;
import org.creditbank.ledger.conversion.ConversionEvent.ConversionRefused;
import org.creditbank.ledger.conversion.ConversionEvent.SourceGrant;
import org.creditbank.ledger.conversion.ConversionEvent.SourceRefusal;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.creditbank.ledger.readmodel.PerUnitOfWork;
import org.creditbank.ledger.readmodel.RowInserts;
import org.creditbank.ledger.readmodel.Slot;
import org.creditbank.ledger.readmodel.Sql;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The conversion applications on each account: what was applied for, how each source was weighed, and the decision.
 */
public class ConversionProjection {

    private final JdbcTemplate jdbc;
    private final Supplier<Slot> slot;

    /** @param slot the read model's slot, asked at each use (a rebuild switches the live one) */
    public ConversionProjection(JdbcTemplate jdbc, Supplier<Slot> slot) {
        this.jdbc = jdbc;
        this.slot = slot;
    }

    private static final List<String> APPLICATION = List.of("learner_number", "application_id", "institution",
            "programme", "applied_on", "applied_by", "applied_branch", "applied_at", "status", "credits", "credit_unit",
            "granted_on", "refusal", "decided_by", "decided_at", "cause_source", "cause_act", "cause_reason",
            "invalidated_by", "invalidated_at");
    private static final List<String> SOURCE = List.of("learner_number", "application_id", "position",
            "achievement_id", "rule_id", "rule_version", "agreement_id", "credits", "credit_unit", "course",
            "exempted_courses", "assessment", "outcome", "reason");
    private static final int STATUS = APPLICATION.indexOf("status");
    private static final int OUTCOME = SOURCE.indexOf("outcome");

    /**
     * The applications made in the unit of work, with their sources, inserted together when it commits (a rebuild's
     * batch of thousands, or a command's one); a decision or invalidation of one of them changes its rows here.
     */
    private final class Made {
        private final Map<List<String>, Object[]> applications = new LinkedHashMap<>();
        private final Map<List<String>, List<Object[]>> sources = new LinkedHashMap<>();

        void flush() {
            Slot s = slot.get();
            List<Object[]> rows = new ArrayList<>();
            sources.values().forEach(rows::addAll);
            RowInserts.insert(jdbc, s.table("conversion_application"), APPLICATION,
                    new ArrayList<>(applications.values()));
            RowInserts.insert(jdbc, s.table("conversion_source"), SOURCE, rows);
            applications.clear();
            sources.clear();
        }
    }

    private final String key = ConversionProjection.class.getName() + "@" + System.identityHashCode(this);

    /** The unit of work's applications, or (outside one) a set written at once by {@link #done}. */
    private Made made() {
        Made made = PerUnitOfWork.state(key, Made::new, Made::flush);
        return made != null ? made : new Made();
    }

    private static void done(Made made) {
        if (!CurrentUnitOfWork.isStarted()) {
            made.flush();
        }
    }

    @EventHandler
    void on(ConversionApplied e) {
        Made made = made();
        List<String> key = List.of(e.learnerNumber(), e.applicationId());
        made.applications.put(key, new Object[] {e.learnerNumber(), e.applicationId(), e.institution(),
                e.programme(), e.appliedOn(), e.appliedBy(), e.branchCode(), Sql.at(e.at()), "APPLIED", null, null,
                null, null, null, null, null, null, null, null, null});
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < e.sources().size(); i++) {
            Assessment a = e.sources().get(i);
            rows.add(new Object[] {e.learnerNumber(), e.applicationId(), i, a.achievementId(), a.ruleId(),
                    a.ruleVersion(), a.agreementId(), a.credits(), a.unit(), a.course(), Exemptions.text(a.exemptions()),
                    a.refusal(), null, null});
        }
        made.sources.put(key, rows);
        done(made);
    }

    @EventHandler
    void on(ConversionGranted e) {
        Map<String, Object[]> outcomes = new LinkedHashMap<>();
        for (SourceGrant g : e.granted()) {
            outcomes.put(g.achievementId(), new Object[] {"GRANTED", null});
        }
        for (SourceRefusal r : e.refused()) {
            outcomes.put(r.achievementId(), new Object[] {"REFUSED", r.reason()});
        }
        Made made = made();
        Object[] row = made.applications.get(List.of(e.learnerNumber(), e.applicationId()));
        if (row != null) {
            set(row, "status", "GRANTED", "credits", e.credits(), "credit_unit", e.unit(), "granted_on", e.grantedOn(),
                    "decided_by", e.decidedBy(), "decided_at", Sql.at(e.at()));
            for (Object[] source : made.sources.get(List.of(e.learnerNumber(), e.applicationId()))) {
                Object[] outcome = outcomes.get((String) source[SOURCE.indexOf("achievement_id")]);
                if (outcome != null) {
                    source[OUTCOME] = outcome[0];
                    source[OUTCOME + 1] = outcome[1];
                }
            }
            return;
        }
        Slot s = slot.get();
        jdbc.update(s.sql("UPDATE {conversion_application} SET status = 'GRANTED', credits = ?, credit_unit = ?,"
                        + " granted_on = ?, decided_by = ?, decided_at = ? WHERE learner_number = ?"
                        + " AND application_id = ?"), e.credits(), e.unit(), e.grantedOn(), e.decidedBy(),
                Sql.at(e.at()), e.learnerNumber(), e.applicationId());
        List<Object[]> rows = new ArrayList<>();
        outcomes.forEach((achievement, outcome) -> rows.add(new Object[] {outcome[0], outcome[1], e.learnerNumber(),
                e.applicationId(), achievement}));
        jdbc.batchUpdate(s.sql("UPDATE {conversion_source} SET outcome = ?, reason = ? WHERE learner_number = ?"
                + " AND application_id = ? AND achievement_id = ?"), rows);
    }

    @EventHandler
    void on(ConversionInvalidated e) {
        Object[] row = made().applications.get(List.of(e.learnerNumber(), e.applicationId()));
        if (row != null) {
            set(row, "status", "INVALIDATED", "cause_source", e.causeAchievementId(), "cause_act", e.causeAct(),
                    "cause_reason", e.causeReason(), "invalidated_by", e.invalidatedBy(), "invalidated_at",
                    Sql.at(e.at()));
            return;
        }
        jdbc.update(slot.get().sql("UPDATE {conversion_application} SET status = 'INVALIDATED', cause_source = ?,"
                        + " cause_act = ?, cause_reason = ?, invalidated_by = ?, invalidated_at = ?"
                        + " WHERE learner_number = ? AND application_id = ?"), e.causeAchievementId(), e.causeAct(),
                e.causeReason(), e.invalidatedBy(), Sql.at(e.at()), e.learnerNumber(), e.applicationId());
    }

    /** Sets the named columns of an application row held in memory. */
    private static void set(Object[] row, Object... columnsAndValues) {
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            row[APPLICATION.indexOf((String) columnsAndValues[i])] = columnsAndValues[i + 1];
        }
    }

    @EventHandler
    void on(HoursConverted e) {
        jdbc.update(slot.get().sql("INSERT INTO {conversion_hours} (learner_number, achievement_id, rule_id,"
                        + " rule_version, hours, hours_per_credit, credits, deposited, converted_on, converted_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"), e.learnerNumber(), e.achievementId(), e.ruleId(),
                e.ruleVersion(), e.hours(), e.hoursPerCredit(), e.credits(), e.deposited(), e.convertedOn(),
                Sql.at(e.at()));
    }

    @EventHandler
    void on(QualificationAwarded e) {
        jdbc.update(slot.get().sql("INSERT INTO {conversion_award} (learner_number, achievement_id, institution,"
                        + " qualification, programme, credits, credit_unit, awarded_by, awarded_at, status)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'AWARDED')"), e.learnerNumber(), e.achievementId(),
                e.institution(), e.qualification(), e.programme(), e.credits(), e.unit(), e.awardedBy(),
                Sql.at(e.at()));
    }

    @EventHandler
    void on(QualificationFlaggedForReview e) {
        jdbc.update(slot.get().sql("UPDATE {conversion_award} SET status = 'FLAGGED', cause_source = ?,"
                        + " cause_act = ?, cause_reason = ?, unmet = ?, flagged_at = ? WHERE learner_number = ?"
                        + " AND achievement_id = ?"), e.causeAchievementId(), e.causeAct(), e.causeReason(),
                String.join("\n", e.unmet()), Sql.at(e.at()), e.learnerNumber(), e.achievementId());
    }

    /** An award's achievement revoked or rejected: the award no longer stands. */
    @EventHandler
    void on(AchievementRevoked e) {
        awardEnded(e.learnerNumber(), e.achievementId(), "REVOKED");
    }

    @EventHandler
    void on(AchievementRejected e) {
        awardEnded(e.learnerNumber(), e.achievementId(), "REJECTED");
    }

    private void awardEnded(String learner, String achievementId, String status) {
        jdbc.update(slot.get().sql("UPDATE {conversion_award} SET status = ? WHERE learner_number = ?"
                + " AND achievement_id = ?"), status, learner, achievementId);
    }

    /**
     * The conversions of an account merged into this one: its applications (each under its id here), their sources,
     * its hours conversions and its awards, read on this account as they read on the merged one.
     */
    @EventHandler
    void on(ConversionsCarried e) {
        // The merged account's rows as the unit of work so far leaves them, then copied.
        made().flush();
        Slot s = slot.get();
        String merged = e.mergedNumber();
        for (CarriedApplication a : e.applications()) {
            copy(s, "conversion_application", APPLICATION_COLUMNS, "application_id", e.learnerNumber(),
                    a.applicationId(), merged, a.applied().applicationId());
            copy(s, "conversion_source", SOURCE_COLUMNS, "application_id", e.learnerNumber(), a.applicationId(),
                    merged, a.applied().applicationId());
        }
        for (HoursConverted h : e.hours()) {
            copy(s, "conversion_hours", HOURS_COLUMNS, "achievement_id", e.learnerNumber(), h.achievementId(),
                    merged, h.achievementId());
        }
        for (QualificationAwarded award : e.awards()) {
            copy(s, "conversion_award", AWARD_COLUMNS, "achievement_id", e.learnerNumber(),
                    award.achievementId(), merged, award.achievementId());
        }
    }

    private static final String APPLICATION_COLUMNS = "institution, programme, applied_on, applied_by, applied_branch,"
            + " applied_at, status, credits, credit_unit, granted_on, refusal, decided_by, decided_at, cause_source,"
            + " cause_act, cause_reason, invalidated_by, invalidated_at";
    private static final String SOURCE_COLUMNS = "position, achievement_id, rule_id, rule_version, agreement_id,"
            + " credits, credit_unit, course, exempted_courses, assessment, outcome, reason";
    private static final String HOURS_COLUMNS = "rule_id, rule_version, hours, hours_per_credit, credits, deposited,"
            + " converted_on, converted_at";
    private static final String AWARD_COLUMNS = "institution, qualification, programme, credits, credit_unit,"
            + " awarded_by, awarded_at, status, cause_source, cause_act, cause_reason, unmet, flagged_at";

    /**
     * Copies a table's rows of the merged account whose {@code key} (the key's column after the learner's) is
     * {@code from} onto the survivor, under {@code to}.
     */
    private void copy(Slot s, String table, String columns, String key, String survivor, String to, String merged,
                      String from) {
        jdbc.update(s.sql("INSERT INTO {" + table + "} (learner_number, " + key + ", " + columns + ") SELECT ?, ?, "
                + columns + " FROM {" + table + "} WHERE learner_number = ? AND " + key + " = ?"), survivor, to,
                merged, from);
    }

    @EventHandler
    void on(ConversionRefused e) {
        Made made = made();
        Object[] row = made.applications.get(List.of(e.learnerNumber(), e.applicationId()));
        if (row != null) {
            set(row, "status", "REFUSED", "refusal", e.reason(), "decided_by", e.decidedBy(), "decided_at",
                    Sql.at(e.at()));
            for (Object[] source : made.sources.get(List.of(e.learnerNumber(), e.applicationId()))) {
                source[OUTCOME] = "REFUSED";
                source[OUTCOME + 1] = e.reason();
            }
            return;
        }
        Slot s = slot.get();
        jdbc.update(s.sql("UPDATE {conversion_application} SET status = 'REFUSED', refusal = ?, decided_by = ?,"
                        + " decided_at = ? WHERE learner_number = ? AND application_id = ?"), e.reason(),
                e.decidedBy(), Sql.at(e.at()), e.learnerNumber(), e.applicationId());
        jdbc.update(s.sql("UPDATE {conversion_source} SET outcome = 'REFUSED', reason = ? WHERE learner_number = ?"
                + " AND application_id = ?"), e.reason(), e.learnerNumber(), e.applicationId());
    }
}
