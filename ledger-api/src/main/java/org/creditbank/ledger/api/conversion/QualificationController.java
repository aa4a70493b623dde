package org.creditbank.ledger.api.conversion;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.creditbank.ledger.achievement.AchievementIds;
import org.creditbank.ledger.achievement.Evidence;
import org.creditbank.ledger.api.web.LedgerCommands;
import org.creditbank.ledger.branch.ActingOfficer;
import org.creditbank.ledger.branch.BranchCode;
import org.creditbank.ledger.conversion.ConversionCommands.AwardQualification;
import org.creditbank.ledger.conversion.ConversionRefusals.UnknownQualification;
import org.creditbank.ledger.conversion.ProgrammeCode;
import org.creditbank.ledger.conversion.QualificationDefinition;
import org.creditbank.ledger.conversion.QualificationProgress;
import org.creditbank.ledger.conversion.RecognitionCatalogue;
import org.creditbank.ledger.learner.LearnerNumber;
import org.creditbank.ledger.projection.conversion.QualificationQueries;
import org.creditbank.ledger.projection.conversion.QualificationQueries.AwardView;
import org.creditbank.ledger.rule.InvalidField;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.util.List;

/** A learner's qualifications over HTTP: progress toward one, its award, and the awards on the account. */
@RestController
@Tag(name = "Qualifications", description = "Progress toward an institution's qualification, and its award")
public class QualificationController {

    private final LedgerCommands commands;
    private final QualificationQueries queries;
    private final RecognitionCatalogue catalogue;
    private final Clock clock;

    public QualificationController(LedgerCommands commands, QualificationQueries queries,
                                   RecognitionCatalogue catalogue, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** The evidence of the diploma or certificate issued. */
    public record EvidenceRequest(String sha256, String mediaType, String location) {
    }

    /** An award: which institution's qualification, and the document issued for it. */
    public record AwardRequest(String institution, String qualification, EvidenceRequest evidence) {
    }

    @GetMapping("/api/learners/{learnerNumber}/qualifications/{institution}/{qualification}/progress")
    @Operation(summary = "How far the learner's credits toward the qualification's programme go: totals, groups,"
            + " required courses, the thresholds not yet met, and the credit lines counted")
    public QualificationProgress progress(@PathVariable String learnerNumber, @PathVariable String institution,
                                          @PathVariable String qualification) {
        LearnerNumber learner = LearnerNumber.parse(learnerNumber);
        QualificationDefinition definition = definition(BranchCode.of("institution", institution).value(),
                ProgrammeCode.requireProgramme("qualification", qualification));
        return QualificationProgress.of(definition.terms(), definition.unit(), queries.lines(learner.value(),
                definition.institution(), definition.terms().programme(), definition.unit()));
    }

    @PostMapping("/api/learners/{learnerNumber}/qualifications")
    @Operation(summary = "Award a qualification whose every threshold the learner meets, as a certifier of its"
            + " institution (201): a certified achievement of kind degree/diploma")
    public ResponseEntity<AwardView> award(@PathVariable String learnerNumber, @RequestBody AwardRequest request,
                                           ActingOfficer actor) {
        LearnerNumber learner = LearnerNumber.parse(learnerNumber);
        InvalidField.require("award", request);
        EvidenceRequest e = InvalidField.require("evidence", request.evidence());
        String id = AchievementIds.next(clock.instant());
        commands.send(new AwardQualification(learner, id, BranchCode.of("institution", request.institution()),
                request.qualification(), new Evidence(e.sha256(), e.mediaType(), e.location()), actor), actor);
        AwardView award = queries.awards(learner.value()).stream().filter(a -> a.achievementId().equals(id))
                .findFirst().orElseThrow();
        return ResponseEntity.created(URI.create("/api/learners/" + learner.value() + "/achievements/" + id))
                .body(award);
    }

    @GetMapping("/api/learners/{learnerNumber}/qualifications")
    @Operation(summary = "The qualifications awarded to the learner: AWARDED, or FLAGGED for review with why")
    public List<AwardView> awards(@PathVariable String learnerNumber) {
        return queries.awards(LearnerNumber.parse(learnerNumber).value());
    }

    private QualificationDefinition definition(String institution, String qualification) {
        return catalogue.qualification(institution, qualification)
                .orElseThrow(() -> new UnknownQualification(institution, qualification));
    }
}
