package org.creditbank.ledger.api.conversion;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.creditbank.ledger.achievement.AchievementKind;
import org.creditbank.ledger.api.web.LedgerCommands;
import org.creditbank.ledger.api.web.Requests;
import org.creditbank.ledger.branch.ActingOfficer;
import org.creditbank.ledger.branch.BranchCode;
import org.creditbank.ledger.conversion.CatalogueCommands.AmendRule;
import org.creditbank.ledger.conversion.AgreementId;
import org.creditbank.ledger.conversion.AgreementTerms;
import org.creditbank.ledger.conversion.AgreementVersion;
import org.creditbank.ledger.conversion.CatalogueCommands.ConcludeAgreement;
import org.creditbank.ledger.conversion.CatalogueCommands.DefineProgramme;
import org.creditbank.ledger.conversion.CatalogueCommands.WithdrawAgreement;
import org.creditbank.ledger.conversion.CatalogueCommands.DefineQualification;
import org.creditbank.ledger.conversion.CatalogueCommands.PublishHoursRule;
import org.creditbank.ledger.conversion.HoursRuleId;
import org.creditbank.ledger.conversion.HoursRuleVersion;
import org.creditbank.ledger.conversion.HoursTerms;
import org.creditbank.ledger.projection.catalogue.JdbcRecognitionCatalogue;
import org.creditbank.ledger.conversion.CatalogueCommands.PublishRule;
import org.creditbank.ledger.conversion.CatalogueCommands.RuleTerms;
import org.creditbank.ledger.conversion.CatalogueCommands.WithdrawRule;
import org.creditbank.ledger.conversion.ConversionCalendar;
import org.creditbank.ledger.conversion.ConversionRefusals.UnknownAgreement;
import org.creditbank.ledger.conversion.ConversionRefusals.UnknownProgramme;
import org.creditbank.ledger.conversion.ConversionRefusals.UnknownQualification;
import org.creditbank.ledger.conversion.ConversionRefusals.UnknownRule;
import org.creditbank.ledger.conversion.ProgrammeCode;
import org.creditbank.ledger.conversion.ProgrammeId;
import org.creditbank.ledger.conversion.ProgrammeTerms;
import org.creditbank.ledger.conversion.QualificationDefinition;
import org.creditbank.ledger.conversion.QualificationId;
import org.creditbank.ledger.conversion.QualificationTerms;
import org.creditbank.ledger.conversion.RuleCriteria;
import org.creditbank.ledger.conversion.RuleGrant;
import org.creditbank.ledger.conversion.RuleId;
import org.creditbank.ledger.conversion.RuleVersion;
import org.creditbank.ledger.projection.catalogue.CatalogueQueries;
import org.creditbank.ledger.projection.catalogue.CatalogueQueries.ProgrammeView;
import org.creditbank.ledger.projection.catalogue.CatalogueQueries.RuleView;
import org.creditbank.ledger.rule.InvalidField;
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
import java.time.LocalDate;
import java.util.List;

/** An institution's recognition catalogue over HTTP: its programmes, and the recognition rules it publishes. */
@RestController
@Tag(name = "Recognition", description = "Programmes credits convert into, and the recognition rules that convert them")
public class CatalogueController {

    private final LedgerCommands commands;
    private final CatalogueQueries queries;
    private final JdbcRecognitionCatalogue catalogue;
    private final ConversionCalendar calendar;
    private final Clock clock;

