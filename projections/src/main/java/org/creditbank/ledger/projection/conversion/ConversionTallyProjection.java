package org.creditbank.ledger.projection.conversion;

import org.axonframework.eventhandling.EventHandler;
import org.creditbank.ledger.conversion.ConversionEvent.Assessment;
import org.creditbank.ledger.conversion.ConversionEvent.ConversionApplied;
import org.creditbank.ledger.conversion.ConversionEvent.ConversionGranted;
import org.creditbank.ledger.conversion.ConversionEvent.ConversionInvalidated;
import org.creditbank.ledger.conversion.ConversionEvent.ConversionRefused;
import org.creditbank.ledger.conversion.ConversionEvent.SourceGrant;
import org.creditbank.ledger.conversion.ConversionEvent.SourceRefusal;
import org.creditbank.ledger.conversion.ConversionsCarried;
import org.creditbank.ledger.conversion.HoursConverted;
import org.creditbank.ledger.readmodel.Dialect;
import org.creditbank.ledger.readmodel.Slot;
import org.creditbank.ledger.readmodel.Sql;
import org.creditbank.ledger.readmodel.Upserts;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The statistics of conversions: applications, decisions, the sources and credits granted, invalidated or refused, and
 * hours converted, summed by day, institution, rule and unit ({@link ConversionMeasure}). What a grant gave under each
 * rule is kept, for its invalidation to take back rule by rule.
 */
public class ConversionTallyProjection {

    private static final List<String> KEYS = List.of("day_start DATE", "institution VARCHAR(32)",
            "rule_id VARCHAR(64)", "measure VARCHAR(32)", "credit_unit VARCHAR(48)");
    private static final List<String> SUMS = List.of("n BIGINT", "credits NUMERIC(24, 4)");

    private final JdbcTemplate jdbc;
    private final Supplier<Slot> slot;
    private final ZoneId zone;
    private final Dialect dialect;

    /**
     * @param slot the read model's slot, asked at each use (a rebuild switches the live one)
     * @param zone the time zone days are counted in
     */
    public ConversionTallyProjection(JdbcTemplate jdbc, Supplier<Slot> slot, ZoneId zone, Dialect dialect) {
        this.jdbc = jdbc;
        this.slot = slot;
        this.zone = zone;
        this.dialect = dialect;
    }

    /** The sums one event adds, by key: written in key order, so two writers never wait on each other in a cycle. */
    private final class Sums {
        private final LocalDate day;
        private final String institution;
        private final Map<List<String>, Object[]> rows = new TreeMap<>(Sql.KEY_ORDER);

        Sums(Instant at, String institution) {
            this.day = LocalDate.ofInstant(at, zone);
            this.institution = institution == null ? "" : institution;
        }

        Sums add(ConversionMeasure measure, String rule, String unit, long n, BigDecimal credits) {
            String u = unit == null ? "" : unit;
            Object[] row = rows.computeIfAbsent(List.of(rule == null ? "" : rule, measure.name(), u),
                    k -> new Object[] {day, institution, k.get(0), k.get(1), u, 0L, BigDecimal.ZERO});
            row[5] = (Long) row[5] + n;
            row[6] = ((BigDecimal) row[6]).add(credits == null ? BigDecimal.ZERO : credits);
            return this;
        }

        Sums add(ConversionMeasure measure) {
            return add(measure, null, null, 1, BigDecimal.ZERO);
        }

        void write() {
            jdbc.batchUpdate(Upserts.addTo(dialect, slot.get().table("conversion_tally"), KEYS, SUMS),
                    new ArrayList<>(rows.values()));
        }
    }

    @EventHandler
    void on(ConversionApplied e) {
        new Sums(e.at(), e.institution()).add(ConversionMeasure.APPLIED).write();
        Map<String, Object[]> sources = new TreeMap<>();
        for (Assessment a : e.sources()) {
            sources.put(a.achievementId(), new Object[] {e.learnerNumber(), e.applicationId(), a.achievementId(),
                    a.ruleId() == null ? "" : a.ruleId()});
        }
        jdbc.batchUpdate(slot.get().sql("INSERT INTO {conversion_tally_source} (learner_number, application_id,"
                + " achievement_id, rule_id) VALUES (?, ?, ?, ?)"), new ArrayList<>(sources.values()));
    }

