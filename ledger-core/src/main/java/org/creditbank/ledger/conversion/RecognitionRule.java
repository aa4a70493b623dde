package org.creditbank.ledger.conversion;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.creditbank.ledger.branch.ActingOfficer;
import org.creditbank.ledger.branch.BranchProfile;
import org.creditbank.ledger.branch.BranchRole;
import org.creditbank.ledger.branch.Jurisdiction;
import org.creditbank.ledger.conversion.CatalogueCommands.AmendRule;
import org.creditbank.ledger.conversion.CatalogueCommands.PublishRule;
import org.creditbank.ledger.conversion.CatalogueCommands.RuleTerms;
import org.creditbank.ledger.conversion.CatalogueCommands.WithdrawRule;
import org.creditbank.ledger.conversion.CatalogueEvent.RecognitionRuleAmended;
import org.creditbank.ledger.conversion.CatalogueEvent.RecognitionRulePublished;
import org.creditbank.ledger.conversion.CatalogueEvent.RecognitionRuleWithdrawn;
import org.creditbank.ledger.conversion.ConversionRefusals.AmendmentNotLater;
import org.creditbank.ledger.conversion.ConversionRefusals.RuleAlreadyPublished;
import org.creditbank.ledger.conversion.ConversionRefusals.RuleWithdrawn;
import org.creditbank.ledger.conversion.ConversionRefusals.UnitMismatch;
import org.creditbank.ledger.conversion.ConversionRefusals.UnknownProgramme;
import org.creditbank.ledger.conversion.ConversionRefusals.UnknownRule;

import java.time.Clock;
import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A recognition rule, published by the receiving institution for one of its programmes: one stream per rule, each
 * version of its terms an event. Published, amended and withdrawn by an officer of the institution or of a branch
 * above it. A rule grants only in its programme's unit: the one way a unit changes.
 */
public class RecognitionRule {

    @AggregateIdentifier
    private String id;
    private String ruleId;
    private String institution;
    private String programme;
    private int version;
    private LocalDate effectiveFrom;
    private boolean withdrawn;

    /** For event sourcing. */
    protected RecognitionRule() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(PublishRule command, Jurisdiction jurisdiction, RecognitionCatalogue catalogue, Clock clock) {
        String owner = command.institution().value();
        BranchProfile acting = authorise(command.actor(), jurisdiction, owner);
        if (id != null) {
            throw new RuleAlreadyPublished(command.rule().value());
        }
        RuleTerms t = command.terms();
        requireGrantInProgrammeUnit(catalogue, owner, command.programme(), t);
        apply(new RecognitionRulePublished(command.rule().value(), 1, owner, command.programme(), t.criteria(),
                t.grant(), t.effectiveFrom(), t.effectiveUntil(), command.actor().officerId(), acting.code(),
                clock.instant()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(AmendRule command, Jurisdiction jurisdiction, RecognitionCatalogue catalogue, Clock clock) {
        BranchProfile acting = authoriseOnPublished(command.rule(), command.actor(), jurisdiction);
        RuleTerms t = command.terms();
        if (!t.effectiveFrom().isAfter(effectiveFrom)) {
            throw new AmendmentNotLater(ruleId, version, effectiveFrom);
        }
        requireGrantInProgrammeUnit(catalogue, institution, programme, t);
        apply(new RecognitionRuleAmended(ruleId, version + 1, institution, programme, t.criteria(), t.grant(),
                t.effectiveFrom(), t.effectiveUntil(), command.reason(), command.actor().officerId(), acting.code(),
                clock.instant()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(WithdrawRule command, Jurisdiction jurisdiction, Clock clock) {
        BranchProfile acting = authoriseOnPublished(command.rule(), command.actor(), jurisdiction);
        apply(new RecognitionRuleWithdrawn(ruleId, version, institution, programme, command.withdrawnFrom(),
                command.reason(), command.actor().officerId(), acting.code(), clock.instant()));
    }

    /** An officer of the institution, or of a branch above it (a centre), authors its rules. */
    private static BranchProfile authorise(ActingOfficer actor,
                                           Jurisdiction jurisdiction, String institution) {
        BranchProfile owner = Programme.requireInstitution(jurisdiction, institution);
        return jurisdiction.requireCovers(actor, BranchRole.OFFICER, owner);
    }

    private static void requireGrantInProgrammeUnit(RecognitionCatalogue catalogue, String institution,
                                                    String programme, RuleTerms terms) {
        ProgrammeTerms target = catalogue.programme(institution, programme)
                .orElseThrow(() -> new UnknownProgramme(institution, programme));
        if (!target.unit().equals(terms.grant().unit())) {
            throw new UnitMismatch(programme, target.unit(), terms.grant().unit());
        }
    }

    /**
     * The acting officer's branch, once the rule is known to exist, the officer may act on it, and it is not withdrawn
     * (who asks is settled before what the rule's state allows).
     */
    private BranchProfile authoriseOnPublished(RuleId rule, ActingOfficer actor,
                                               Jurisdiction jurisdiction) {
        if (id == null) {
            throw new UnknownRule(rule.value());
        }
        BranchProfile acting = authorise(actor, jurisdiction, institution);
        if (withdrawn) {
            throw new RuleWithdrawn(ruleId);
        }
        return acting;
    }

    @EventSourcingHandler
    void on(RecognitionRulePublished event) {
        id = RuleId.stream(event.ruleId());
        ruleId = event.ruleId();
        institution = event.institution();
        programme = event.programme();
        version = event.version();
        effectiveFrom = event.effectiveFrom();
    }

    @EventSourcingHandler
    void on(RecognitionRuleAmended event) {
        version = event.version();
        effectiveFrom = event.effectiveFrom();
    }

    @EventSourcingHandler
    void on(RecognitionRuleWithdrawn event) {
        withdrawn = true;
    }
}
