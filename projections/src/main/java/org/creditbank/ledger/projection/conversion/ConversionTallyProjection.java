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
import org.creditbank.ledger.readmodel.PerUnitOfWork;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The statistics of conversions: applications, decisions, the sources and credits granted, invalidated or refused, and
 * hours converted, summed by day, institution, rule and unit ({@link ConversionMeasure}). What a grant gave under each
 * rule is kept, for its invalidation to take back rule by rule; how an undecided application's sources were weighed,
 * for its decision to count the refused ones under their rule.
 *
 * <p>Its writes are collected over the unit of work (a command's, a processor's batch, a rebuild's batch of
 * thousands) and sent when it commits: the sums of a batch added by key in one statement, the rows inserted and deleted
 * in one batch each; what the batch itself wrote is looked up in memory first.
 */
public class ConversionTallyProjection {

    private static final List<String> KEYS = List.of("day_start DATE", "institution VARCHAR(32)",
            "rule_id VARCHAR(64)", "measure VARCHAR(32)", "credit_unit VARCHAR(48)");
    private static final List<String> SUMS = List.of("n BIGINT", "credits NUMERIC(24, 4)");

    private final JdbcTemplate jdbc;
    private final Supplier<Slot> slot;
    private final ZoneId zone;
    private final Dialect dialect;
    private final String key = ConversionTallyProjection.class.getName() + "@" + System.identityHashCode(this);

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

    /** An application, on an account. */
    private record Application(String learner, String id) {
    }

    /** The writes of one unit of work. */
    private final class Batch {
        private final Map<List<Object>, Object[]> sums = new TreeMap<>(Sql.KEY_ORDER);
        /** Sources weighed by the batch's applications not yet decided, by application: achievement to rule. */
        private final Map<Application, Map<String, String>> weighed = new LinkedHashMap<>();
        /** Applications decided in the batch whose weighed sources were written before it. */
        private final List<Object[]> forgotten = new ArrayList<>();
        /** What the batch's grants gave per rule, by application. */
        private final Map<Application, List<Object[]>> grants = new LinkedHashMap<>();

        void add(Instant at, String institution, ConversionMeasure measure, String rule, String unit, long n,
                 BigDecimal credits) {
            LocalDate day = LocalDate.ofInstant(at, zone);
            String u = unit == null ? "" : unit;
            Object[] row = sums.computeIfAbsent(List.of(day, institution == null ? "" : institution,
                            rule == null ? "" : rule, measure.name(), u),
                    k -> new Object[] {k.get(0), k.get(1), k.get(2), k.get(3), u, 0L, BigDecimal.ZERO});
            row[5] = (Long) row[5] + n;
            row[6] = ((BigDecimal) row[6]).add(credits == null ? BigDecimal.ZERO : credits);
        }

        /** How the application's sources were weighed, forgotten here as it is being decided. */
        Map<String, String> decided(Application application) {
            Map<String, String> rules = weighed.remove(application);
            if (rules != null) {
                return rules;
            }
            Map<String, String> stored = new HashMap<>();
            jdbc.query(slot.get().sql("SELECT achievement_id, rule_id FROM {conversion_tally_source}"
                    + " WHERE learner_number = ? AND application_id = ?"), rs -> {
                stored.put(rs.getString("achievement_id"), rs.getString("rule_id"));
            }, application.learner(), application.id());
            forgotten.add(new Object[] {application.learner(), application.id()});
            return stored;
        }

        /** What the application's grant gave per rule: rule, unit, sources, credits. */
        List<Object[]> granted(Application application) {
            List<Object[]> rows = grants.get(application);
            if (rows != null) {
                return rows;
            }
            return jdbc.query(slot.get().sql("SELECT rule_id, credit_unit, sources, credits FROM"
                            + " {conversion_tally_grant} WHERE learner_number = ? AND application_id = ?"),
                    (rs, i) -> new Object[] {application.learner(), application.id(), rs.getString("rule_id"),
                            rs.getString("credit_unit"), rs.getInt("sources"), rs.getBigDecimal("credits")},
                    application.learner(), application.id());
        }

