package org.creditbank.ledger.projection.catalogue;

import org.axonframework.eventhandling.EventHandler;
import org.creditbank.ledger.conversion.AgreementEvent.AgreementConcluded;
import org.creditbank.ledger.conversion.AgreementEvent.AgreementWithdrawn;
import org.creditbank.ledger.conversion.CatalogueEvent.HoursRulePublished;
import org.creditbank.ledger.conversion.CatalogueEvent.ProgrammeDefined;
import org.creditbank.ledger.conversion.CatalogueEvent.QualificationDefined;
import org.creditbank.ledger.conversion.CatalogueEvent.RecognitionRuleAmended;
import org.creditbank.ledger.conversion.CatalogueEvent.RecognitionRulePublished;
import org.creditbank.ledger.conversion.CatalogueEvent.RecognitionRuleWithdrawn;
import org.creditbank.ledger.conversion.RuleCriteria;
import org.creditbank.ledger.conversion.RuleGrant;
import org.creditbank.ledger.eventstore.JsonColumns;
import org.creditbank.ledger.readmodel.Slot;
import org.creditbank.ledger.readmodel.Sql;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Supplier;

/**
 * The recognition catalogue as the rules of conversion consult it: each programme with its caps, each rule with
 * whether it is withdrawn, and every version of each rule's terms. Fed in the command's transaction, so an
 * application is never weighed against a catalogue behind the ledger.
 */
public class CatalogueProjection {

    private final JdbcTemplate jdbc;
    private final Supplier<Slot> slot;

    /** @param slot the catalogue's slot, asked at each use (a rebuild switches the live one) */
    public CatalogueProjection(JdbcTemplate jdbc, Supplier<Slot> slot) {
        this.jdbc = jdbc;
        this.slot = slot;
    }

    @EventHandler
    void on(ProgrammeDefined e) {
        jdbc.update(slot.get().sql("INSERT INTO {catalogue_programme} (institution, programme, title, credit_unit,"
                        + " total_credits, transfer_cap, yearly_cap, awarding_body_cap, rules_revision, defined_by,"
                        + " defined_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)"), e.institution(), e.programme(), e.title(),
                e.unit(), e.totalCredits(), e.transferCap(), e.yearlyCap(), e.awardingBodyCap(), e.definedBy(),
                Sql.at(e.at()));
    }

    @EventHandler
    void on(QualificationDefined e) {
        jdbc.update(slot.get().sql("INSERT INTO {catalogue_qualification} (institution, qualification, programme,"
                        + " credit_unit, terms, defined_by, defined_at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                e.institution(), e.qualification(), e.terms().programme(), e.unit(), JsonColumns.json(e.terms()),
                e.definedBy(), Sql.at(e.at()));
    }

    @EventHandler
    void on(AgreementConcluded e) {
        jdbc.update(slot.get().sql("INSERT INTO {catalogue_agreement} (agreement_id, terms, concluded_by,"
                        + " concluded_at) VALUES (?, ?, ?, ?)"), e.agreementId(), JsonColumns.json(e.terms()),
                e.concludedBy(), Sql.at(e.at()));
    }

    @EventHandler
    void on(AgreementWithdrawn e) {
        jdbc.update(slot.get().sql("UPDATE {catalogue_agreement} SET withdrawn_from = ?, withdrawal = ?"
                + " WHERE agreement_id = ?"), e.withdrawnFrom(), e.reason(), e.agreementId());
    }

    @EventHandler
    void on(HoursRulePublished e) {
        jdbc.update(slot.get().sql("INSERT INTO {catalogue_hours_rule} (rule_id, version, centre, terms, reason,"
                        + " published_by, published_at) VALUES (?, ?, ?, ?, ?, ?, ?)"), e.ruleId(), e.version(),
                e.institution(), JsonColumns.json(e.terms()), e.reason(), e.publishedBy(), Sql.at(e.at()));
    }

    @EventHandler
    void on(RecognitionRulePublished e) {
        jdbc.update(slot.get().sql("INSERT INTO {catalogue_rule} (rule_id, institution, programme, latest_version)"
                + " VALUES (?, ?, ?, ?)"), e.ruleId(), e.institution(), e.programme(), e.version());
        version(e.ruleId(), e.version(), e.institution(), e.programme(), e.criteria(), e.grant(), e.effectiveFrom(),
                e.effectiveUntil(), null, e.publishedBy(), e.at());
    }

    @EventHandler
    void on(RecognitionRuleAmended e) {
        jdbc.update(slot.get().sql("UPDATE {catalogue_rule} SET latest_version = ? WHERE rule_id = ?"), e.version(),
                e.ruleId());
        version(e.ruleId(), e.version(), e.institution(), e.programme(), e.criteria(), e.grant(), e.effectiveFrom(),
                e.effectiveUntil(), e.reason(), e.amendedBy(), e.at());
    }

    @EventHandler
    void on(RecognitionRuleWithdrawn e) {
        jdbc.update(slot.get().sql("UPDATE {catalogue_rule} SET withdrawn_from = ?, withdrawal = ? WHERE rule_id = ?"),
                e.withdrawnFrom(), e.reason(), e.ruleId());
        rulesChanged(e.institution(), e.programme());
    }

    /** Counts a change to the rules of a programme. */
    private void rulesChanged(String institution, String programme) {
        jdbc.update(slot.get().sql("UPDATE {catalogue_programme} SET rules_revision = rules_revision + 1"
                + " WHERE institution = ? AND programme = ?"), institution, programme);
    }

    private void version(String ruleId, int version, String institution, String programme, RuleCriteria criteria,
                         RuleGrant grant, LocalDate from, LocalDate until, String reason, String by, Instant at) {
        jdbc.update(slot.get().sql("INSERT INTO {catalogue_rule_version} (rule_id, version, institution, programme,"
                        + " kind, criteria, grant_terms, effective_from, effective_until, reason, published_by,"
                        + " published_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"), ruleId, version, institution,
                programme, criteria.kind().name(), JsonColumns.json(criteria), JsonColumns.json(grant), from, until,
                reason, by, Sql.at(at));
        rulesChanged(institution, programme);
    }
}