    @EventHandler
    void on(ConversionGranted e) {
        Sums sums = new Sums(e.at(), e.institution()).add(ConversionMeasure.GRANTED);
        Map<List<String>, Object[]> byRule = new TreeMap<>(Sql.KEY_ORDER);
        for (SourceGrant g : e.granted()) {
            sums.add(ConversionMeasure.SOURCE_GRANTED, g.ruleId(), g.unit(), 1, g.credits());
            Object[] row = byRule.computeIfAbsent(List.of(g.ruleId(), g.unit()), k -> new Object[] {e.learnerNumber(),
                    e.applicationId(), k.get(0), k.get(1), 0, BigDecimal.ZERO});
            row[4] = (Integer) row[4] + 1;
            row[5] = ((BigDecimal) row[5]).add(g.credits());
        }
        Map<String, String> ruleOf = rulesWeighed(e.learnerNumber(), e.applicationId());
        for (SourceRefusal r : e.refused()) {
            sums.add(ConversionMeasure.SOURCE_REFUSED, ruleOf.get(r.achievementId()), null, 1, BigDecimal.ZERO);
        }
        sums.write();
        jdbc.batchUpdate(slot.get().sql("INSERT INTO {conversion_tally_grant} (learner_number, application_id, rule_id,"
                + " credit_unit, sources, credits) VALUES (?, ?, ?, ?, ?, ?)"), new ArrayList<>(byRule.values()));
    }

    @EventHandler
    void on(ConversionRefused e) {
        Sums sums = new Sums(e.at(), e.institution()).add(ConversionMeasure.REFUSED);
        rulesWeighed(e.learnerNumber(), e.applicationId()).values().forEach(rule ->
                sums.add(ConversionMeasure.SOURCE_REFUSED, rule, null, 1, BigDecimal.ZERO));
        sums.write();
    }

    @EventHandler
    void on(ConversionInvalidated e) {
        Sums sums = new Sums(e.at(), e.institution()).add(ConversionMeasure.INVALIDATED);
        jdbc.query(slot.get().sql("SELECT rule_id, credit_unit, sources, credits FROM {conversion_tally_grant}"
                + " WHERE learner_number = ? AND application_id = ?"), rs -> {
            sums.add(ConversionMeasure.SOURCE_INVALIDATED, rs.getString("rule_id"), rs.getString("credit_unit"),
                    rs.getInt("sources"), rs.getBigDecimal("credits"));
        }, e.learnerNumber(), e.applicationId());
        sums.write();
    }

    @EventHandler
    void on(HoursConverted e) {
        new Sums(e.at(), e.branchCode()).add(ConversionMeasure.HOURS_CONVERTED, e.ruleId(), "BANK_CREDIT", 1,
                e.deposited()).write();
    }

    /**
     * The applications of an account merged into this one: what their grants gave and how their undecided sources
     * weighed, kept under their ids here (what was counted stays counted where and when it happened).
     */
    @EventHandler
    void on(ConversionsCarried e) {
        Slot s = slot.get();
        for (ConversionsCarried.CarriedApplication a : e.applications()) {
            jdbc.update(s.sql("INSERT INTO {conversion_tally_grant} (learner_number, application_id, rule_id,"
                            + " credit_unit, sources, credits) SELECT ?, ?, rule_id, credit_unit, sources, credits"
                            + " FROM {conversion_tally_grant} WHERE learner_number = ? AND application_id = ?"),
                    e.learnerNumber(), a.applicationId(), e.mergedNumber(), a.applied().applicationId());
            jdbc.update(s.sql("INSERT INTO {conversion_tally_source} (learner_number, application_id, achievement_id,"
                            + " rule_id) SELECT ?, ?, achievement_id, rule_id FROM {conversion_tally_source}"
                            + " WHERE learner_number = ? AND application_id = ?"),
                    e.learnerNumber(), a.applicationId(), e.mergedNumber(), a.applied().applicationId());
        }
    }

    /**
     * The rule that weighed each source of an application ('' where none grants it), as applied for; forgotten here,
     * as the application is being decided.
     */
    private Map<String, String> rulesWeighed(String learner, String applicationId) {
        Map<String, String> rules = new HashMap<>();
        Slot s = slot.get();
        jdbc.query(s.sql("SELECT achievement_id, rule_id FROM {conversion_tally_source}"
                + " WHERE learner_number = ? AND application_id = ?"), rs -> {
            rules.put(rs.getString("achievement_id"), rs.getString("rule_id"));
        }, learner, applicationId);
        jdbc.update(s.sql("DELETE FROM {conversion_tally_source} WHERE learner_number = ? AND application_id = ?"),
                learner, applicationId);
        return rules;
    }
}
