package org.creditbank.ledger.api.conversion;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.creditbank.ledger.access.Subject;
import org.creditbank.ledger.achievement.AchievementIds;
import org.creditbank.ledger.api.identity.LedgerPrincipal;
import org.creditbank.ledger.api.identity.Principals;
import org.creditbank.ledger.api.identity.ReadAccess;
import org.creditbank.ledger.api.web.ActingOfficerResolver;
import org.creditbank.ledger.api.web.CommandMetadata;
import org.creditbank.ledger.api.web.LedgerCommands;
import org.creditbank.ledger.api.web.Requests;
import org.creditbank.ledger.branch.ActingOfficer;
import org.creditbank.ledger.branch.BranchCode;
import org.creditbank.ledger.conversion.ConversionCommands.ApplyForConversion;
import org.creditbank.ledger.conversion.ConversionCommands.DecideConversion;
import org.creditbank.ledger.conversion.ConversionRefusals.UnknownApplication;
import org.creditbank.ledger.learner.LearnerNumber;
import org.creditbank.ledger.projection.conversion.ConversionQueries;
import org.creditbank.ledger.projection.conversion.ConversionView;
import org.creditbank.ledger.rule.InvalidField;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Conversion applications over HTTP: apply (learner or officer), decide (the receiving institution), read. */
@RestController
@Tag(name = "Conversions", description = "Applications to convert achievements into credits of a programme")
public class ConversionController {

    private final LedgerCommands commands;
    private final ConversionQueries queries;
    private final Principals principals;
    private final ReadAccess access;
    private final Clock clock;

    public ConversionController(LedgerCommands commands, ConversionQueries queries, Principals principals,
                                ReadAccess access, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.principals = principals;
        this.access = access;
        this.clock = clock;
    }

    /** An application: toward which programme of which institution, and which achievements on the account. */
    public record ApplicationRequest(String applicationId, String institution, String programme,
                                     List<String> sources) {
    }

    /** A decision: a grant (but for the sources refused, each with why), or with {@code refusal}, a refusal. */
    public record DecisionRequest(List<RefusedSource> refusedSources, String refusal) {
        Map<String, String> refused() {
            Map<String, String> refused = new java.util.LinkedHashMap<>();
            if (refusedSources != null) {
                for (RefusedSource source : refusedSources) {
                    InvalidField.require("refusedSources", source);
                    if (refused.put(AchievementIds.require("refusedSources.achievementId", source.achievementId()),
                            source.reason()) != null) {
                        throw new InvalidField("refusedSources", "names achievement " + source.achievementId()
                                + " twice");
                    }
                }
            }
            return refused;
        }
    }

    /** A source the certifier refuses, and why. */
    public record RefusedSource(String achievementId, String reason) {
    }

    @PostMapping("/api/learners/{learnerNumber}/conversions")
    @Operation(summary = "Apply to convert achievements into credits of an institution's programme (201), by the"
            + " learner or an officer; each source is weighed against the rules in force today")
    public ResponseEntity<Object> apply(@PathVariable String learnerNumber,
                                                @RequestBody ApplicationRequest request,
                                                @RequestHeader(name = CommandMetadata.BRANCH_HEADER, required = false)
                                                String branch) {
        LearnerNumber learner = LearnerNumber.parse(learnerNumber);
        InvalidField.require("application", request);
        String id = request.applicationId() == null ? "conv-" + AchievementIds.next(clock.instant())
                : request.applicationId();
        BranchCode institution = BranchCode.of("institution", request.institution());
        LedgerPrincipal principal = principals.current();
        if (principal.learnerNumber() != null && !principal.isOfficer()) {
            commands.sendAsLearner(new ApplyForConversion(learner, id, institution, request.programme(),
                    request.sources(), null, new Subject(principal.subject())));
        } else {
            ActingOfficer actor = ActingOfficerResolver.actor(principal, branch);
            commands.send(new ApplyForConversion(learner, id, institution, request.programme(), request.sources(),
                    actor, null), actor);
        }
        URI location = URI.create("/api/learners/" + learner.value() + "/conversions/" + id);
        // The assessment quotes the learner's achievements: answered in full only to who may read the learner.
        return ResponseEntity.created(location).body(access.mayReadLearner(learner.value()) ? read(learner, id)
                : java.util.Map.of("learnerNumber", learner.value(), "applicationId", id, "status", "APPLIED"));
    }

    @PostMapping("/api/learners/{learnerNumber}/conversions/{applicationId}/decision")
    @Operation(summary = "Decide an application, as a certifier of the receiving institution who did not apply for"
            + " it: grant within the programme's caps, or refuse")
    public ConversionView decide(@PathVariable String learnerNumber, @PathVariable String applicationId,
                                 @RequestBody DecisionRequest request, ActingOfficer actor) {
        LearnerNumber learner = LearnerNumber.parse(learnerNumber);
        InvalidField.require("decision", request);
        commands.send(new DecideConversion(learner, applicationId, request.refused(), request.refusal(), actor),
                actor);
        return read(learner, applicationId);
    }

    @GetMapping("/api/learners/{learnerNumber}/conversions/{applicationId}")
    @Operation(summary = "One conversion application: its sources as weighed, and its decision")
    public ConversionView application(@PathVariable String learnerNumber, @PathVariable String applicationId) {
        return read(LearnerNumber.parse(learnerNumber), applicationId);
    }

    @GetMapping("/api/learners/{learnerNumber}/conversions")
    @Operation(summary = "The account's conversion applications, the latest first")
    public List<ConversionView> applications(@PathVariable String learnerNumber,
                                             @RequestParam(defaultValue = "100") int limit) {
        Requests.requirePage(0, limit);
        return queries.ofLearner(LearnerNumber.parse(learnerNumber).value(), limit);
    }

    @GetMapping("/api/learners/{learnerNumber}/hours-conversions")
    @Operation(summary = "The account's hours of learning converted into standard credits at certification")
    public List<ConversionQueries.HoursView> hoursConversions(@PathVariable String learnerNumber) {
        return queries.hours(LearnerNumber.parse(learnerNumber).value());
    }

    @GetMapping("/api/institutions/{institution}/conversions")
    @Operation(summary = "The applications to an institution awaiting its decision, the oldest first")
    public List<ConversionView> awaiting(@PathVariable String institution,
                                         @RequestParam(defaultValue = "100") int limit) {
        Requests.requirePage(0, limit);
        String code = BranchCode.of("institution", institution).value();
        // The queue names learners and their achievements: the institution's (and its jurisdiction's) to read.
        access.branch(code);
        return queries.awaitingDecision(code, limit);
    }

    private ConversionView read(LearnerNumber learner, String applicationId) {
        return queries.application(learner.value(), applicationId)
                .orElseThrow(() -> new UnknownApplication(learner.value(), applicationId));
    }
}