    public CatalogueController(LedgerCommands commands, CatalogueQueries queries, JdbcRecognitionCatalogue catalogue,
                               ConversionCalendar calendar, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.catalogue = catalogue;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** A programme to define, with the caps on credits converted into it for one learner. */
    public record ProgrammeRequest(String programme, String title, String unit, BigDecimal totalCredits,
                                   BigDecimal transferCap, BigDecimal yearlyCap, BigDecimal awardingBodyCap) {
    }

    /** Which achievements a rule takes; see {@link RuleCriteria}. */
    public record CriteriaRequest(String kind, String code, String awardingBody, Integer minQualificationLevel,
                                  Integer minVocationalLevel, String resultScheme, BigDecimal minResult,
                                  List<String> acceptedResults, Integer maxAgeYears) {
        RuleCriteria toCriteria() {
            return new RuleCriteria(Requests.oneOf("criteria.kind", kind, AchievementKind.class), code, awardingBody,
                    minQualificationLevel, minVocationalLevel, resultScheme, minResult, acceptedResults, maxAgeYears);
        }
    }

    /** A course a rule exempts, with its credits. */
    public record ExemptionRequest(String course, BigDecimal credits) {
    }

    /** What a rule grants: credits (toward a course, or the programme), or exempted courses. */
    public record GrantRequest(String unit, BigDecimal credits, String course, List<ExemptionRequest> exemptions) {
        RuleGrant toGrant() {
            return new RuleGrant(unit, credits, course, exemptions == null ? null : exemptions.stream()
                    .map(e -> e == null ? null : new RuleGrant.Exemption(e.course(), e.credits())).toList());
        }
    }

    /** A group of courses of a qualification, and the credits needed from them. */
    public record GroupRequest(String name, List<String> courses, BigDecimal minCredits) {
    }

    /** A qualification to define, with its thresholds. */
    public record QualificationRequest(String qualification, String title, String kind, String programme,
                                       BigDecimal totalCredits, BigDecimal minAtInstitution,
                                       List<GroupRequest> groups, List<String> requiredCourses) {
        QualificationTerms toTerms() {
            return new QualificationTerms(title, kind, programme, totalCredits, minAtInstitution, groups == null
                    ? null : groups.stream().map(g -> g == null ? null : new QualificationTerms.Group(g.name(),
                    g.courses(), g.minCredits())).toList(), requiredCourses);
        }
    }

    /** A rule to publish: its id, its programme and its terms. */
    public record PublishRequest(String ruleId, String programme, CriteriaRequest criteria, GrantRequest grant,
                                 String effectiveFrom, String effectiveUntil) {
    }

    /** A rule's next version, and why. */
    public record AmendRequest(CriteriaRequest criteria, GrantRequest grant, String effectiveFrom,
                               String effectiveUntil, String reason) {
    }

    /** From when a rule is withdrawn, and why. */
    public record WithdrawRequest(String withdrawnFrom, String reason) {
    }

    @PostMapping("/api/institutions/{institution}/programmes")
    @Operation(summary = "Define a programme of an institution that credits convert into, with its caps (201)")
    public ResponseEntity<ProgrammeView> defineProgramme(@PathVariable String institution,
                                                         @RequestBody ProgrammeRequest request, ActingOfficer actor) {
        BranchCode code = BranchCode.of("institution", institution);
        String programme = ProgrammeCode.requireProgramme("programme", request.programme());
        commands.send(new DefineProgramme(new ProgrammeId(code, programme), new ProgrammeTerms(request.title(),
                request.unit(), request.totalCredits(), request.transferCap(), request.yearlyCap(),
                request.awardingBodyCap()), actor), actor);
        return ResponseEntity.created(URI.create("/api/institutions/" + code.value() + "/programmes/" + programme))
                .body(programme(code.value(), programme));
    }

    @GetMapping("/api/institutions/{institution}/programmes/{programme}")
    @Operation(summary = "A programme with its caps")
    public ProgrammeView readProgramme(@PathVariable String institution, @PathVariable String programme) {
        return programme(BranchCode.of("institution", institution).value(),
                ProgrammeCode.requireProgramme("programme", programme));
    }

    @GetMapping("/api/institutions/{institution}/programmes/{programme}/rules")
    @Operation(summary = "The recognition rules in force for a programme on a date (today by default): of each rule,"
            + " the version in force then")
    public List<RuleVersion> rulesInForce(@PathVariable String institution, @PathVariable String programme,
                                          @RequestParam(required = false) String on) {
        ProgrammeView view = readProgramme(institution, programme);
        LocalDate date = on == null ? calendar.dateOf(clock.instant()) : Requests.date("on", on, true);
        return catalogue.rulesInForce(view.institution(), view.programme(), date,
                java.util.EnumSet.allOf(AchievementKind.class));
    }

    @PostMapping("/api/institutions/{institution}/qualifications")
    @Operation(summary = "Define a qualification the institution awards, with its thresholds over one of its"
            + " programmes (201)")
    public ResponseEntity<QualificationDefinition> defineQualification(@PathVariable String institution,
                                                                       @RequestBody QualificationRequest request,
                                                                       ActingOfficer actor) {
        BranchCode code = BranchCode.of("institution", institution);
        InvalidField.require("qualification", request);
        QualificationId id = new QualificationId(code, request.qualification());
        commands.send(new DefineQualification(id, request.toTerms(), actor), actor);
        return ResponseEntity.created(URI.create("/api/institutions/" + code.value() + "/qualifications/"
                + id.code())).body(qualification(code.value(), id.code()));
    }

    @GetMapping("/api/institutions/{institution}/qualifications/{qualification}")
    @Operation(summary = "A qualification with its thresholds")
    public QualificationDefinition readQualification(@PathVariable String institution,
                                                     @PathVariable String qualification) {
        return qualification(BranchCode.of("institution", institution).value(),
                ProgrammeCode.requireProgramme("qualification", qualification));
    }

    private QualificationDefinition qualification(String institution, String qualification) {
        return catalogue.qualification(institution, qualification)
                .orElseThrow(() -> new UnknownQualification(institution, qualification));
    }

    /** A network hours rule's terms (version 1 without a reason; a later version with one). */
    public record HoursRuleRequest(String ruleId, List<String> kinds, BigDecimal hoursPerCredit,
                                   BigDecimal yearlyCap, Integer scale, String rounding, String effectiveFrom,
                                   String effectiveUntil, String reason) {
    }

    @PostMapping("/api/hours-rules")
    @Operation(summary = "Publish the network's rule turning hours of non-degree learning into standard credits, or"
            + " amend it (with a reason, from a later date), as an officer of the provincial centre")
    public List<HoursRuleVersion> publishHoursRule(@RequestBody HoursRuleRequest request, ActingOfficer actor) {
        InvalidField.require("hoursRule", request);
        HoursRuleId rule = new HoursRuleId(request.ruleId());
        List<AchievementKind> kinds = request.kinds() == null ? null : request.kinds().stream()
                .map(k -> Requests.oneOf("kinds", k, AchievementKind.class)).toList();
        HoursTerms terms = new HoursTerms(kinds, request.hoursPerCredit(), request.yearlyCap(),
                InvalidField.require("scale", request.scale()), request.rounding(),
                Requests.date("effectiveFrom", request.effectiveFrom(), true),
                Requests.date("effectiveUntil", request.effectiveUntil(), false));
        commands.send(new PublishHoursRule(rule, terms, request.reason(), actor), actor);
        return hoursRule(rule.value());
    }

    @GetMapping("/api/hours-rules/{ruleId}")
    @Operation(summary = "A network hours rule with every version of its terms")
    public List<HoursRuleVersion> hoursRule(@PathVariable String ruleId) {
        String id = new HoursRuleId(ruleId).value();
        List<HoursRuleVersion> versions = catalogue.hoursRules().stream().filter(v -> v.ruleId().equals(id))
                .toList();
        if (versions.isEmpty()) {
            throw new UnknownRule(id);
        }
        return versions;
    }

    /** A mutual-recognition agreement to conclude. */
    public record AgreementRequest(String agreementId, String first, String second, List<String> firstAccepts,
                                   List<String> secondAccepts, String effectiveFrom, String effectiveUntil) {
    }

    @PostMapping("/api/agreements")
    @Operation(summary = "Conclude a mutual-recognition agreement between two institutions or regions, as an officer"
            + " of a branch above both (201)")
    public ResponseEntity<AgreementVersion> conclude(@RequestBody AgreementRequest request, ActingOfficer actor) {
        InvalidField.require("agreement", request);
        AgreementId id = new AgreementId(request.agreementId());
        AgreementTerms terms = new AgreementTerms(BranchCode.of("first", request.first()).value(),
                BranchCode.of("second", request.second()).value(), request.firstAccepts(), request.secondAccepts(),
                Requests.date("effectiveFrom", request.effectiveFrom(), true),
                Requests.date("effectiveUntil", request.effectiveUntil(), false));
        commands.send(new ConcludeAgreement(id, terms, actor), actor);
        return ResponseEntity.created(URI.create("/api/agreements/" + id.value())).body(agreement(id.value()));
    }

    @GetMapping("/api/agreements/{agreementId}")
    @Operation(summary = "A mutual-recognition agreement, and its withdrawal")
    public AgreementVersion agreement(@PathVariable String agreementId) {
        String id = new AgreementId(agreementId).value();
        return catalogue.agreements().stream().filter(a -> a.agreementId().equals(id)).findFirst()
                .orElseThrow(() -> new UnknownAgreement(id));
    }

    @PostMapping("/api/agreements/{agreementId}/withdrawal")
    @Operation(summary = "Withdraw an agreement from a date on, as an officer of either side")
    public AgreementVersion withdrawAgreement(@PathVariable String agreementId, @RequestBody WithdrawRequest request,
                                              ActingOfficer actor) {
        AgreementId id = new AgreementId(agreementId);
        commands.send(new WithdrawAgreement(id, Requests.date("withdrawnFrom", request.withdrawnFrom(), true),
                request.reason(), actor), actor);
        return agreement(id.value());
    }

    @PostMapping("/api/institutions/{institution}/recognition-rules")
    @Operation(summary = "Publish a recognition rule toward a programme of the institution: version 1 (201)")
    public ResponseEntity<RuleView> publish(@PathVariable String institution, @RequestBody PublishRequest request,
                                            ActingOfficer actor) {
        RuleId rule = new RuleId(request.ruleId());
        commands.send(new PublishRule(rule, BranchCode.of("institution", institution), request.programme(),
                terms(request.criteria(), request.grant(), request.effectiveFrom(), request.effectiveUntil()), actor),
                actor);
        return ResponseEntity.created(URI.create("/api/recognition-rules/" + rule.value())).body(rule(rule.value()));
    }

    @GetMapping("/api/recognition-rules/{ruleId}")
    @Operation(summary = "A recognition rule with every version of its terms")
    public RuleView rule(@PathVariable String ruleId) {
        return queries.rule(new RuleId(ruleId).value()).orElseThrow(() -> new UnknownRule(ruleId));
    }

    @PostMapping("/api/recognition-rules/{ruleId}/amendment")
    @Operation(summary = "Amend a recognition rule: its next version, in force from a later date")
    public RuleView amend(@PathVariable String ruleId, @RequestBody AmendRequest request, ActingOfficer actor) {
        RuleId rule = new RuleId(ruleId);
        commands.send(new AmendRule(rule, terms(request.criteria(), request.grant(), request.effectiveFrom(),
                request.effectiveUntil()), request.reason(), actor), actor);
        return rule(rule.value());
    }

    @PostMapping("/api/recognition-rules/{ruleId}/withdrawal")
    @Operation(summary = "Withdraw a recognition rule from a date on")
    public RuleView withdraw(@PathVariable String ruleId, @RequestBody WithdrawRequest request, ActingOfficer actor) {
        RuleId rule = new RuleId(ruleId);
        commands.send(new WithdrawRule(rule, Requests.date("withdrawnFrom", request.withdrawnFrom(), true),
                request.reason(), actor), actor);
        return rule(rule.value());
    }

    private static RuleTerms terms(CriteriaRequest criteria, GrantRequest grant, String from, String until) {
        return new RuleTerms(InvalidField.require("criteria", criteria).toCriteria(),
                InvalidField.require("grant", grant).toGrant(), Requests.date("effectiveFrom", from, true),
                Requests.date("effectiveUntil", until, false));
    }

    private ProgrammeView programme(String institution, String programme) {
        return queries.programme(institution, programme)
                .orElseThrow(() -> new UnknownProgramme(institution, programme));
    }
}
