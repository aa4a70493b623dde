package org.creditbank.ledger.conversion;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.creditbank.ledger.branch.BranchProfile;
import org.creditbank.ledger.branch.BranchRole;
import org.creditbank.ledger.branch.Jurisdiction;
import org.creditbank.ledger.branch.OutsideJurisdiction;
import org.creditbank.ledger.conversion.AgreementEvent.AgreementConcluded;
import org.creditbank.ledger.conversion.AgreementEvent.AgreementWithdrawn;
import org.creditbank.ledger.conversion.CatalogueCommands.ConcludeAgreement;
import org.creditbank.ledger.conversion.CatalogueCommands.WithdrawAgreement;
import org.creditbank.ledger.conversion.ConversionRefusals.AgreementAlreadyConcluded;
import org.creditbank.ledger.conversion.ConversionRefusals.NotPartysRule;
import org.creditbank.ledger.conversion.ConversionRefusals.UnknownRule;
import org.creditbank.ledger.conversion.ConversionRefusals.AgreementWithdrawnAlready;
import org.creditbank.ledger.conversion.ConversionRefusals.UnknownAgreement;

import java.time.Clock;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A mutual-recognition agreement between two institutions or two regions: concluded by an officer of a branch whose
 * jurisdiction covers both parties (the centre that brokers it, or one above both); withdrawn by an officer of
 * either side (or above it).
 */
public class RecognitionAgreement {

    @AggregateIdentifier
    private String id;
    private String first;
    private String second;
    private boolean withdrawn;

    /** For event sourcing. */
    protected RecognitionAgreement() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ConcludeAgreement command, Jurisdiction jurisdiction, RecognitionCatalogue catalogue,
                       Clock clock) {
        AgreementTerms terms = command.terms();
        BranchProfile first = jurisdiction.branch(terms.first());
        BranchProfile second = jurisdiction.branch(terms.second());
        BranchProfile acting = jurisdiction.requireCovers(command.actor(), BranchRole.OFFICER, first);
        if (!acting.covers(second)) {
            throw new OutsideJurisdiction(acting.code(), second.code());
        }
        if (id != null) {
            throw new AgreementAlreadyConcluded(command.agreement().value());
        }
        requireOwnRules("firstAccepts", terms.firstAccepts(), first, jurisdiction, catalogue);
        requireOwnRules("secondAccepts", terms.secondAccepts(), second, jurisdiction, catalogue);
        apply(new AgreementConcluded(command.agreement().value(), terms, command.actor().officerId(), acting.code(),
                clock.instant()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(WithdrawAgreement command, Jurisdiction jurisdiction, Clock clock) {
        if (id == null) {
            throw new UnknownAgreement(command.agreement().value());
        }
        BranchProfile acting = jurisdiction.actingBranch(command.actor(), BranchRole.OFFICER);
        if (!acting.covers(jurisdiction.branch(first)) && !acting.covers(jurisdiction.branch(second))) {
            throw new OutsideJurisdiction(acting.code(), first);
        }
        if (withdrawn) {
            throw new AgreementWithdrawnAlready(command.agreement().value());
        }
        apply(new AgreementWithdrawn(command.agreement().value(), command.withdrawnFrom(), command.reason(),
                command.actor().officerId(), acting.code(), clock.instant()));
    }

    /** Each rule a party accepts is its own: published by the party or by an institution within it. */
    private static void requireOwnRules(String field, java.util.List<String> rules, BranchProfile party,
                                        Jurisdiction jurisdiction, RecognitionCatalogue catalogue) {
        for (String rule : rules) {
            String owner = catalogue.ruleOwner(rule).orElseThrow(() -> new UnknownRule(field, rule));
            if (!party.covers(jurisdiction.branch(owner))) {
                throw new NotPartysRule(field, rule, owner, party.code());
            }
        }
    }

    @EventSourcingHandler
    void on(AgreementConcluded event) {
        id = "agreement:" + event.agreementId();
        first = event.terms().first();
        second = event.terms().second();
    }

    @EventSourcingHandler
    void on(AgreementWithdrawn event) {
        withdrawn = true;
    }
}
