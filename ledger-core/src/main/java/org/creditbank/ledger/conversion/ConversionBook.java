package org.creditbank.ledger.conversion;

import org.creditbank.ledger.achievement.AchievementBook;
import org.creditbank.ledger.achievement.AchievementKind;
import org.creditbank.ledger.achievement.AchievementStanding;
import org.creditbank.ledger.achievement.AchievementStatus;
import org.creditbank.ledger.conversion.ConversionCommands.ApplyForConversion;
import org.creditbank.ledger.conversion.ConversionCommands.DecideConversion;
import org.creditbank.ledger.conversion.AwardEvent.QualificationAwarded;
import org.creditbank.ledger.conversion.AwardEvent.QualificationFlaggedForReview;
import org.creditbank.ledger.conversion.ConversionEvent.Assessment;
import org.creditbank.ledger.conversion.ConversionEvent.ConversionApplied;
import org.creditbank.ledger.conversion.ConversionEvent.ConversionGranted;
import org.creditbank.ledger.conversion.ConversionEvent.ConversionInvalidated;
import org.creditbank.ledger.conversion.ConversionEvent.ConversionRefused;
import org.creditbank.ledger.conversion.ConversionEvent.SourceGrant;
import org.creditbank.ledger.conversion.ConversionEvent.SourceRefusal;
import org.creditbank.ledger.conversion.ConversionRefusals.ApplicationAlreadyDecided;
import org.creditbank.ledger.conversion.ConversionRefusals.ApplicationAlreadyMade;
import org.creditbank.ledger.conversion.ConversionRefusals.CapExceeded;
import org.creditbank.ledger.conversion.ConversionRefusals.DeciderIsApplicant;
import org.creditbank.ledger.conversion.ConversionRefusals.NotSource;
import org.creditbank.ledger.conversion.ConversionRefusals.NothingToGrant;
import org.creditbank.ledger.conversion.ConversionRefusals.SourceNamedTwice;
import org.creditbank.ledger.conversion.ConversionRefusals.UnknownApplication;
import org.creditbank.ledger.conversion.ConversionRefusals.UnknownProgramme;
import org.creditbank.ledger.conversion.ConversionsCarried.CarriedApplication;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The conversion applications on one account and the credits they converted, as the rules of conversion see them:
 * which sources already count toward which programme, and how much was converted into each (in all, per year, per
 * awarding body) for the caps.
 */
public final class ConversionBook {

    /** The most reasons of rules not met quoted to explain why no rule takes a source. */
    private static final int REASONS_QUOTED = 3;

    private final Map<String, ConversionApplied> applications = new HashMap<>();
    private final Set<String> decided = new HashSet<>();
    /** Per programme ({@link #key}): the sources that count toward it, and under which application. */
    private final Map<String, Map<String, String>> counted = new HashMap<>();
    /** Per programme: the grants into it. */
    private final Map<String, List<Grant>> grants = new HashMap<>();

    /** The grants that stand, by application: what the cascade from a source invalidates. */
    private final Map<String, ConversionGranted> standing = new LinkedHashMap<>();
    /** Every decision and invalidation, by application: what a merge carries to the survivor. */
    private final Map<String, ConversionGranted> grantedAll = new HashMap<>();
    private final Map<String, ConversionRefused> refusals = new HashMap<>();
    private final Map<String, ConversionInvalidated> invalidations = new HashMap<>();
    /** The applications in the order made. */
    private final List<String> made = new ArrayList<>();

    /**
     * Credits granted into a programme: the application, the year of the grant, the awarding body of the source, the
     * amount.
     */
    private record Grant(String applicationId, int year, String awardingBody, BigDecimal credits) {
    }

