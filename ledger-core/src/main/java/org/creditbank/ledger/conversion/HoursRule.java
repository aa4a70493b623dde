package org.creditbank.ledger.conversion;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.creditbank.ledger.branch.BranchProfile;
import org.creditbank.ledger.branch.BranchRole;
import org.creditbank.ledger.branch.BranchTier;
import org.creditbank.ledger.branch.Jurisdiction;
import org.creditbank.ledger.conversion.CatalogueCommands.PublishHoursRule;
import org.creditbank.ledger.conversion.CatalogueEvent.HoursRulePublished;
import org.creditbank.ledger.conversion.ConversionRefusals.AmendmentNeedsReason;
import org.creditbank.ledger.conversion.ConversionRefusals.AmendmentNotLater;
import org.creditbank.ledger.conversion.ConversionRefusals.NotTheCentre;

import java.time.Clock;
import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A network rule of the provincial centre that turns hours of non-degree learning into standard credits: one stream
 * per rule, each version of its terms an event, each later version in force from a later date.
 */
public class HoursRule {

    @AggregateIdentifier
    private String id;
    private int version;
    private LocalDate effectiveFrom;

    /** For event sourcing. */
    protected HoursRule() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(PublishHoursRule command, Jurisdiction jurisdiction, Clock clock) {
        BranchProfile acting = jurisdiction.actingBranch(command.actor(), BranchRole.OFFICER);
        if (acting.tier() != BranchTier.PROVINCIAL_CENTRE) {
            throw new NotTheCentre(acting.code());
        }
        HoursTerms terms = command.terms();
        if (id != null) {
            if (command.reason() == null) {
                throw new AmendmentNeedsReason(command.rule().value());
            }
            if (!terms.effectiveFrom().isAfter(effectiveFrom)) {
                throw new AmendmentNotLater(command.rule().value(), version, effectiveFrom);
            }
        }
        apply(new HoursRulePublished(command.rule().value(), version + 1, acting.code(), terms,
                id == null ? null : command.reason(), command.actor().officerId(), acting.code(), clock.instant()));
    }

    @EventSourcingHandler
    void on(HoursRulePublished event) {
        id = "hours-rule:" + event.ruleId();
        version = event.version();
        effectiveFrom = event.terms().effectiveFrom();
    }
}
