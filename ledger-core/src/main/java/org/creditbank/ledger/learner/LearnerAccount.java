package org.creditbank.ledger.learner;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.creditbank.ledger.achievement.AchievementBook;
import org.creditbank.ledger.achievement.AchievementCommands.CertifyAchievement;
import org.creditbank.ledger.achievement.AchievementCommands.CorrectAchievement;
import org.creditbank.ledger.achievement.AchievementCommands.RecordAchievement;
import org.creditbank.ledger.achievement.AchievementCommands.RecordingOutcome;
import org.creditbank.ledger.achievement.AchievementCommands.RejectAchievement;
import org.creditbank.ledger.achievement.AchievementCommands.RevokeAchievement;
import org.creditbank.ledger.achievement.AchievementDetails;
import org.creditbank.ledger.achievement.AchievementKind;
import org.creditbank.ledger.achievement.AchievementEvent;
import org.creditbank.ledger.achievement.AchievementEvent.AchievementCertified;
import org.creditbank.ledger.achievement.AchievementEvent.AchievementCorrected;
import org.creditbank.ledger.achievement.AchievementEvent.AchievementRecorded;
import org.creditbank.ledger.achievement.AchievementEvent.AchievementRejected;
import org.creditbank.ledger.achievement.AchievementEvent.AchievementRevoked;
import org.creditbank.ledger.achievement.AchievementEvent.CorrectedFields;
import org.creditbank.ledger.achievement.AchievementRefusals.CertificateHeldByAnotherLearner;
import org.creditbank.ledger.achievement.AchievementRefusals.CertifierIsRecorder;
import org.creditbank.ledger.achievement.AchievementRefusals.ReviewByAnotherOfficer;
import org.creditbank.ledger.achievement.AchievementStanding;
import org.creditbank.ledger.achievement.CertificateRegister;
import org.creditbank.ledger.achievement.CertificateRegister.RefusedClaim;
import org.creditbank.ledger.achievement.CertificateSerial;
import org.creditbank.ledger.branch.ActingOfficer;
import org.creditbank.ledger.branch.BranchProfile;
import org.creditbank.ledger.branch.BranchRole;
import org.creditbank.ledger.branch.Jurisdiction;
import org.creditbank.ledger.access.Subject;
import org.creditbank.ledger.learner.AccountCommands.BindSignIn;
import org.creditbank.ledger.learner.AccountCommands.CloseAccount;
import org.creditbank.ledger.learner.AccountCommands.UpdateContactDetails;
import org.creditbank.ledger.learner.AccountEvent.AccountClosed;
import org.creditbank.ledger.learner.AccountEvent.AccountMergedInto;
import org.creditbank.ledger.learner.AccountEvent.AccountOpened;
import org.creditbank.ledger.learner.AccountEvent.ContactDetailsUpdated;
import org.creditbank.ledger.learner.AccountEvent.MergedAccountAbsorbed;
import org.creditbank.ledger.learner.AccountEvent.SignInBound;
import org.creditbank.ledger.learner.AccountRefusals.AccountIsClosed;
import org.creditbank.ledger.learner.AccountRefusals.AccountWasMerged;
import org.creditbank.ledger.learner.AccountRefusals.NotThisLearner;
import org.creditbank.ledger.learner.AccountRefusals.SignInBoundToAnotherAccount;
import org.creditbank.ledger.learner.AccountRefusals.SignInOfAnOfficer;
import org.creditbank.ledger.conversion.AwardEvent;
import org.creditbank.ledger.conversion.AwardEvent.QualificationAwarded;
import org.creditbank.ledger.conversion.ConversionBook;
import org.creditbank.ledger.group.PointsMerged;
import org.creditbank.ledger.conversion.ConversionEvent.ConversionInvalidated;
import org.creditbank.ledger.conversion.ConversionsCarried;
import org.creditbank.ledger.conversion.ConversionCommands.AwardQualification;
import org.creditbank.ledger.conversion.ConversionRefusals.AlreadyAwarded;
import org.creditbank.ledger.conversion.ConversionRefusals.HoursConvertedAlready;
import org.creditbank.ledger.conversion.HoursConverted;
import org.creditbank.ledger.conversion.ConversionRefusals.ThresholdsNotMet;
import org.creditbank.ledger.conversion.ConversionRefusals.UnknownQualification;
import org.creditbank.ledger.conversion.QualificationDefinition;
import org.creditbank.ledger.conversion.QualificationProgress;
import org.creditbank.ledger.conversion.QualificationTerms;
import org.creditbank.ledger.group.PointsEarned;
import org.creditbank.ledger.group.PointsLedger;
import org.creditbank.ledger.conversion.ConversionCalendar;
import org.creditbank.ledger.conversion.ConversionCommands.ApplyForConversion;
import org.creditbank.ledger.conversion.ConversionCommands.DecideConversion;
import org.creditbank.ledger.conversion.ConversionEvent;
import org.creditbank.ledger.conversion.ConversionEvent.ConversionApplied;
import org.creditbank.ledger.conversion.ConversionRefusals.NotTheReceivingInstitution;
import org.creditbank.ledger.conversion.RecognitionCatalogue;
import org.creditbank.ledger.rule.InvalidField;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One person's lifelong learning account and every achievement on it: one event stream per learner, so a learner's
 * history is totally ordered and every rule about it is decided in one place.
 *
 * <p>Any active branch serves any learner (like a bank branch): it opens accounts, changes contact details and
 * records achievements. Closing and merging accounts are confined to the jurisdiction of the branch that opened
 * them. An achievement is decided, corrected or revoked only within the recording branch's jurisdiction: by it or a
 * branch above it.
 */