    /**
     * Weighs each source against the rules of the programme in force on the application date: the event that records
     * the application. An unknown source or one named twice refuses the application; a source no rule takes, one not
     * certified or one already counting toward the programme is assessed as refused, with why.
     */
    public ConversionApplied assess(String learnerNumber, ApplyForConversion command, AchievementBook achievements,
                                    RecognitionCatalogue catalogue, Function<String, List<String>> lineage,
                                    LocalDate appliedOn, String appliedBy, String branchCode, Instant at) {
        if (applications.containsKey(command.applicationId())) {
            throw new ApplicationAlreadyMade(command.applicationId());
        }
        String institution = command.institution().value();
        String programme = command.programme();
        String unit = catalogue.programme(institution, programme)
                .orElseThrow(() -> new UnknownProgramme(institution, programme)).unit();
        Set<String> named = new HashSet<>();
        List<AchievementStanding> sources = new ArrayList<>();
        for (String id : command.sources()) {
            if (!named.add(id)) {
                throw new SourceNamedTwice(id);
            }
            sources.add(achievements.require(learnerNumber, id));
        }
        Set<AchievementKind> kinds = new HashSet<>();
        sources.forEach(source -> kinds.add(source.achievementKind()));
        // Only the rules that take one of the sources' kinds, grouped by kind: each source is checked against those.
        Map<AchievementKind, List<RuleVersion>> rules = new HashMap<>();
        for (RuleVersion rule : catalogue.rulesInForce(institution, programme, appliedOn, kinds)) {
            rules.computeIfAbsent(rule.criteria().kind(), k -> new ArrayList<>()).add(rule);
        }
        List<AgreementVersion> agreements = catalogue.agreements();
        Map<String, String> already = counted.getOrDefault(key(institution, programme), Map.of());
        List<Assessment> assessed = new ArrayList<>();
        for (AchievementStanding source : sources) {
            Assessment a = assess(source, rules, already, institution, programme, unit, appliedOn);
            if (a.grantable()) {
                // The agreement, if any, under which the rule applies to learning from where the source was recorded.
                String cited = AgreementVersion.citing(agreements, a.ruleId(), lineage.apply(source.recordingBranch()),
                        appliedOn).map(AgreementVersion::agreementId).orElse(null);
                a = new Assessment(a.achievementId(), a.ruleId(), a.ruleVersion(), cited, a.credits(), a.unit(),
                        a.course(), a.exemptions(), null);
            }
            assessed.add(a);
        }
        return new ConversionApplied(learnerNumber, command.applicationId(), institution, programme, appliedOn,
                assessed, appliedBy, branchCode, at);
    }

    private static Assessment assess(AchievementStanding source, Map<AchievementKind, List<RuleVersion>> rules,
                                     Map<String, String> already, String institution, String programme, String unit,
                                     LocalDate appliedOn) {
        String id = source.achievementId();
        Optional<String> unusable = unusable(source, already, programme, unit);
        if (unusable.isPresent()) {
            return refused(id, unusable.get());
        }
        Candidate candidate = Candidate.of(source);
        List<RuleVersion> ofItsKind = rules.getOrDefault(candidate.kind(), List.of());
        RuleVersion best = null;
        List<String> unmet = new ArrayList<>();
        for (RuleVersion rule : ofItsKind) {
            if (rule.criteria().takes(candidate, appliedOn)) {
                if (best == null || better(rule, best)) {
                    best = rule;
                }
            } else if (unmet.size() < REASONS_QUOTED) {
                rule.criteria().unmetBy(source, appliedOn).ifPresent(why -> unmet.add("rule " + rule.ruleId() + ": "
                        + why));
            }
        }
        if (best == null) {
            String none = "no rule of " + institution + " in force on " + appliedOn + " for programme " + programme
                    + " takes it";
            return refused(id, unmet.isEmpty() ? none + " (none takes a " + RuleCriteria.words(candidate.kind()) + ")"
                    : none + " — " + String.join("; ", unmet));
        }
        RuleGrant grant = best.grant();
        return new Assessment(id, best.ruleId(), best.version(), null, grant.total(), grant.unit(), grant.course(),
                grant.exemptions(), null);
    }

    /** Of two rules that take a source, the one granting more (the learner's best), then the lower id. */
    private static boolean better(RuleVersion rule, RuleVersion than) {
        int c = rule.grant().total().compareTo(than.grant().total());
        return c > 0 || c == 0 && rule.ruleId().compareTo(than.ruleId()) < 0;
    }

