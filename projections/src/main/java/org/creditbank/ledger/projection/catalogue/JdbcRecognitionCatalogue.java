package org.creditbank.ledger.projection.catalogue;

import org.creditbank.ledger.readmodel.BatchReads;
import org.creditbank.ledger.achievement.AchievementKind;
import org.creditbank.ledger.conversion.AgreementTerms;
import org.creditbank.ledger.conversion.AgreementVersion;
import org.creditbank.ledger.conversion.HoursRuleVersion;
import org.creditbank.ledger.conversion.HoursTerms;
import org.creditbank.ledger.conversion.ProgrammeTerms;
import org.creditbank.ledger.conversion.QualificationDefinition;
import org.creditbank.ledger.conversion.QualificationTerms;
import org.creditbank.ledger.conversion.RecognitionCatalogue;
import org.creditbank.ledger.conversion.RuleCriteria;
import org.creditbank.ledger.conversion.RuleGrant;
import org.creditbank.ledger.conversion.RuleVersion;
import org.creditbank.ledger.eventstore.JsonColumns;
import org.creditbank.ledger.readmodel.Slot;
import org.creditbank.ledger.readmodel.Sql;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The recognition catalogue the rules of conversion consult — programmes, rules in force, qualifications — read from
 * its live slot in the command's transaction.
 */
public class JdbcRecognitionCatalogue implements RecognitionCatalogue {

    /** The most rule versions kept parsed, and the most programmes' rules in force kept. */
    private static final int MAX_PARSED = 200_000;
    private static final int MAX_KEPT = 10_000;

    private final JdbcTemplate jdbc;
    private final Supplier<Slot> slot;
    /** Rule versions parsed, by rule id and version: their terms never change (a slot rebuilt holds the same). */
    private final Map<String, RuleVersion> parsed = new ConcurrentHashMap<>();
    private final Map<Programme, InForce> inForce = new ConcurrentHashMap<>();

    /** @param slot the catalogue's slot, asked at each use (a rebuild switches the live one) */
    public JdbcRecognitionCatalogue(JdbcTemplate jdbc, Supplier<Slot> slot) {
        this.jdbc = jdbc;
        this.slot = slot;
    }

    @Override
    public Optional<ProgrammeTerms> programme(String institution, String programme) {
        return jdbc.query(slot.get().sql("SELECT * FROM {catalogue_programme} WHERE institution = ? AND programme = ?"),
                (rs, i) -> new ProgrammeTerms(rs.getString("title"), rs.getString("credit_unit"),
                        rs.getBigDecimal("total_credits"), rs.getBigDecimal("transfer_cap"),
                        rs.getBigDecimal("yearly_cap"), rs.getBigDecimal("awarding_body_cap")),
                institution, programme).stream().findFirst();
    }

    @Override
    public Optional<HoursRuleVersion> hoursRuleInForce(AchievementKind kind, LocalDate on) {
        return HoursRuleVersion.inForce(BatchReads.once(this::hoursRules, "hours-rules"), kind, on);
    }

    @Override
    public List<AgreementVersion> agreements() {
        return jdbc.query(slot.get().sql("SELECT agreement_id, terms, withdrawn_from FROM {catalogue_agreement}"
                        + " ORDER BY agreement_id"), (rs, i) -> new AgreementVersion(rs.getString(1),
                        JsonColumns.read(rs.getString(2), AgreementTerms.class), Sql.date(rs, "withdrawn_from")));
    }

    /** Every version of every network hours rule (a handful). */
    public List<HoursRuleVersion> hoursRules() {
        return jdbc.query(slot.get().sql("SELECT rule_id, version, terms FROM {catalogue_hours_rule}"
                        + " ORDER BY rule_id, version"), (rs, i) -> new HoursRuleVersion(rs.getString(1), rs.getInt(2),
                        JsonColumns.read(rs.getString(3), HoursTerms.class)));
    }

    @Override
    public Optional<String> ruleOwner(String ruleId) {
        return jdbc.queryForList(slot.get().sql("SELECT institution FROM {catalogue_rule} WHERE rule_id = ?"),
                String.class, ruleId).stream().findFirst();
    }

