package org.creditbank.ledger.api.achievement;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.creditbank.ledger.achievement.AchievementCommands.CertifyAchievement;
import org.creditbank.ledger.achievement.AchievementCommands.CorrectAchievement;
import org.creditbank.ledger.achievement.AchievementCommands.RecordAchievement;
import org.creditbank.ledger.achievement.AchievementCommands.RecordingOutcome;
import org.creditbank.ledger.achievement.AchievementCommands.RejectAchievement;
import org.creditbank.ledger.achievement.AchievementCommands.RevokeAchievement;
import org.creditbank.ledger.achievement.AchievementCorrection;
import org.creditbank.ledger.achievement.AchievementDetails;
import org.creditbank.ledger.achievement.AchievementIds;
import org.creditbank.ledger.achievement.AchievementKind;
import org.creditbank.ledger.achievement.AchievementRefusals.UnknownAchievement;
import org.creditbank.ledger.achievement.Credits;
import org.creditbank.ledger.achievement.Evidence;
import org.creditbank.ledger.achievement.ExternalReference;
import org.creditbank.ledger.achievement.Result;
import org.creditbank.ledger.api.web.LedgerCommands;
import org.creditbank.ledger.api.web.Requests;
import org.creditbank.ledger.branch.ActingOfficer;
import org.creditbank.ledger.learner.LearnerNumber;
import org.creditbank.ledger.projection.register.JdbcCertificateRegister;
import org.creditbank.ledger.projection.archive.ArchiveQueries;
import org.creditbank.ledger.projection.archive.AchievementView;
import org.creditbank.ledger.achievement.CertificateRegister.RefusedClaim;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;

/** The achievement lifecycle over HTTP: record, certify, reject, correct, revoke; read one. */
@RestController
@Tag(name = "Achievements", description = "Learning achievements on an account and their lifecycle")
public class AchievementController {

    private final LedgerCommands commands;
    private final ArchiveQueries queries;
    private final JdbcCertificateRegister certificates;
    private final Clock clock;

    public AchievementController(LedgerCommands commands, ArchiveQueries queries,
                                 JdbcCertificateRegister certificates, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.certificates = certificates;
        this.clock = clock;
    }

    /** Evidence of an achievement. */
    public record EvidenceRequest(String sha256, String mediaType, String location) {
        public Evidence toEvidence() {
            return new Evidence(sha256, mediaType, location);
        }
    }

    /** An amount of credit with its unit system. */
    public record CreditsRequest(BigDecimal amount, String unit) {
        public Credits toCredits() {
            return new Credits(amount, unit);
        }
    }

    /** A result under a grading scheme. */
    public record ResultRequest(String scheme, String value) {
        public Result toResult() {
            return new Result(scheme, value);
        }
    }

    /** The issuer's identification of the achievement. */
    public record ExternalReferenceRequest(String issuer, String id) {
    }

    /** An achievement to record. */
    public record RecordRequest(String kind, String title, String awardingBody, String assessingBody,
                                String achievedOn, EvidenceRequest evidence, CreditsRequest credits,
                                Integer qualificationLevel, Integer vocationalLevel, ResultRequest result,
                                ExternalReferenceRequest externalReference, String certificateSerial) {

        /** The achievement's details, each field validated by its value type. */
        public AchievementDetails toDetails() {
            return new AchievementDetails(Requests.oneOf("kind", kind, AchievementKind.class), title, awardingBody,
                    assessingBody, Requests.date("achievedOn", achievedOn, true),
                    evidence == null ? null : evidence.toEvidence(), credits == null ? null : credits.toCredits(),
                    qualificationLevel, vocationalLevel, result == null ? null : result.toResult(),
                    externalReference == null ? null
                            : new ExternalReference(externalReference.issuer(), externalReference.id()),
                    certificateSerial);
        }
    }

    /** The fields a correction supersedes, and why. */
    public record CorrectionRequest(String reason, String title, String awardingBody, String assessingBody,
                                    String achievedOn, EvidenceRequest evidence, CreditsRequest credits,
                                    Integer qualificationLevel, Integer vocationalLevel, ResultRequest result) {
    }

    /** Why an achievement is rejected or revoked. */
    public record ReasonRequest(String reason) {
    }

    /** The answer to recording. */
    public record Recorded(String achievementId, boolean alreadyRecorded, AchievementView achievement) {
    }

