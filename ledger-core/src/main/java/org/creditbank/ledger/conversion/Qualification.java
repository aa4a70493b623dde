package org.creditbank.ledger.conversion;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.creditbank.ledger.branch.BranchProfile;
import org.creditbank.ledger.branch.BranchRole;
import org.creditbank.ledger.branch.Jurisdiction;
import org.creditbank.ledger.conversion.CatalogueCommands.DefineQualification;
import org.creditbank.ledger.conversion.CatalogueEvent.QualificationDefined;
import org.creditbank.ledger.conversion.ConversionRefusals.QualificationAlreadyDefined;
import org.creditbank.ledger.conversion.ConversionRefusals.UnknownProgramme;

import java.time.Clock;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A qualification an institution awards (graduation certificate, degree, certificate of completion), with its
 * thresholds over the credits of one of its programmes: one stream per qualification. Defined by an officer of the
 * institution or of a branch above it.
 */
public class Qualification {

    @AggregateIdentifier
    private String id;

    /** For event sourcing. */
    protected Qualification() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(DefineQualification command, Jurisdiction jurisdiction, RecognitionCatalogue catalogue,
                       Clock clock) {
        String institution = command.qualification().institution().value();
        BranchProfile receiving = Programme.requireInstitution(jurisdiction, institution);
        BranchProfile acting = jurisdiction.requireCovers(command.actor(), BranchRole.OFFICER, receiving);
        if (id != null) {
            throw new QualificationAlreadyDefined(institution, command.qualification().code());
        }
        QualificationTerms terms = command.terms();
        ProgrammeTerms programme = catalogue.programme(institution, terms.programme())
                .orElseThrow(() -> new UnknownProgramme(institution, terms.programme()));
        apply(new QualificationDefined(institution, command.qualification().code(), terms, programme.unit(),
                command.actor().officerId(), acting.code(), clock.instant()));
    }

    @EventSourcingHandler
    void on(QualificationDefined event) {
        id = QualificationId.stream(event.institution(), event.qualification());
    }
}
