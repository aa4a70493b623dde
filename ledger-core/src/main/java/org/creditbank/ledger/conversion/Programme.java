package org.creditbank.ledger.conversion;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.CreationPolicy;
import org.creditbank.ledger.branch.BranchProfile;
import org.creditbank.ledger.branch.BranchRole;
import org.creditbank.ledger.branch.BranchTier;
import org.creditbank.ledger.branch.Jurisdiction;
import org.creditbank.ledger.conversion.CatalogueCommands.DefineProgramme;
import org.creditbank.ledger.conversion.CatalogueEvent.ProgrammeDefined;
import org.creditbank.ledger.conversion.ConversionRefusals.NotAnInstitution;
import org.creditbank.ledger.conversion.ConversionRefusals.ProgrammeAlreadyDefined;

import java.time.Clock;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A programme of an institution, as defined for conversion: one stream per programme. Defined by an officer of the
 * institution or of a branch above it.
 */
public class Programme {

    @AggregateIdentifier
    private String id;

    /** For event sourcing. */
    protected Programme() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(DefineProgramme command, Jurisdiction jurisdiction, Clock clock) {
        String institution = command.programme().institution().value();
        BranchProfile receiving = requireInstitution(jurisdiction, institution);
        BranchProfile acting = jurisdiction.requireCovers(command.actor(), BranchRole.OFFICER, receiving);
        if (id != null) {
            throw new ProgrammeAlreadyDefined(institution, command.programme().code());
        }
        ProgrammeTerms t = command.terms();
        apply(new ProgrammeDefined(institution, command.programme().code(), t.title(), t.unit(), t.totalCredits(),
                t.transferCap(), t.yearlyCap(), t.awardingBodyCap(), command.actor().officerId(), acting.code(),
                clock.instant()));
    }

    /** The branch, refused unless it is an institution branch. */
    static BranchProfile requireInstitution(Jurisdiction jurisdiction, String code) {
        BranchProfile branch = jurisdiction.branch(code);
        if (branch.tier() != BranchTier.INSTITUTION_BRANCH) {
            throw new NotAnInstitution(code);
        }
        return branch;
    }

    @EventSourcingHandler
    void on(ProgrammeDefined event) {
        id = ProgrammeId.stream(event.institution(), event.programme());
    }
}