    /** Why a source cannot be converted whatever the rules: not certified, or already counting toward the programme. */
    private static Optional<String> unusable(AchievementStanding source, Map<String, String> already,
                                             String programme, String unit) {
        AchievementStatus status = source.lifecycle();
        if (status == AchievementStatus.RECORDED) {
            return Optional.of("it is not certified yet: only certified achievements convert");
        }
        if (status != AchievementStatus.CERTIFIED) {
            return Optional.of("it was " + status.name().toLowerCase() + ": only certified achievements convert");
        }
        if (unit.equals(source.creditUnit())) {
            return Optional.of("its credits are already in the programme's unit " + unit + ": they count toward it"
                    + " as they are, not by conversion");
        }
        String application = already.get(source.achievementId());
        if (application != null) {
            return Optional.of("it already counts toward programme " + programme + " (application " + application
                    + "): an achievement counts once toward a programme");
        }
        return Optional.empty();
    }

    private static Assessment refused(String achievementId, String reason) {
        return new Assessment(achievementId, null, null, null, null, null, null, List.of(), reason);
    }

    /** The application, refused unless it was made. */
    public ConversionApplied require(String learnerNumber, String applicationId) {
        ConversionApplied application = applications.get(applicationId);
        if (application == null) {
            throw new UnknownApplication(learnerNumber, applicationId);
        }
        return application;
    }

    /**
     * The decision on an application by an officer of the receiving institution (never the one who applied): its
     * refusal, or a grant of every source a rule took that is still certified, counts toward the programme no more
     * and is not refused by the officer — within the programme's caps.
     */
    public ConversionEvent decide(String learnerNumber, DecideConversion command, AchievementBook achievements,
                                  RecognitionCatalogue catalogue, Function<String, List<String>> lineage,
                                  ConversionCalendar calendar, String actingBranch, Instant at) {
        ConversionApplied application = require(learnerNumber, command.applicationId());
        String officer = command.actor().officerId();
        if (officer.equals(application.appliedBy())) {
            throw new DeciderIsApplicant(command.applicationId(), officer);
        }
        if (decided.contains(application.applicationId())) {
            throw new ApplicationAlreadyDecided(application.applicationId());
        }
        if (command.refusal() != null) {
            return new ConversionRefused(learnerNumber, application.applicationId(), application.institution(),
                    application.programme(), command.refusal(), officer, actingBranch, at);
        }
        Set<String> sources = new HashSet<>();
        application.sources().forEach(s -> sources.add(s.achievementId()));
        for (String id : command.refusedSources().keySet()) {
            if (!sources.contains(id)) {
                throw new NotSource(application.applicationId(), id);
            }
        }
        String programme = application.programme();
        ProgrammeTerms terms = catalogue.programme(application.institution(), programme)
                .orElseThrow(() -> new UnknownProgramme(application.institution(), programme));
        Map<String, String> already = counted.getOrDefault(key(application.institution(), programme), Map.of());
        // Each course counts once toward the programme: those that already count, and those granted here.
        Set<String> courses = new HashSet<>();
        lines(application.institution(), programme, terms.unit(), achievements, lineage).forEach(line -> {
            if (line.course() != null) {
                courses.add(line.course());
            }
        });
        List<SourceGrant> granted = new ArrayList<>();
        List<SourceRefusal> refused = new ArrayList<>();
        for (Assessment assessed : application.sources()) {
            String id = assessed.achievementId();
            String byOfficer = command.refusedSources().get(id);
            if (!achievements.holds(id)) {
                refused.add(new SourceRefusal(id, byOfficer != null ? byOfficer : "it came with a merged account as"
                        + " a duplicate of an achievement this account holds: apply again with that one"));
                continue;
            }
            Optional<String> unusable = unusable(achievements.require(learnerNumber, id), already, programme,
                    terms.unit());
            Instant corrected = correctedAt.get(id);
            List<String> grantedCourses = assessed.grantable() ? coursesOf(assessed) : List.of();
            Optional<String> counted = grantedCourses.stream().filter(courses::contains).findFirst();
            if (byOfficer != null) {
                refused.add(new SourceRefusal(id, byOfficer));
            } else if (!assessed.grantable()) {
                refused.add(new SourceRefusal(id, assessed.refusal()));
            } else if (unusable.isPresent()) {
                refused.add(new SourceRefusal(id, unusable.get() + " (since the application)"));
            } else if (corrected != null && corrected.isAfter(application.at())) {
                refused.add(new SourceRefusal(id, "it was corrected after the application: apply again to have it"
                        + " weighed as corrected"));
            } else if (counted.isPresent()) {
                refused.add(new SourceRefusal(id, "course " + counted.get() + " already counts toward programme "
                        + programme + ": a course counts once"));
            } else {
                courses.addAll(grantedCourses);
                AchievementStanding source = achievements.require(learnerNumber, id);
                granted.add(new SourceGrant(id, awardingBody(source), assessed.ruleId(), assessed.ruleVersion(),
                        assessed.agreementId(), assessed.credits(), assessed.unit(), assessed.course(),
                        assessed.exemptions()));
            }
        }
        if (granted.isEmpty()) {
            throw new NothingToGrant(application.applicationId());
        }
        BigDecimal total = granted.stream().map(SourceGrant::credits).reduce(BigDecimal.ZERO, BigDecimal::add);
        LocalDate grantedOn = calendar.dateOf(at);
        requireWithinCaps(application, terms, granted, total, grantedOn.getYear());
        return new ConversionGranted(learnerNumber, application.applicationId(), application.institution(),
                programme, granted, refused, total, terms.unit(), grantedOn, officer, actingBranch, at);
    }