    @PostMapping("/api/learners/{learnerNumber}/achievements")
    @Operation(summary = "Record an achievement (201); the same external reference again answers the first (200)")
    public ResponseEntity<Recorded> record(@PathVariable String learnerNumber, @RequestBody RecordRequest request,
                                           ActingOfficer actor) {
        LearnerNumber learner = LearnerNumber.parse(learnerNumber);
        RecordingOutcome outcome = commands.send(
                new RecordAchievement(learner, AchievementIds.next(clock.instant()), request.toDetails(), actor),
                actor);
        Recorded body = new Recorded(outcome.achievementId(), outcome.alreadyRecorded(),
                read(learner, outcome.achievementId()));
        URI location = URI.create("/api/learners/" + learner.value() + "/achievements/" + outcome.achievementId());
        return outcome.alreadyRecorded() ? ResponseEntity.ok().location(location).body(body)
                : ResponseEntity.created(location).body(body);
    }

    @GetMapping("/api/learners/{learnerNumber}/achievements/{achievementId}")
    @Operation(summary = "One achievement with the history of acts on it")
    public AchievementView achievement(@PathVariable String learnerNumber, @PathVariable String achievementId) {
        return read(LearnerNumber.parse(learnerNumber), achievementId);
    }

    @PostMapping("/api/learners/{learnerNumber}/achievements/{achievementId}/certification")
    @Operation(summary = "Certify a recorded achievement, depositing its credits")
    public AchievementView certify(@PathVariable String learnerNumber, @PathVariable String achievementId,
                                   ActingOfficer actor) {
        return act(learnerNumber, achievementId, learner -> new CertifyAchievement(learner, achievementId, actor),
                actor);
    }

    @PostMapping("/api/learners/{learnerNumber}/achievements/{achievementId}/rejection")
    @Operation(summary = "Reject a recorded achievement, with a reason")
    public AchievementView reject(@PathVariable String learnerNumber, @PathVariable String achievementId,
                                  @RequestBody ReasonRequest request, ActingOfficer actor) {
        return act(learnerNumber, achievementId,
                learner -> new RejectAchievement(learner, achievementId, request.reason(), actor), actor);
    }

    @PostMapping("/api/learners/{learnerNumber}/achievements/{achievementId}/correction")
    @Operation(summary = "Supersede fields of a recorded or certified achievement, with a reason")
    public AchievementView correct(@PathVariable String learnerNumber, @PathVariable String achievementId,
                                   @RequestBody CorrectionRequest request, ActingOfficer actor) {
        AchievementCorrection correction = new AchievementCorrection(request.title(), request.awardingBody(),
                request.assessingBody(), Requests.date("achievedOn", request.achievedOn(), false),
                request.evidence() == null ? null : request.evidence().toEvidence(),
                request.credits() == null ? null : request.credits().toCredits(),
                request.qualificationLevel(), request.vocationalLevel(),
                request.result() == null ? null : request.result().toResult());
        return act(learnerNumber, achievementId,
                learner -> new CorrectAchievement(learner, achievementId, request.reason(), correction, actor), actor);
    }

    @PostMapping("/api/learners/{learnerNumber}/achievements/{achievementId}/revocation")
    @Operation(summary = "Revoke a certified achievement, with a reason")
    public AchievementView revoke(@PathVariable String learnerNumber, @PathVariable String achievementId,
                                  @RequestBody ReasonRequest request, ActingOfficer actor) {
        return act(learnerNumber, achievementId,
                learner -> new RevokeAchievement(learner, achievementId, request.reason(), actor), actor);
    }

    /** Sends the command made for the account in the path and answers the achievement as it now stands. */
    private AchievementView act(String learnerNumber, String achievementId, Function<LearnerNumber, Object> command,
                                ActingOfficer actor) {
        LearnerNumber learner = LearnerNumber.parse(learnerNumber);
        commands.send(command.apply(learner), actor);
        return read(learner, achievementId);
    }

    @GetMapping("/api/review/certificate-claims")
    @Operation(summary = "Refused claims on certificates held by another learner, newest first, kept for review")
    public List<RefusedClaim> flaggedClaims(@RequestParam(defaultValue = "100") int limit) {
        Requests.requirePage(0, limit);
        return certificates.flaggedClaims(limit);
    }

    private AchievementView read(LearnerNumber learner, String achievementId) {
        return queries.achievement(learner.value(), achievementId)
                .orElseThrow(() -> new UnknownAchievement(learner.value(), achievementId));
    }
}