public class LearnerAccount {

    @AggregateIdentifier
    private String learnerNumber;
    private AccountStatus status;
    private String openingBranch;
    private String survivor;
    private String signIn;
    private final AchievementBook book = new AchievementBook();
    private final ConversionBook conversions = new ConversionBook();

    /** Who updated contact details when the learner did it themselves ({@code updatedBy} of the event). */
    public static final String LEARNER_SELF = "learner";
    /** The unit of hours of learning, and the bank's standard credit they convert into. */
    private static final String HOURS = "HOURS";
    private static final String STANDARD_CREDIT = "BANK_CREDIT";

    /** The account's lifecycle. */
    enum AccountStatus { OPEN, CLOSED, MERGED }

    /** For event sourcing. */
    protected LearnerAccount() {
    }

    LearnerAccount(LearnerNumber number, String identityHash, Sealed person, Subject signIn, ActingOfficer actor,
                   Instant at) {
        apply(new AccountOpened(number.value(), identityHash, person, actor.officerId(), actor.branchCode(), at));
        if (signIn != null) {
            apply(new SignInBound(number.value(), signIn.value(), actor.officerId(), actor.branchCode(), at));
        }
    }

    /**
     * Binding a sign-in opens the account's personal data to whoever signs in with it, so it is confined, like
     * closing and merging, to the jurisdiction of the branch that opened the account.
     */
    @CommandHandler
    public void handle(BindSignIn command, Jurisdiction jurisdiction, IdentityRegister identities, Clock clock) {
        requireOpen();
        BranchProfile branch = jurisdiction.requireCovers(command.actor(), BranchRole.OFFICER, openingBranch);
        String subject = command.subject().value();
        requireLearnersOwnSignIn(subject, jurisdiction, identities, learnerNumber);
        if (!subject.equals(signIn)) {
            apply(new SignInBound(learnerNumber, subject, command.actor().officerId(), branch.code(),
                    clock.instant()));
        }
    }