    private void requireWithinCaps(ConversionApplied application, ProgrammeTerms terms, List<SourceGrant> granted,
                                   BigDecimal total, int year) {
        String programme = application.programme();
        List<Grant> before = grants.getOrDefault(key(application.institution(), programme), List.of());
        requireWithin("in all", programme, terms.transferCap(), sum(before, g -> true), total, terms.unit());
        if (terms.yearlyCap() != null) {
            requireWithin("in " + year, programme, terms.yearlyCap(), sum(before, g -> g.year() == year), total,
                    terms.unit());
        }
        if (terms.awardingBodyCap() != null) {
            Map<String, BigDecimal> byBody = new LinkedHashMap<>();
            granted.stream().sorted(Comparator.comparing(SourceGrant::achievementId)).forEach(g ->
                    byBody.merge(String.valueOf(g.awardingBody()), g.credits(), BigDecimal::add));
            byBody.forEach((body, asked) -> requireWithin("from awarding body " + body, programme,
                    terms.awardingBodyCap(), sum(before, g -> body.equals(String.valueOf(g.awardingBody()))), asked,
                    terms.unit()));
        }
    }

    private static void requireWithin(String cap, String programme, BigDecimal limit, BigDecimal already,
                                      BigDecimal asked, String unit) {
        if (already.add(asked).compareTo(limit) > 0) {
            throw new CapExceeded(cap, programme, limit, already, asked, unit);
        }
    }

