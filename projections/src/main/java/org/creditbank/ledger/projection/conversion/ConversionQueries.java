package org.creditbank.ledger.projection.conversion;

import org.creditbank.ledger.readmodel.Slot;
import org.creditbank.ledger.readmodel.Sql;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Reads of the conversions read model: one application, a learner's, an institution's awaiting decision. */
public class ConversionQueries {

    private final JdbcTemplate jdbc;
    private final Supplier<Slot> slot;

    public ConversionQueries(JdbcTemplate jdbc, Supplier<Slot> slot) {
        this.jdbc = jdbc;
        this.slot = slot;
    }

    /** The most applications one read answers. */
    public static final int MAX_PAGE = 500;

    /** One application on an account. */
    public Optional<ConversionView> application(String learnerNumber, String applicationId) {
        return read("WHERE learner_number = ? AND application_id = ?", "", 1, learnerNumber, applicationId).stream()
                .findFirst();
    }

    /** An account's applications, the latest first. */
    public List<ConversionView> ofLearner(String learnerNumber, int limit) {
        return read("WHERE learner_number = ?", "applied_at DESC, application_id DESC", limit, learnerNumber);
    }

    /** The applications to an institution awaiting its decision, the oldest first. */
    public List<ConversionView> awaitingDecision(String institution, int limit) {
        return read("WHERE institution = ? AND status = 'APPLIED'", "applied_at, learner_number, application_id",
                limit, institution);
    }

    private List<ConversionView> read(String where, String order, int limit, Object... args) {
        Slot s = slot.get();
        Object[] limited = Arrays.copyOf(args, args.length + 1);
        limited[args.length] = limit;
        List<ConversionView> applications = jdbc.query(s.sql("SELECT * FROM {conversion_application} " + where
                + (order.isEmpty() ? "" : " ORDER BY " + order) + " LIMIT ?"), (rs, i) -> application(rs), limited);
        List<ConversionView> views = new ArrayList<>();
        for (ConversionView v : applications) {
            List<ConversionView.Source> sources = jdbc.query(s.sql("SELECT * FROM {conversion_source}"
                    + " WHERE learner_number = ? AND application_id = ? ORDER BY position"), (rs, i) -> source(rs),
                    v.learnerNumber(), v.applicationId());
            views.add(new ConversionView(v.learnerNumber(), v.applicationId(), v.institution(), v.programme(),
                    v.appliedOn(), v.appliedBy(), v.appliedBranch(), v.appliedAt(), v.status(), v.credits(),
                    v.creditUnit(), v.grantedOn(), v.refusal(), v.decidedBy(), v.decidedAt(), v.invalidation(),
                    sources));
        }
        return views;
    }

    /** Hours of an achievement converted into standard credits at its certification. */
    public record HoursView(String achievementId, String ruleId, int ruleVersion, java.math.BigDecimal hours,
                            java.math.BigDecimal hoursPerCredit, java.math.BigDecimal credits,
                            java.math.BigDecimal deposited, java.time.LocalDate convertedOn) {
    }

    /** The account's hours conversions, the first first. */
    public List<HoursView> hours(String learnerNumber) {
        return jdbc.query(slot.get().sql("SELECT * FROM {conversion_hours} WHERE learner_number = ?"
                + " ORDER BY converted_at, achievement_id"), (rs, i) -> new HoursView(rs.getString("achievement_id"),
                rs.getString("rule_id"), rs.getInt("rule_version"), rs.getBigDecimal("hours"),
                rs.getBigDecimal("hours_per_credit"), rs.getBigDecimal("credits"), rs.getBigDecimal("deposited"),
                Sql.date(rs, "converted_on")), learnerNumber);
    }

    private static ConversionView application(ResultSet rs) throws SQLException {
        return new ConversionView(rs.getString("learner_number"), rs.getString("application_id"),
                rs.getString("institution"), rs.getString("programme"), Sql.date(rs, "applied_on"),
                rs.getString("applied_by"), rs.getString("applied_branch"), Sql.instant(rs, "applied_at"),
                rs.getString("status"), rs.getBigDecimal("credits"), rs.getString("credit_unit"),
                Sql.date(rs, "granted_on"), rs.getString("refusal"), rs.getString("decided_by"),
                Sql.instant(rs, "decided_at"), rs.getString("cause_source") == null ? null
                        : new ConversionView.Invalidation(rs.getString("cause_source"), rs.getString("cause_act"),
                                rs.getString("cause_reason"), rs.getString("invalidated_by"),
                                Sql.instant(rs, "invalidated_at")), List.of());
    }

    private static ConversionView.Source source(ResultSet rs) throws SQLException {
        Integer version = rs.getObject("rule_version") == null ? null : rs.getInt("rule_version");
        return new ConversionView.Source(rs.getString("achievement_id"), rs.getString("rule_id"), version,
                rs.getString("agreement_id"), rs.getBigDecimal("credits"), rs.getString("credit_unit"),
                rs.getString("course"), Exemptions.parse(rs.getString("exempted_courses")), rs.getString("assessment"),
                rs.getString("outcome"), rs.getString("reason"));
    }
}