    /**
     * Contact details are kept by the learner themselves, or by an officer within the jurisdiction of the branch that
     * opened the account (who may read them anyway).
     */
    @CommandHandler
    public void handle(UpdateContactDetails command, Jurisdiction jurisdiction, PersonalDataVault vault,
                       Clock clock) {
        requireOpen();
        Sealed contact = vault.sealContact(learnerNumber, command.contact());
        if (command.learnerSelf() != null) {
            if (!command.learnerSelf().value().equals(signIn)) {
                throw new NotThisLearner(learnerNumber);
            }
            apply(new ContactDetailsUpdated(learnerNumber, contact, LEARNER_SELF, null, clock.instant()));
            return;
        }
        BranchProfile branch = jurisdiction.requireCovers(command.actor(), BranchRole.OFFICER, openingBranch);
        apply(new ContactDetailsUpdated(learnerNumber, contact, command.actor().officerId(), branch.code(),
                clock.instant()));
    }

    @CommandHandler
    public void handle(CloseAccount command, Jurisdiction jurisdiction, Clock clock) {
        requireOpen();
        jurisdiction.requireCovers(command.actor(), BranchRole.OFFICER, openingBranch);
        apply(new AccountClosed(learnerNumber, command.reason(), command.actor().officerId(),
                command.actor().branchCode(), clock.instant()));
    }

    /** This account turns out to be the same person's as {@code survivorNumber}: it forwards there from now on. */
    List<AchievementStanding> mergeInto(String survivorNumber, String reason, ActingOfficer actor,
                                        Jurisdiction jurisdiction, Instant at) {
        requireOpen();
        jurisdiction.requireCovers(actor, BranchRole.OFFICER, openingBranch);
        apply(new AccountMergedInto(learnerNumber, survivorNumber, reason, actor.officerId(), actor.branchCode(), at));
        return book.standings();
    }

    /**
     * The learner of a merged account signs in to the survivor from now on, unless the survivor has a sign-in of its
     * own: a merge never strands a learner outside their own record.
     */
    void inheritSignIn(String mergedSignIn, ActingOfficer actor, Instant at) {
        if (mergedSignIn != null && signIn == null) {
            apply(new SignInBound(learnerNumber, mergedSignIn, actor.officerId(), actor.branchCode(), at));
        }
    }

    /** The subject this account signs in with, or null. */
    String signIn() {
        return signIn;
    }

    /**
     * A sign-in subject is one learner's, and never an officer's: an officer bound to an account would read and act
     * as that learner, outside their office.
     */
    static void requireLearnersOwnSignIn(String subject, Jurisdiction jurisdiction, IdentityRegister identities,
                                         String learnerNumber) {
        identities.accountSignedInBy(subject).filter(bound -> !bound.equals(learnerNumber)).ifPresent(bound -> {
            throw new SignInBoundToAnotherAccount(subject, bound);
        });
        jurisdiction.directory().officerBoundTo(subject).ifPresent(officer -> {
            throw new SignInOfAnOfficer(subject, officer);
        });
    }

    /** Takes in the learning points of the account merged into this one: its whole balance at the merge. */
    void takePoints(String mergedNumber, BigDecimal points, ActingOfficer actor, Instant at) {
        if (points.signum() > 0) {
            apply(new PointsMerged(learnerNumber, mergedNumber, points, actor.officerId(), actor.branchCode(), at));
        }
    }

    /** What this account, merged into {@code survivorNumber}, hands on of its conversions. */
    ConversionsCarried conversionsToHandOn(String survivorNumber, ActingOfficer actor, Instant at) {
        return conversions.handOn(learnerNumber, survivorNumber, actor.officerId(), actor.branchCode(), at);
    }

    /**
     * Takes in the history of an account of the same person: its achievements (superseding those this account holds
     * already), then its conversions, awards and hours conversions; a carried grant that cannot stand here is
     * invalidated at once, and an award it leaves short of a threshold flagged.
     */
    void absorb(String mergedNumber, List<AchievementStanding> carried, ConversionsCarried handed, String reason,
                ActingOfficer actor, Jurisdiction jurisdiction, RecognitionCatalogue catalogue, Instant at) {
        requireOpen();
        apply(new MergedAccountAbsorbed(learnerNumber, mergedNumber, reason, carried, book.duplicatesAmong(carried),
                actor.officerId(), actor.branchCode(), at));
        if (handed.isEmpty()) {
            return;
        }
        ConversionsCarried taken = conversions.carry(handed, book);
        List<ConversionInvalidated> conflicts = conversions.mergeConflicts(taken, book, catalogue,
                lineage(jurisdiction));
        apply(taken);
        conflicts.forEach(conflict -> apply(conflict));
        for (ConversionInvalidated conflict : conflicts) {
            conversions.flagsAfter(learnerNumber, conflict.causeAchievementId(), "MERGED", conflict.causeReason(),
                    book, catalogue, lineage(jurisdiction), actor.officerId(), actor.branchCode(), at)
                    .forEach(event -> apply(event));
        }
    }

