package org.creditbank.ledger.projection.conversion;

import org.creditbank.ledger.conversion.CreditLine;
import org.creditbank.ledger.conversion.RuleGrant.Exemption;
import org.creditbank.ledger.readmodel.Slot;
import org.creditbank.ledger.readmodel.Sql;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * A learner's credits toward a programme and the qualifications awarded to them, as the read models hold them: the
 * credit lines the account's own rule counts ({@code ConversionBook.lines}), read from the conversions read model (the
 * sources of standing grants), the archive (certified achievements in the programme's unit, awards excepted) and the
 * branch register (recorded within the institution's jurisdiction).
 */
public class QualificationQueries {

    private final JdbcTemplate jdbc;
    private final Supplier<Slot> conversions;
    private final Supplier<Slot> archive;
    private final Supplier<Slot> branches;

    /** @param branches the branch register's slot: where an achievement was recorded, within the institution or not */
    public QualificationQueries(JdbcTemplate jdbc, Supplier<Slot> conversions, Supplier<Slot> archive,
                                Supplier<Slot> branches) {
        this.jdbc = jdbc;
        this.conversions = conversions;
        this.archive = archive;
        this.branches = branches;
    }

    /** A qualification awarded: AWARDED, or FLAGGED for review with the cause and the thresholds no longer met. */
    public record AwardView(String achievementId, String institution, String qualification, String programme,
                            BigDecimal credits, String creditUnit, String awardedBy, Instant awardedAt, String status,
                            String causeAchievementId, String causeAct, String causeReason, List<String> unmet,
                            Instant flaggedAt) {
    }

    /** The learner's credit lines toward the programme, in its unit. */
    public List<CreditLine> lines(String learnerNumber, String institution, String programme, String unit) {
        Slot c = conversions.get();
        List<CreditLine> lines = new ArrayList<>();
        jdbc.query(c.sql("SELECT s.achievement_id, s.application_id, s.course, s.credits, s.exempted_courses"
                + " FROM {conversion_source} s JOIN {conversion_application} a ON a.learner_number = s.learner_number"
                + " AND a.application_id = s.application_id WHERE a.learner_number = ? AND a.institution = ?"
                + " AND a.programme = ? AND a.status = 'GRANTED' AND s.outcome = 'GRANTED'"
                + " ORDER BY a.decided_at, a.application_id, s.position"), rs -> {
                    String achievement = rs.getString(1);
                    String application = rs.getString(2);
                    List<Exemption> exemptions = Exemptions.parse(rs.getString("exempted_courses"));
                    if (exemptions.isEmpty()) {
                        lines.add(new CreditLine(achievement, application, rs.getString(3), rs.getBigDecimal(4)));
                    } else {
                        exemptions.forEach(e -> lines.add(new CreditLine(achievement, application, e.course(),
                                e.credits())));
                    }
                }, learnerNumber, institution, programme);
        // Earned at the institution: recorded within its jurisdiction (its code on the recording branch's lineage).
        jdbc.query(archive.get().sql("SELECT a.achievement_id, a.external_id, a.credits FROM {achievement} a"
                + " JOIN " + branches.get().table("branch") + " b ON b.code = a.recording_branch"
                + " WHERE a.learner_number = ? AND a.status = 'CERTIFIED' AND a.credit_unit = ? AND b.lineage LIKE ?"
                + " ORDER BY a.recorded_at, a.achievement_id"), rs -> {
                    String id = rs.getString(1);
                    if (!awarded(learnerNumber, id)) {
                        lines.add(new CreditLine(id, null, rs.getString(2), rs.getBigDecimal(3)));
                    }
                }, learnerNumber, unit, "%/" + institution + "/%");
        // A course counts once, the first line for it, as the account's own rule counts it.
        java.util.Set<String> seen = new java.util.HashSet<>();
        return lines.stream().filter(line -> line.course() == null || seen.add(line.course())).toList();
    }

    private boolean awarded(String learnerNumber, String achievementId) {
        return !jdbc.queryForList(conversions.get().sql("SELECT 1 FROM {conversion_award} WHERE learner_number = ?"
                + " AND achievement_id = ?"), Integer.class, learnerNumber, achievementId).isEmpty();
    }

    /** The qualifications awarded to the learner, the first first. */
    public List<AwardView> awards(String learnerNumber) {
        return jdbc.query(conversions.get().sql("SELECT * FROM {conversion_award} WHERE learner_number = ?"
                + " ORDER BY awarded_at, achievement_id"), (rs, i) -> new AwardView(rs.getString("achievement_id"),
                rs.getString("institution"), rs.getString("qualification"), rs.getString("programme"),
                rs.getBigDecimal("credits"), rs.getString("credit_unit"), rs.getString("awarded_by"),
                Sql.instant(rs, "awarded_at"), rs.getString("status"), rs.getString("cause_source"),
                rs.getString("cause_act"), rs.getString("cause_reason"), rs.getString("unmet") == null ? List.of()
                        : Arrays.asList(rs.getString("unmet").split("\n")), Sql.instant(rs, "flagged_at")),
                learnerNumber);
    }
}
