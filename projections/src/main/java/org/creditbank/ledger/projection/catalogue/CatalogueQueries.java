package org.creditbank.ledger.projection.catalogue;

import org.creditbank.ledger.conversion.RuleCriteria;
import org.creditbank.ledger.conversion.RuleGrant;
import org.creditbank.ledger.eventstore.JsonColumns;
import org.creditbank.ledger.readmodel.Slot;
import org.creditbank.ledger.readmodel.Sql;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Reads of the recognition catalogue: a programme, a rule with every version of its terms. */
public class CatalogueQueries {

    private final JdbcTemplate jdbc;
    private final Supplier<Slot> slot;

    public CatalogueQueries(JdbcTemplate jdbc, Supplier<Slot> slot) {
        this.jdbc = jdbc;
        this.slot = slot;
    }

    /** A programme as its institution defined it. */
    public record ProgrammeView(String institution, String programme, String title, String unit,
                                BigDecimal totalCredits, BigDecimal transferCap, BigDecimal yearlyCap,
                                BigDecimal awardingBodyCap, String definedBy, Instant definedAt) {
    }

    /** A rule: where it grants, whether it is withdrawn, and every version of its terms, the first first. */
    public record RuleView(String ruleId, String institution, String programme, int latestVersion,
                           LocalDate withdrawnFrom, String withdrawal, List<VersionView> versions) {
    }

    /** One version of a rule's terms. */
    public record VersionView(int version, RuleCriteria criteria, RuleGrant grant, LocalDate effectiveFrom,
                              LocalDate effectiveUntil, String reason, String publishedBy, Instant publishedAt) {
    }

    public Optional<ProgrammeView> programme(String institution, String programme) {
        return jdbc.query(slot.get().sql("SELECT * FROM {catalogue_programme} WHERE institution = ? AND programme = ?"),
                (rs, i) -> new ProgrammeView(rs.getString("institution"), rs.getString("programme"),
                        rs.getString("title"), rs.getString("credit_unit"), rs.getBigDecimal("total_credits"),
                        rs.getBigDecimal("transfer_cap"), rs.getBigDecimal("yearly_cap"),
                        rs.getBigDecimal("awarding_body_cap"), rs.getString("defined_by"),
                        Sql.instant(rs, "defined_at")), institution, programme).stream().findFirst();
    }

    public Optional<RuleView> rule(String ruleId) {
        Slot s = slot.get();
        List<VersionView> versions = jdbc.query(s.sql("SELECT * FROM {catalogue_rule_version} WHERE rule_id = ?"
                        + " ORDER BY version"), (rs, i) -> new VersionView(rs.getInt("version"),
                        JsonColumns.read(rs.getString("criteria"), RuleCriteria.class),
                        JsonColumns.read(rs.getString("grant_terms"), RuleGrant.class), Sql.date(rs, "effective_from"),
                        Sql.date(rs, "effective_until"), rs.getString("reason"), rs.getString("published_by"),
                        Sql.instant(rs, "published_at")), ruleId);
        return jdbc.query(s.sql("SELECT * FROM {catalogue_rule} WHERE rule_id = ?"), (rs, i) -> new RuleView(
                rs.getString("rule_id"), rs.getString("institution"), rs.getString("programme"),
                rs.getInt("latest_version"), Sql.date(rs, "withdrawn_from"), rs.getString("withdrawal"), versions),
                ruleId).stream().findFirst();
    }
}