    @CommandHandler
    public RecordingOutcome handle(RecordAchievement command, Jurisdiction jurisdiction,
                                   CertificateRegister certificates, Clock clock,
                                   @MetaDataValue(ActTime.RECORDED_AT) String recordedAt) {
        requireOpen();
        BranchProfile branch = jurisdiction.actingBranch(command.actor(), BranchRole.OFFICER);
        AchievementDetails details = command.details();
        if (book.holds(command.achievementId())) {
            // The same achievement again (an import run anew): answered as the first time, nothing written.
            return new RecordingOutcome(command.achievementId(), true);
        }
        Optional<String> earlier = book.recordedUnder(details.externalReference());
        if (earlier.isPresent()) {
            return new RecordingOutcome(earlier.get(), true);
        }
        Instant now = ActTime.of(clock, recordedAt);
        requireNotInFuture(details.achievedOn(), now);
        String serial = details.certificateSerial();
        String issuer = details.externalReference().issuer();
        if (serial != null) {
            book.requireCertificateNotOnAccount(issuer, serial);
            Optional<String> holder = certificates.holderOf(CertificateSerial.key(issuer, serial))
                    .filter(h -> !h.equals(learnerNumber));
            if (holder.isPresent()) {
                certificates.flagRefusedClaim(new RefusedClaim(serial, learnerNumber, holder.get(),
                        command.actor().officerId(), branch.code(), details.externalReference().issuer(),
                        details.externalReference().id(), now));
                throw new CertificateHeldByAnotherLearner(serial);
            }
        }
        apply(recorded(command, branch, now));
        return new RecordingOutcome(command.achievementId(), false);
    }

    @CommandHandler
    /**
     * Certification deposits the achievement's credits; hours of a kind the network hours rule in force takes are
     * deposited as the standard credits they make, within the learner's yearly cap ({@link HoursConverted}).
     */
    public void handle(CertifyAchievement command, Jurisdiction jurisdiction, RecognitionCatalogue catalogue,
                       PointsLedger points, ConversionCalendar calendar, Clock clock,
                       @MetaDataValue(ActTime.RECORDED_AT) String recordedAt) {
        requireOpen();
        AchievementStanding standing = book.require(learnerNumber, command.achievementId());
        BranchProfile acting = jurisdiction.requireCovers(command.actor(), BranchRole.CERTIFIER,
                standing.recordingBranch());
        book.requireAwaitingDecision(standing, "certified");
        requireCertifierNotRecorder(standing, command.actor());
        Instant now = ActTime.of(clock, recordedAt);
        String officer = command.actor().officerId();
        HoursConverted converted = null;
        if (HOURS.equals(standing.creditUnit())) {
            LocalDate today = calendar.dateOf(now);
            converted = catalogue.hoursRuleInForce(standing.achievementKind(), today)
                    .map(rule -> conversions.convertHours(learnerNumber, standing, rule, today, book, officer,
                            acting.code(), now))
                    .orElse(null);
        }
        BigDecimal deposited = converted == null ? standing.credits() : converted.deposited();
        String unit = converted == null ? standing.creditUnit() : STANDARD_CREDIT;
        apply(new AchievementCertified(learnerNumber, standing.achievementId(), officer, acting.code(), deposited,
                unit, now));
        if (converted != null) {
            apply(converted);
        }
        if (STANDARD_CREDIT.equals(unit)) {
            // Non-academic learning earns learning points on the standard credits it deposited.
            points.pointsRuleInForce(standing.achievementKind(), calendar.dateOf(now))
                    .map(rule -> new PointsEarned(learnerNumber, standing.achievementId(), rule.ruleId(),
                            rule.version(), deposited, rule.terms().pointsFor(deposited), now))
                    .filter(earned -> earned.points().signum() > 0)
                    .ifPresent(earned -> apply(earned));
        }
    }