    private static BigDecimal sum(List<Grant> grants, java.util.function.Predicate<Grant> which) {
        return grants.stream().filter(which).map(Grant::credits).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static String awardingBody(AchievementStanding source) {
        return source.details() == null ? null : source.details().awardingBody();
    }

    /** The courses a grant counts as: its exempted courses, or its course (none for the programme as a whole). */
    private static List<String> coursesOf(Assessment assessed) {
        if (!assessed.exemptions().isEmpty()) {
            return assessed.exemptions().stream().map(RuleGrant.Exemption::course).toList();
        }
        return assessed.course() == null ? List.of() : List.of(assessed.course());
    }

    /** When each achievement on the account was last corrected. */
    private final Map<String, Instant> correctedAt = new HashMap<>();

    /** Notes a correction of an achievement: an application weighed before it is no longer granted on it. */
    public void corrected(String achievementId, Instant at) {
        correctedAt.put(achievementId, at);
    }

    /** Evolves the book by one event. */
    public void on(ConversionEvent event) {
        if (event instanceof ConversionApplied e) {
            applications.put(e.applicationId(), e);
            made.add(e.applicationId());
        } else if (event instanceof ConversionGranted e) {
            decided.add(e.applicationId());
            grantedAll.put(e.applicationId(), e);
            String key = key(e.institution(), e.programme());
            int year = e.grantedOn().getYear();
            for (SourceGrant g : e.granted()) {
                counted.computeIfAbsent(key, k -> new HashMap<>()).put(g.achievementId(), e.applicationId());
                grants.computeIfAbsent(key, k -> new ArrayList<>()).add(new Grant(e.applicationId(), year,
                        g.awardingBody(), g.credits()));
            }
            standing.put(e.applicationId(), e);
        } else if (event instanceof ConversionRefused e) {
            decided.add(e.applicationId());
            refusals.put(e.applicationId(), e);
        } else if (event instanceof ConversionInvalidated e) {
            invalidations.put(e.applicationId(), e);
            ConversionGranted granted = standing.remove(e.applicationId());
            String key = key(e.institution(), e.programme());
            Map<String, String> sources = counted.getOrDefault(key, new HashMap<>());
            granted.granted().forEach(g -> sources.remove(g.achievementId(), e.applicationId()));
            grants.getOrDefault(key, new ArrayList<>()).removeIf(g -> g.applicationId().equals(e.applicationId()));
        }
    }

    /**
     * The cascade of an act on an achievement: every standing grant that consumed it, invalidated by an event naming
     * the act and its reason, in the order granted.
     */
    public List<ConversionInvalidated> invalidatedBy(String learnerNumber, String achievementId, String act,
                                                     String reason, String officerId, String branchCode,
                                                     Instant at) {
        List<ConversionInvalidated> cascade = new ArrayList<>();
        for (ConversionGranted g : standing.values()) {
            if (g.granted().stream().anyMatch(source -> source.achievementId().equals(achievementId))) {
                cascade.add(new ConversionInvalidated(learnerNumber, g.applicationId(), g.institution(),
                        g.programme(), achievementId, act, reason, g.credits(), g.unit(), officerId, branchCode, at));
            }
        }
        return cascade;
    }

    /** Awards on the account, by their achievement id, and which of them are flagged for review. */
    private final Map<String, QualificationAwarded> awards = new LinkedHashMap<>();
    private final Set<String> flagged = new HashSet<>();

    /**
     * The learner's credits toward a programme, in its unit: each source of a standing grant into it (an exemption a
     * line of its own), and each certified achievement of the learner's in the unit recorded within the institution's
     * jurisdiction ({@code lineage}: a branch's codes from the centre down; earned at the institution: its course is
     * the issuer's own id), awards excepted.
     */
    public List<CreditLine> lines(String institution, String programme, String unit, AchievementBook achievements,
                                  Function<String, List<String>> lineage) {
        List<CreditLine> lines = new ArrayList<>();
        for (ConversionGranted g : standing.values()) {
            if (g.institution().equals(institution) && g.programme().equals(programme)) {
                for (SourceGrant source : g.granted()) {
                    if (source.exemptions().isEmpty()) {
                        lines.add(new CreditLine(source.achievementId(), g.applicationId(), source.course(),
                                source.credits()));
                    } else {
                        source.exemptions().forEach(e -> lines.add(new CreditLine(source.achievementId(),
                                g.applicationId(), e.course(), e.credits())));
                    }
                }
            }
        }
        for (AchievementStanding a : achievements.standings()) {
            if (a.lifecycle() == AchievementStatus.CERTIFIED && unit.equals(a.creditUnit())
                    && !awards.containsKey(a.achievementId())
                    && lineage.apply(a.recordingBranch()).contains(institution)) {
                lines.add(new CreditLine(a.achievementId(), null, a.externalId(), a.credits()));
            }
        }
        // A course counts once, the first line for it (a course exempted twice, or passed and exempted).
        Set<String> seen = new HashSet<>();
        return lines.stream().filter(line -> line.course() == null || seen.add(line.course())).toList();
    }

    /** The standing award of this qualification on the account: recorded or certified, not rejected or revoked. */
    public Optional<QualificationAwarded> awardOf(String institution, String qualification,
                                                  AchievementBook achievements, String learnerNumber) {
        return awards.values().stream().filter(a -> a.institution().equals(institution)
                && a.qualification().equals(qualification) && standing(achievements, learnerNumber, a))
                .findFirst();
    }

    private static boolean standing(AchievementBook achievements, String learnerNumber, QualificationAwarded award) {
        AchievementStatus status = achievements.require(learnerNumber, award.achievementId()).lifecycle();
        return status == AchievementStatus.RECORDED || status == AchievementStatus.CERTIFIED;
    }

    /**
     * Every standing award that an act on an achievement leaves short of a threshold, flagged for review (once),
     * naming the act; the awards' qualifications as the catalogue defines them.
     */
    public List<QualificationFlaggedForReview> flagsAfter(String learnerNumber, String achievementId, String act,
                                                          String reason, AchievementBook achievements,
                                                          RecognitionCatalogue catalogue,
                                                          Function<String, List<String>> lineage, String officerId,
                                                          String branchCode, Instant at) {
        List<QualificationFlaggedForReview> flags = new ArrayList<>();
        for (QualificationAwarded award : awards.values()) {
            if (flagged.contains(award.achievementId()) || award.achievementId().equals(achievementId)
                    || !standing(achievements, learnerNumber, award)) {
                continue;
            }
            catalogue.qualification(award.institution(), award.qualification()).ifPresent(definition -> {
                QualificationProgress progress = QualificationProgress.of(definition.terms(), definition.unit(),
                        lines(award.institution(), definition.terms().programme(), definition.unit(),
                                achievements, lineage));
                if (!progress.met()) {
                    flags.add(new QualificationFlaggedForReview(learnerNumber, award.achievementId(),
                            award.institution(), award.qualification(), achievementId, act, reason, progress.unmet(),
                            officerId, branchCode, at));
                }
            });
        }
        return flags;
    }

    /** The hours conversions on the account, by achievement. */
    private final Map<String, HoursConverted> hoursConverted = new LinkedHashMap<>();

    /**
     * The conversion of a certified achievement's hours by the rule in force: the credits they make, within what the
     * yearly cap leaves of this year's (conversions of achievements since revoked no longer count).
     */
    public HoursConverted convertHours(String learnerNumber, AchievementStanding source, HoursRuleVersion rule,
                                       LocalDate on, AchievementBook achievements, String officerId,
                                       String branchCode, Instant at) {
        HoursTerms terms = rule.terms();
        BigDecimal credits = terms.creditsFor(source.credits());
        BigDecimal used = hoursConverted.values().stream()
                .filter(c -> c.convertedOn().getYear() == on.getYear())
                .filter(c -> achievements.require(learnerNumber, c.achievementId()).lifecycle()
                        == AchievementStatus.CERTIFIED)
                .map(HoursConverted::deposited).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal deposited = credits.min(terms.yearlyCap().subtract(used).max(BigDecimal.ZERO));
        return new HoursConverted(learnerNumber, source.achievementId(), rule.ruleId(), rule.version(),
                source.credits(), terms.hoursPerCredit(), terms.scale(), terms.rounding(), credits, deposited,
                terms.yearlyCap(), on, officerId, branchCode, at);
    }

    /** Whether the achievement's hours were converted at its certification. */
    public boolean hoursConverted(String achievementId) {
        return hoursConverted.containsKey(achievementId);
    }

    /** Evolves the book by an hours conversion. */
    public void on(HoursConverted event) {
        hoursConverted.put(event.achievementId(), event);
    }

    /** Evolves the book by an award event. */
    public void on(AwardEvent event) {
        if (event instanceof QualificationAwarded e) {
            awards.put(e.achievementId(), e);
        } else if (event instanceof QualificationFlaggedForReview e) {
            flagged.add(e.achievementId());
        }
    }

    /**
     * What this account, being merged into {@code survivor}, hands on: every application with what became of it,
     * every award and hours conversion. The survivor ({@link #carry}) decides the ids and what it holds.
     */
    public ConversionsCarried handOn(String mergedNumber, String survivor, String mergedBy, String branchCode,
                                     Instant at) {
        List<CarriedApplication> carried = new ArrayList<>();
        for (String id : made) {
            carried.add(new CarriedApplication(id, applications.get(id), grantedAll.get(id), refusals.get(id),
                    invalidations.get(id)));
        }
        return new ConversionsCarried(survivor, mergedNumber, carried, List.copyOf(awards.values()),
                flagged.stream().sorted().toList(), List.copyOf(hoursConverted.values()), mergedBy, branchCode, at);
    }

    /**
     * The conversions handed on by the account merged into this one, as this account takes them: each application
     * under its own id unless this account has one of that id (then under the merged account's number and the id),
     * and the awards and hours conversions of the achievements it took in (not those it superseded).
     */
    public ConversionsCarried carry(ConversionsCarried handed, AchievementBook achievements) {
        String mergedNumber = handed.mergedNumber();
        Set<String> ids = new HashSet<>(applications.keySet());
        List<CarriedApplication> carried = new ArrayList<>();
        for (CarriedApplication a : handed.applications()) {
            String id = a.applicationId();
            if (!ids.add(id)) {
                String base = (mergedNumber + "-" + id);
                base = base.substring(0, Math.min(base.length(), 60));
                id = base;
                for (int n = 2; !ids.add(id); n++) {
                    id = base + "-" + n;
                }
            }
            carried.add(new CarriedApplication(id, a.applied(), a.granted(), a.refused(), a.invalidated()));
        }
        List<QualificationAwarded> awardsHeld = handed.awards().stream()
                .filter(award -> achievements.holds(award.achievementId())).toList();
        List<String> flaggedHeld = handed.flaggedAwards().stream().filter(achievements::holds).toList();
        List<HoursConverted> hoursHeld = handed.hours().stream()
                .filter(hours -> achievements.holds(hours.achievementId())).toList();
        return new ConversionsCarried(handed.learnerNumber(), mergedNumber, carried, awardsHeld, flaggedHeld,
                hoursHeld, handed.carriedBy(), handed.branchCode(), handed.at());
    }

    /**
     * The carried grants that cannot stand on this account, weighed before they are taken in, in the order they were
     * granted: one whose source this account holds its own copy of (superseded by the merge), one with a course that
     * already counts toward the programme here, one that would carry the programme over a cap. Each invalidated with
     * cause {@code MERGED}, naming the source and why.
     */
    public List<ConversionInvalidated> mergeConflicts(ConversionsCarried carried, AchievementBook achievements,
                                                      RecognitionCatalogue catalogue,
                                                      Function<String, List<String>> lineage) {
        String survivor = carried.learnerNumber();
        Map<String, Set<String>> courses = new HashMap<>();
        Map<String, List<Grant>> before = new HashMap<>();
        List<ConversionInvalidated> conflicts = new ArrayList<>();
        List<CarriedApplication> standingCarried = carried.applications().stream().filter(CarriedApplication::standing)
                .sorted(Comparator.comparing(a -> a.granted().at())).toList();
        for (CarriedApplication a : standingCarried) {
            ConversionGranted g = a.grantedHere(survivor);
            String key = key(g.institution(), g.programme());
            Optional<ProgrammeTerms> terms = catalogue.programme(g.institution(), g.programme());
            Set<String> counting = courses.computeIfAbsent(key, k -> {
                Set<String> held = new HashSet<>();
                terms.ifPresent(t -> lines(g.institution(), g.programme(), t.unit(), achievements, lineage)
                        .forEach(line -> {
                            if (line.course() != null) {
                                held.add(line.course());
                            }
                        }));
                return held;
            });
            List<Grant> prior = before.computeIfAbsent(key, k -> new ArrayList<>(grants.getOrDefault(k, List.of())));
            String cause = g.granted().get(0).achievementId();
            String reason = null;
            List<String> grantedCourses = new ArrayList<>();
            for (SourceGrant source : g.granted()) {
                if (!source.exemptions().isEmpty()) {
                    source.exemptions().forEach(e -> grantedCourses.add(e.course()));
                } else if (source.course() != null) {
                    grantedCourses.add(source.course());
                }
                if (reason == null && !achievements.holds(source.achievementId())) {
                    cause = source.achievementId();
                    reason = "account " + carried.mergedNumber() + " was merged into " + survivor + ", which holds"
                            + " the same achievement: it counts toward programme " + g.programme() + " once, through"
                            + " the survivor's own";
                }
            }
            if (reason == null) {
                Optional<String> twice = grantedCourses.stream().filter(counting::contains).findFirst();
                if (twice.isPresent()) {
                    reason = "course " + twice.get() + " already counts toward programme " + g.programme()
                            + " on account " + survivor + ": a course counts once";
                }
            }
            if (reason == null && terms.isPresent()) {
                reason = overCap(terms.get(), g, prior);
            }
            if (reason != null) {
                conflicts.add(new ConversionInvalidated(survivor, a.applicationId(), g.institution(), g.programme(),
                        cause, "MERGED", reason, g.credits(), g.unit(), carried.carriedBy(), carried.branchCode(),
                        carried.at()));
            } else {
                counting.addAll(grantedCourses);
                int year = g.grantedOn().getYear();
                g.granted().forEach(source -> prior.add(new Grant(g.applicationId(), year, source.awardingBody(),
                        source.credits())));
            }
        }
        return conflicts;
    }

    /** Why a carried grant would carry its programme over a cap, given the grants into it that count; or null. */
    private static String overCap(ProgrammeTerms terms, ConversionGranted g, List<Grant> prior) {
        String over = " once the accounts are merged: the programme's cap is ";
        if (sum(prior, x -> true).add(g.credits()).compareTo(terms.transferCap()) > 0) {
            return "with it, programme " + g.programme() + " would hold more than its transfer cap" + over
                    + terms.transferCap().stripTrailingZeros().toPlainString() + " " + g.unit();
        }
        int year = g.grantedOn().getYear();
        if (terms.yearlyCap() != null && sum(prior, x -> x.year() == year).add(g.credits())
                .compareTo(terms.yearlyCap()) > 0) {
            return "with it, programme " + g.programme() + " would hold more than its cap for " + year + over
                    + terms.yearlyCap().stripTrailingZeros().toPlainString() + " " + g.unit();
        }
        if (terms.awardingBodyCap() != null) {
            Map<String, BigDecimal> byBody = new java.util.TreeMap<>();
            g.granted().forEach(source -> byBody.merge(String.valueOf(source.awardingBody()), source.credits(),
                    BigDecimal::add));
            for (Map.Entry<String, BigDecimal> body : byBody.entrySet()) {
                if (sum(prior, x -> body.getKey().equals(String.valueOf(x.awardingBody()))).add(body.getValue())
                        .compareTo(terms.awardingBodyCap()) > 0) {
                    return "with it, programme " + g.programme() + " would hold more than its cap from awarding body "
                            + body.getKey() + over + terms.awardingBodyCap().stripTrailingZeros().toPlainString()
                            + " " + g.unit();
                }
            }
        }
        return null;
    }

    /** Evolves the book by the conversions carried from a merged account: as if each had happened here. */
    public void on(ConversionsCarried event) {
        String survivor = event.learnerNumber();
        for (CarriedApplication a : event.applications()) {
            on(a.appliedHere(survivor));
            ConversionGranted granted = a.grantedHere(survivor);
            if (granted != null) {
                on(granted);
            }
            if (a.refused() != null) {
                ConversionRefused r = a.refused();
                on(new ConversionRefused(survivor, a.applicationId(), r.institution(), r.programme(), r.reason(),
                        r.decidedBy(), r.branchCode(), r.at()));
            }
            if (a.invalidated() != null) {
                ConversionInvalidated i = a.invalidated();
                on(new ConversionInvalidated(survivor, a.applicationId(), i.institution(), i.programme(),
                        i.causeAchievementId(), i.causeAct(), i.causeReason(), i.credits(), i.unit(),
                        i.invalidatedBy(), i.branchCode(), i.at()));
            }
        }
        event.awards().forEach(award -> awards.put(award.achievementId(), award));
        flagged.addAll(event.flaggedAwards());
        event.hours().forEach(hours -> hoursConverted.put(hours.achievementId(), hours));
    }

    private static String key(String institution, String programme) {
        return institution + ":" + programme;
    }
}