        void flush() {
            Slot s = slot.get();
            if (!sums.isEmpty()) {
                jdbc.batchUpdate(Upserts.addTo(dialect, s.table("conversion_tally"), KEYS, SUMS),
                        new ArrayList<>(sums.values()));
            }
            if (!forgotten.isEmpty()) {
                jdbc.batchUpdate(s.sql("DELETE FROM {conversion_tally_source} WHERE learner_number = ?"
                        + " AND application_id = ?"), forgotten);
            }
            List<Object[]> sources = new ArrayList<>();
            weighed.forEach((application, rules) -> rules.forEach((achievement, rule) -> sources.add(
                    new Object[] {application.learner(), application.id(), achievement, rule})));
            if (!sources.isEmpty()) {
                jdbc.batchUpdate(s.sql("INSERT INTO {conversion_tally_source} (learner_number, application_id,"
                        + " achievement_id, rule_id) VALUES (?, ?, ?, ?)"), sources);
            }
            List<Object[]> granted = new ArrayList<>();
            grants.values().forEach(granted::addAll);
            if (!granted.isEmpty()) {
                jdbc.batchUpdate(s.sql("INSERT INTO {conversion_tally_grant} (learner_number, application_id,"
                        + " rule_id, credit_unit, sources, credits) VALUES (?, ?, ?, ?, ?, ?)"), granted);
            }
            sums.clear();
            forgotten.clear();
            weighed.clear();
            grants.clear();
        }
    }

    /** The unit of work's writes (outside one, writes sent at once by the caller). */
    private Batch batch() {
        Batch batch = PerUnitOfWork.state(key, Batch::new, Batch::flush);
        return batch != null ? batch : new Batch();
    }

    private void done(Batch batch) {
        if (!org.axonframework.messaging.unitofwork.CurrentUnitOfWork.isStarted()) {
            batch.flush();
        }
    }

    @EventHandler
    void on(ConversionApplied e) {
        Batch batch = batch();
        batch.add(e.at(), e.institution(), ConversionMeasure.APPLIED, null, null, 1, BigDecimal.ZERO);
        Map<String, String> rules = new TreeMap<>();
        for (Assessment a : e.sources()) {
            rules.put(a.achievementId(), a.ruleId() == null ? "" : a.ruleId());
        }
        batch.weighed.put(new Application(e.learnerNumber(), e.applicationId()), rules);
        done(batch);
    }

    @EventHandler
    void on(ConversionGranted e) {
        Batch batch = batch();
        Application application = new Application(e.learnerNumber(), e.applicationId());
        batch.add(e.at(), e.institution(), ConversionMeasure.GRANTED, null, null, 1, BigDecimal.ZERO);
        Map<List<String>, Object[]> byRule = new TreeMap<>(Sql.KEY_ORDER);
        for (SourceGrant g : e.granted()) {
            batch.add(e.at(), e.institution(), ConversionMeasure.SOURCE_GRANTED, g.ruleId(), g.unit(), 1,
                    g.credits());
            Object[] row = byRule.computeIfAbsent(List.of(g.ruleId(), g.unit()), k -> new Object[] {e.learnerNumber(),
                    e.applicationId(), k.get(0), k.get(1), 0, BigDecimal.ZERO});
            row[4] = (Integer) row[4] + 1;
            row[5] = ((BigDecimal) row[5]).add(g.credits());
        }
        Map<String, String> ruleOf = batch.decided(application);
        for (SourceRefusal r : e.refused()) {
            batch.add(e.at(), e.institution(), ConversionMeasure.SOURCE_REFUSED, ruleOf.get(r.achievementId()), null,
                    1, BigDecimal.ZERO);
        }
        batch.grants.put(application, new ArrayList<>(byRule.values()));
        done(batch);
    }

    @EventHandler
    void on(ConversionRefused e) {
        Batch batch = batch();
        batch.add(e.at(), e.institution(), ConversionMeasure.REFUSED, null, null, 1, BigDecimal.ZERO);
        batch.decided(new Application(e.learnerNumber(), e.applicationId())).values().forEach(rule ->
                batch.add(e.at(), e.institution(), ConversionMeasure.SOURCE_REFUSED, rule, null, 1,
                        BigDecimal.ZERO));
        done(batch);
    }

    @EventHandler
    void on(ConversionInvalidated e) {
        Batch batch = batch();
        batch.add(e.at(), e.institution(), ConversionMeasure.INVALIDATED, null, null, 1, BigDecimal.ZERO);
        for (Object[] row : batch.granted(new Application(e.learnerNumber(), e.applicationId()))) {
            batch.add(e.at(), e.institution(), ConversionMeasure.SOURCE_INVALIDATED, (String) row[2],
                    (String) row[3], (Integer) row[4], (BigDecimal) row[5]);
        }
        done(batch);
    }

    @EventHandler
    void on(HoursConverted e) {
        Batch batch = batch();
        batch.add(e.at(), e.branchCode(), ConversionMeasure.HOURS_CONVERTED, e.ruleId(), "BANK_CREDIT", 1,
                e.deposited());
        done(batch);
    }

    /**
     * The applications of an account merged into this one: what their grants gave and how their undecided sources
     * weighed, kept under their ids here (what was counted stays counted where and when it happened).
     */
    @EventHandler
    void on(ConversionsCarried e) {
        // The merged account's rows as the batch so far leaves them, then copied.
        Batch batch = batch();
        batch.flush();
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
}