    @CommandHandler
    public void handle(RejectAchievement command, Jurisdiction jurisdiction, Clock clock,
                       @MetaDataValue(ActTime.RECORDED_AT) String recordedAt) {
        requireOpen();
        AchievementStanding standing = book.require(learnerNumber, command.achievementId());
        BranchProfile acting = jurisdiction.requireCovers(command.actor(), BranchRole.CERTIFIER,
                standing.recordingBranch());
        book.requireAwaitingDecision(standing, "rejected");
        apply(new AchievementRejected(learnerNumber, standing.achievementId(), command.reason(),
                command.actor().officerId(), acting.code(), ActTime.of(clock, recordedAt)));
    }

    @CommandHandler
    public void handle(CorrectAchievement command, Jurisdiction jurisdiction, RecognitionCatalogue catalogue,
                       Clock clock) {
        requireOpen();
        AchievementStanding standing = book.require(learnerNumber, command.achievementId());
        BranchProfile acting = jurisdiction.requireCovers(command.actor(), BranchRole.OFFICER,
                standing.recordingBranch());
        book.requireCorrectable(standing);
        requireSecondOfficer(standing, command.actor(), "correct");
        if (command.correction().credits() != null && conversions.hoursConverted(standing.achievementId())) {
            throw new HoursConvertedAlready(standing.achievementId());
        }
        if (command.correction().achievedOn() != null) {
            requireNotInFuture(command.correction().achievedOn(), clock.instant());
        }
        if (command.correction().vocationalLevel() != null
                && standing.achievementKind() != AchievementKind.VOCATIONAL_CERTIFICATE) {
            throw new InvalidField("vocationalLevel", "applies only to a vocational certificate");
        }
        Instant now = clock.instant();
        apply(new AchievementCorrected(learnerNumber, standing.achievementId(), command.reason(),
                CorrectedFields.of(command.correction()), command.actor().officerId(), acting.code(), now));
        conversions.invalidatedBy(learnerNumber, standing.achievementId(), "CORRECTED", command.reason(),
                command.actor().officerId(), acting.code(), now).forEach(event -> apply(event));
        conversions.flagsAfter(learnerNumber, standing.achievementId(), "CORRECTED", command.reason(), book,
                catalogue, lineage(jurisdiction), command.actor().officerId(), acting.code(), now)
                .forEach(event -> apply(event));
    }

    @CommandHandler
    public void handle(RevokeAchievement command, Jurisdiction jurisdiction, RecognitionCatalogue catalogue,
                       Clock clock, @MetaDataValue(ActTime.RECORDED_AT) String recordedAt) {
        requireOpen();
        AchievementStanding standing = book.require(learnerNumber, command.achievementId());
        BranchProfile acting = jurisdiction.requireCovers(command.actor(), BranchRole.CERTIFIER,
                standing.recordingBranch());
        book.requireRevocable(standing);
        Instant now = ActTime.of(clock, recordedAt);
        apply(new AchievementRevoked(learnerNumber, standing.achievementId(), command.reason(),
                command.actor().officerId(), acting.code(), now));
        conversions.invalidatedBy(learnerNumber, standing.achievementId(), "REVOKED", command.reason(),
                command.actor().officerId(), acting.code(), now).forEach(event -> apply(event));
        conversions.flagsAfter(learnerNumber, standing.achievementId(), "REVOKED", command.reason(), book,
                catalogue, lineage(jurisdiction), command.actor().officerId(), acting.code(), now)
                .forEach(event -> apply(event));
    }