    @Override
    public Optional<QualificationDefinition> qualification(String institution, String qualification) {
        return jdbc.query(slot.get().sql("SELECT * FROM {catalogue_qualification} WHERE institution = ?"
                        + " AND qualification = ?"), (rs, i) -> new QualificationDefinition(rs.getString("institution"),
                        rs.getString("qualification"), JsonColumns.read(rs.getString("terms"), QualificationTerms.class),
                        rs.getString("credit_unit")), institution, qualification).stream().findFirst();
    }

    @Override
    public List<RuleVersion> rulesInForce(String institution, String programme, LocalDate on,
                                          Set<AchievementKind> kinds) {
        if (kinds.isEmpty()) {
            return List.of();
        }
        List<Long> revision = jdbc.queryForList(slot.get().sql("SELECT rules_revision FROM {catalogue_programme}"
                + " WHERE institution = ? AND programme = ?"), Long.class, institution, programme);
        if (revision.isEmpty()) {
            return List.of();
        }
        Slot live = slot.get();
        Programme key = new Programme(live, institution, programme);
        InForce kept = inForce.get(key);
        List<RuleVersion> all;
        if (kept != null && kept.on().equals(on) && kept.revision() == revision.get(0)) {
            all = kept.versions();
        } else {
            if (inForce.size() > MAX_KEPT) {
                inForce.clear();
            }
            all = readInForce(institution, programme, on);
            inForce.put(key, new InForce(on, revision.get(0), all));
        }
        return all.stream().filter(v -> kinds.contains(v.criteria().kind())).toList();
    }

    /** A programme of a slot: what is in force for it is kept for one date at a time (the latest asked). */
    private record Programme(Slot slot, String institution, String programme) {
    }

    /**
     * What is in force for a programme on a date, as of a revision of its rules: kept between applications, read
     * again for another date or once a rule of the programme changes (the revision counts the changes, in the
     * command's transaction).
     */
    private record InForce(LocalDate on, long revision, List<RuleVersion> versions) {
    }

    /**
     * Of each rule of the programme, the latest version begun by the date, if its own window still holds the date
     * (its terms parsed once, and kept).
     */
    private List<RuleVersion> readInForce(String institution, String programme, LocalDate on) {
        List<String> keys = jdbc.queryForList(slot.get().sql("SELECT t.rule_id || '@' || t.version FROM"
                + " (SELECT v.rule_id, v.version, v.effective_until, ROW_NUMBER() OVER (PARTITION BY v.rule_id"
                + " ORDER BY v.version DESC) AS latest FROM {catalogue_rule_version} v JOIN {catalogue_rule} r"
                + " ON r.rule_id = v.rule_id WHERE v.institution = ? AND v.programme = ?"
                + " AND v.effective_from <= ? AND (r.withdrawn_from IS NULL OR r.withdrawn_from > ?)) t"
                + " WHERE t.latest = 1 AND (t.effective_until IS NULL OR t.effective_until >= ?)"
                + " ORDER BY t.rule_id"), String.class, institution, programme, on, on, on);
        if (!parsed.keySet().containsAll(keys)) {
            parseVersions(institution, programme);
        }
        return keys.stream().map(parsed::get).toList();
    }

    /** Parses every version of the programme's rules not parsed yet (and forgets all once there are too many). */
    private void parseVersions(String institution, String programme) {
        if (parsed.size() > MAX_PARSED) {
            parsed.clear();
        }
        jdbc.query(slot.get().sql("SELECT * FROM {catalogue_rule_version} WHERE institution = ? AND programme = ?"),
                rs -> {
                    String key = rs.getString("rule_id") + "@" + rs.getInt("version");
                    if (!parsed.containsKey(key)) {
                        parsed.put(key, new RuleVersion(rs.getString("rule_id"), rs.getInt("version"),
                                rs.getString("institution"), rs.getString("programme"),
                                JsonColumns.read(rs.getString("criteria"), RuleCriteria.class),
                                JsonColumns.read(rs.getString("grant_terms"), RuleGrant.class),
                                Sql.date(rs, "effective_from"), Sql.date(rs, "effective_until")));
                    }
                }, institution, programme);
    }
}