    /**
     * An application to convert achievements into credits of an institution's programme, by the learner or by an
     * officer of any active branch on their behalf; each source weighed against the programme's rules in force today.
     */
    @CommandHandler
    public void handle(ApplyForConversion command, Jurisdiction jurisdiction, RecognitionCatalogue catalogue,
                       ConversionCalendar calendar, Clock clock) {
        requireOpen();
        String appliedBy;
        String branchCode;
        if (command.learnerSelf() != null) {
            if (!command.learnerSelf().value().equals(signIn)) {
                throw new NotThisLearner(learnerNumber);
            }
            appliedBy = LEARNER_SELF;
            branchCode = null;
        } else {
            appliedBy = command.actor().officerId();
            branchCode = jurisdiction.actingBranch(command.actor(), BranchRole.OFFICER).code();
        }
        Instant now = clock.instant();
        apply(conversions.assess(learnerNumber, command, book, catalogue, lineage(jurisdiction), calendar.dateOf(now),
                appliedBy, branchCode, now));
    }

    /**
     * The decision on a conversion application, by a certifier of the receiving institution who did not apply for
     * it: a grant within the programme's caps, or a refusal.
     */
    @CommandHandler
    public void handle(DecideConversion command, Jurisdiction jurisdiction, RecognitionCatalogue catalogue,
                       ConversionCalendar calendar, Clock clock) {
        requireOpen();
        ConversionApplied application = conversions.require(learnerNumber, command.applicationId());
        BranchProfile acting = jurisdiction.actingBranch(command.actor(), BranchRole.CERTIFIER);
        if (!acting.code().equals(application.institution())) {
            throw new NotTheReceivingInstitution(acting.code(), application.institution());
        }
        apply(conversions.decide(learnerNumber, command, book, catalogue, lineage(jurisdiction), calendar,
                acting.code(), clock.instant()));
    }

    /**
     * The award of a qualification by a certifier of the institution that defined it, once the learner's credits toward
     * its programme meet every threshold: the award is an achievement of kind degree/diploma, recorded by the awarding
     * certifier and certified by another (four eyes, as for any degree) — it deposits no credits of its own: it is made
     * of credits already counted — and the event that ties it to the qualification and the credit lines it used.
     */
    @CommandHandler
    public void handle(AwardQualification command, Jurisdiction jurisdiction, RecognitionCatalogue catalogue,
                       ConversionCalendar calendar, Clock clock) {
        requireOpen();
        BranchProfile institution = jurisdiction.actingBranch(command.actor(), BranchRole.CERTIFIER);
        if (!institution.code().equals(command.institution().value())) {
            throw new NotTheReceivingInstitution(institution.code(), command.institution().value());
        }
        QualificationDefinition definition = catalogue.qualification(institution.code(), command.qualification())
                .orElseThrow(() -> new UnknownQualification(institution.code(), command.qualification()));
        conversions.awardOf(institution.code(), command.qualification(), book, learnerNumber).ifPresent(award -> {
            throw new AlreadyAwarded(command.qualification(), award.achievementId());
        });
        QualificationTerms terms = definition.terms();
        QualificationProgress progress = QualificationProgress.of(terms, definition.unit(),
                conversions.lines(institution.code(), terms.programme(), definition.unit(), book,
                        lineage(jurisdiction)));
        if (!progress.met()) {
            throw new ThresholdsNotMet(command.qualification(), progress.unmet());
        }
        Instant now = clock.instant();
        String officer = command.actor().officerId();
        apply(new AchievementRecorded(learnerNumber, command.achievementId(), AchievementKind.DEGREE_DIPLOMA.name(),
                terms.title(), institution.name(), institution.name(), calendar.dateOf(now),
                command.evidence().sha256(), command.evidence().mediaType(), command.evidence().location(),
                BigDecimal.ZERO, definition.unit(), null, null, null, null, institution.code(),
                "QUALIFICATION:" + command.qualification(), null, officer, institution.code(), now));
        apply(new QualificationAwarded(learnerNumber, command.achievementId(), institution.code(),
                command.qualification(), terms.programme(), progress.total(), definition.unit(), progress.lines(),
                officer, institution.code(), now));
    }

    @EventSourcingHandler
    void on(ConversionEvent event) {
        conversions.on(event);
    }

    @EventSourcingHandler
    void on(AwardEvent event) {
        conversions.on(event);
    }

    @EventSourcingHandler
    void on(HoursConverted event) {
        conversions.on(event);
    }

    @EventSourcingHandler
    void on(ConversionsCarried event) {
        conversions.on(event);
    }

    @EventSourcingHandler
    void on(AccountOpened event) {
        learnerNumber = event.learnerNumber();
        openingBranch = event.branchCode();
        status = AccountStatus.OPEN;
    }

    @EventSourcingHandler
    void on(SignInBound event) {
        signIn = event.subject();
    }

    @EventSourcingHandler
    void on(AccountMergedInto event) {
        status = AccountStatus.MERGED;
        survivor = event.survivorNumber();
    }

    @EventSourcingHandler
    void on(MergedAccountAbsorbed event) {
        book.absorb(event.carried(), event.superseded());
    }

    @EventSourcingHandler
    void on(AccountClosed event) {
        status = AccountStatus.CLOSED;
    }

    @EventSourcingHandler
    void on(AchievementEvent event) {
        book.on(event);
        if (event instanceof AchievementCorrected corrected) {
            conversions.corrected(corrected.achievementId(), corrected.at());
        }
    }

    void requireOpenForMerge(ActingOfficer actor, Jurisdiction jurisdiction) {
        requireOpen();
        jurisdiction.requireCovers(actor, BranchRole.OFFICER, openingBranch);
    }

    /** A branch's codes from the centre down to it, as the network stands. */
    private static java.util.function.Function<String, List<String>> lineage(Jurisdiction jurisdiction) {
        return code -> jurisdiction.directory().find(code).map(BranchProfile::lineage).orElse(List.of(code));
    }

    /** Where an achievement needs review, one officer does not both record it and certify or correct it. */
    /** Four eyes on every deposit: whoever recorded an achievement, of any kind, never certifies it. */
    private static void requireCertifierNotRecorder(AchievementStanding standing, ActingOfficer actor) {
        if (standing.recordedBy().equals(actor.officerId())) {
            throw new CertifierIsRecorder(standing.achievementId(), actor.officerId());
        }
    }

    private static void requireSecondOfficer(AchievementStanding standing, ActingOfficer actor, String act) {
        if (standing.achievementKind().needsReview() && standing.recordedBy().equals(actor.officerId())) {
            throw new ReviewByAnotherOfficer(standing.achievementId(), standing.achievementKind(), actor.officerId(),
                    act);
        }
    }

    /** Learning is not achieved in the future (a day's grace for time zones). */
    private static void requireNotInFuture(LocalDate achievedOn, Instant now) {
        if (achievedOn.isAfter(LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1))) {
            throw new InvalidField("achievedOn", "is in the future: " + achievedOn);
        }
    }

    private void requireOpen() {
        if (status == AccountStatus.CLOSED) {
            throw new AccountIsClosed(learnerNumber);
        }
        if (status == AccountStatus.MERGED) {
            throw new AccountWasMerged(learnerNumber, survivor);
        }
    }

    private AchievementRecorded recorded(RecordAchievement command, BranchProfile branch, Instant at) {
        AchievementDetails d = command.details();
        return new AchievementRecorded(learnerNumber, command.achievementId(), d.kind().name(), d.title(),
                d.awardingBody(), d.assessingBody(), d.achievedOn(), d.evidence().sha256(), d.evidence().mediaType(),
                d.evidence().location(), d.credits().amount(), d.credits().unit(), d.qualificationLevel(),
                d.vocationalLevel(), d.result() == null ? null : d.result().scheme(),
                d.result() == null ? null : d.result().value(), d.externalReference().issuer(),
                d.externalReference().id(), d.certificateSerial(), command.actor().officerId(), branch.code(), at);
    }
}
