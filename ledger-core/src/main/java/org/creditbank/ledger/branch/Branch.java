package org.creditbank.ledger.branch;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.creditbank.ledger.branch.BranchCommands.AppointOfficer;
import org.creditbank.ledger.branch.BranchCommands.BindOfficer;
import org.creditbank.ledger.branch.BranchCommands.CloseBranch;
import org.creditbank.ledger.branch.BranchCommands.RegisterBranch;
import org.creditbank.ledger.branch.BranchCommands.ReinstateBranch;
import org.creditbank.ledger.branch.BranchCommands.RemoveOfficer;
import org.creditbank.ledger.branch.BranchCommands.SuspendBranch;
import org.creditbank.ledger.branch.BranchEvent.BranchClosed;
import org.creditbank.ledger.branch.BranchEvent.BranchRegistered;
import org.creditbank.ledger.branch.BranchEvent.BranchReinstated;
import org.creditbank.ledger.branch.BranchEvent.BranchSuspended;
import org.creditbank.ledger.branch.BranchEvent.OfficerAppointed;
import org.creditbank.ledger.branch.BranchEvent.OfficerRemoved;
import org.creditbank.ledger.branch.BranchEvent.OfficerSubjectBound;
import org.creditbank.ledger.branch.BranchRefusals.BranchAlreadyRegistered;
import org.creditbank.ledger.branch.BranchRefusals.BranchClosedForGood;
import org.creditbank.ledger.branch.BranchRefusals.DivisionOutsideParent;
import org.creditbank.ledger.branch.BranchRefusals.InstallationAlreadyDone;
import org.creditbank.ledger.branch.BranchRefusals.LastOfficerOfCentre;
import org.creditbank.ledger.branch.BranchRefusals.OfficerAlreadyAppointed;
import org.creditbank.ledger.branch.BranchRefusals.OfficerNotAppointed;
import org.creditbank.ledger.branch.BranchRefusals.ParentNotActive;
import org.creditbank.ledger.branch.BranchRefusals.ProvincialCentreAlreadyRegistered;
import org.creditbank.ledger.branch.BranchRefusals.OfficerBoundToAnotherSubject;
import org.creditbank.ledger.branch.BranchRefusals.StatusChangeNotPermitted;
import org.creditbank.ledger.branch.BranchRefusals.SubjectBoundToAnotherOfficer;
import org.creditbank.ledger.branch.BranchRefusals.SystemClientOfOneBranch;
import org.creditbank.ledger.branch.BranchRefusals.TierNotPermittedUnderParent;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A branch of the network: its place in the tree, its officers and its status. Who may act on it is decided by
 * {@link Jurisdiction}: a branch is administered from above (its parent or any ancestor), and so are its officers
 * appointed and removed — a branch never appoints its own, or an officer could appoint an alias and review their own
 * work. The provincial centre, having nothing above it, appoints its own.
 */
public class Branch {

    @AggregateIdentifier
    private String code;
    private BranchTier tier;
    private String parentCode;
    private BranchStatus status;
    private final Set<String> officers = new HashSet<>();

    /** For event sourcing. */
    protected Branch() {
    }

    @CommandHandler
    public Branch(RegisterBranch command, Jurisdiction jurisdiction, Clock clock) {
        BranchDirectory directory = jurisdiction.directory();
        String code = command.code().value();
        if (directory.find(code).isPresent()) {
            throw new BranchAlreadyRegistered(code);
        }
        String actingBranch;
        if (command.tier() == BranchTier.PROVINCIAL_CENTRE) {
            if (command.parent() != null) {
                throw new TierNotPermittedUnderParent(command.tier());
            }
            if (directory.hasProvincialCentre()) {
                throw new ProvincialCentreAlreadyRegistered();
            }
            if (!command.actor().isInstallation()) {
                jurisdiction.actingBranch(command.actor(), BranchRole.ADMINISTRATOR);
            }
            requireDivisionLevel(command);
            actingBranch = command.actor().branchCode();
        } else {
            if (command.parent() == null) {
                throw new TierNotPermittedUnderParent(command.tier());
            }
            BranchProfile parent = directory.find(command.parent().value())
                    .orElseThrow(() -> new UnknownBranch("parentCode", command.parent().value()));
            if (!command.tier().permittedParents().contains(parent.tier())) {
                throw new TierNotPermittedUnderParent(command.tier(), parent);
            }
            if (!parent.isActive()) {
                throw new ParentNotActive(parent);
            }
            if (command.actor().isInstallation()) {
                throw new InstallationAlreadyDone();
            }
            actingBranch = jurisdiction.requireCovers(command.actor(), BranchRole.ADMINISTRATOR, parent).code();
            requireDivisionWithin(command, parent);
        }
        apply(new BranchRegistered(code, command.name(), command.tier().name(),
                command.parent() == null ? null : command.parent().value(), command.division().value(),
                command.actor().officerId(), actingBranch, clock.instant()));
    }

    @CommandHandler
    public void handle(AppointOfficer command, Jurisdiction jurisdiction, Clock clock) {
        requireNotClosed();
        String officerId = command.officer().value();
        if (officers.contains(officerId)) {
            throw new OfficerAlreadyAppointed(officerId, code);
        }
        if (command.actor().isInstallation()) {
            if (tier != BranchTier.PROVINCIAL_CENTRE || !officers.isEmpty()) {
                throw new InstallationAlreadyDone();
            }
        } else {
            jurisdiction.requireCovers(command.actor(), BranchRole.ADMINISTRATOR, administeringBranch());
        }
        requireOnePersonOneOfficer(jurisdiction.directory(), officerId, command.subject().value());
        List<String> elsewhere = jurisdiction.directory().branchesOf(officerId);
        if ((command.system() || jurisdiction.directory().isSystemClient(officerId)) && !elsewhere.isEmpty()) {
            throw new SystemClientOfOneBranch(officerId, elsewhere);
        }
        if (!command.actor().isInstallation() && jurisdiction.directory().subjectOf(officerId).isEmpty()) {
            // Binding a sign-in to an officer id already serving elsewhere is binding it everywhere.
            requireAdministersEverywhere(jurisdiction, command.actor(), officerId, code);
        }
        apply(new OfficerAppointed(code, officerId, command.name(), command.actor().officerId(),
                command.actor().branchCode(), clock.instant(), command.subject().value(),
                command.roles().stream().map(BranchRole::name).sorted().toList(), command.system()));
    }

    @CommandHandler
    public void handle(BindOfficer command, Jurisdiction jurisdiction, Clock clock) {
        requireNotClosed();
        String officerId = command.officer().value();
        String subject = command.subject().value();
        if (!officers.contains(officerId)) {
            throw new OfficerNotAppointed(officerId, code);
        }
        String acting;
        if (command.actor().isInstallation()) {
            requireUnboundCentre(jurisdiction.directory());
            acting = command.actor().branchCode();
        } else {
            acting = requireAdministersEverywhere(jurisdiction, command.actor(), officerId, code);
        }
        jurisdiction.directory().officerBoundTo(subject).filter(bound -> !bound.equals(officerId)).ifPresent(bound -> {
            throw new SubjectBoundToAnotherOfficer(subject, bound);
        });
        if (!jurisdiction.directory().subjectOf(officerId).filter(subject::equals).isPresent()) {
            apply(new OfficerSubjectBound(code, officerId, subject, command.actor().officerId(), acting,
                    clock.instant()));
        }
    }

    @CommandHandler
    public void handle(RemoveOfficer command, Jurisdiction jurisdiction, Clock clock) {
        String officerId = command.officer().value();
        jurisdiction.requireCovers(command.actor(), BranchRole.ADMINISTRATOR, administeringBranch());
        if (!officers.contains(officerId)) {
            throw new OfficerNotAppointed(officerId, code);
        }
        if (tier == BranchTier.PROVINCIAL_CENTRE && officers.size() == 1) {
            throw new LastOfficerOfCentre(officerId);
        }
        apply(new OfficerRemoved(code, officerId, command.reason(), command.actor().officerId(),
                command.actor().branchCode(), clock.instant()));
    }

    @CommandHandler
    public void handle(SuspendBranch command, Jurisdiction jurisdiction, Clock clock) {
        requireNotClosed();
        if (status != BranchStatus.ACTIVE) {
            throw new StatusChangeNotPermitted("branch " + code + " is already suspended");
        }
        String acting = requireAdministeredFromAbove(command.actor(), jurisdiction, "suspended");
        apply(new BranchSuspended(code, command.reason(), command.actor().officerId(), acting, clock.instant()));
    }

    @CommandHandler
    public void handle(ReinstateBranch command, Jurisdiction jurisdiction, Clock clock) {
        requireNotClosed();
        if (status != BranchStatus.SUSPENDED) {
            throw new StatusChangeNotPermitted("branch " + code + " is not suspended");
        }
        String acting = requireAdministeredFromAbove(command.actor(), jurisdiction, "reinstated");
        apply(new BranchReinstated(code, command.reason(), command.actor().officerId(), acting, clock.instant()));
    }

    @CommandHandler
    public void handle(CloseBranch command, Jurisdiction jurisdiction, Clock clock) {
        requireNotClosed();
        String acting = requireAdministeredFromAbove(command.actor(), jurisdiction, "closed");
        int openChildren = jurisdiction.directory().openChildren(code);
        if (openChildren > 0) {
            throw new StatusChangeNotPermitted("branch " + code + " still has " + openChildren
                    + " branch(es) under it that are not closed");
        }
        apply(new BranchClosed(code, command.reason(), command.actor().officerId(), acting, clock.instant()));
    }

    @EventSourcingHandler
    void on(BranchRegistered event) {
        code = event.branchCode();
        tier = BranchTier.valueOf(event.tier());
        parentCode = event.parentCode();
        status = BranchStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(OfficerAppointed event) {
        officers.add(event.officerId());
    }

    @EventSourcingHandler
    void on(OfficerRemoved event) {
        officers.remove(event.officerId());
    }

    @EventSourcingHandler
    void on(BranchSuspended event) {
        status = BranchStatus.SUSPENDED;
    }

    @EventSourcingHandler
    void on(BranchReinstated event) {
        status = BranchStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(BranchClosed event) {
        status = BranchStatus.CLOSED;
    }

    /** The branch whose jurisdiction administers this one's officers: its parent, or itself for the centre. */
    private String administeringBranch() {
        return parentCode == null ? code : parentCode;
    }

    private void requireNotClosed() {
        if (status == BranchStatus.CLOSED) {
            throw new BranchClosedForGood(code);
        }
    }

    /** A branch's status is changed only from above it: the provincial centre, having nothing above, is not. */
    private String requireAdministeredFromAbove(ActingOfficer actor, Jurisdiction jurisdiction, String change) {
        if (parentCode == null) {
            throw new StatusChangeNotPermitted("the provincial centre cannot be " + change);
        }
        return jurisdiction.requireCovers(actor, BranchRole.ADMINISTRATOR, parentCode).code();
    }

    /**
     * An officer's sign-in is theirs at every branch they serve, so whoever binds it administers every one of them
     * (from above, as appointments are made): a branch administrator cannot take over an officer of a branch above.
     * Answers the branch the actor acts for.
     */
    private static String requireAdministersEverywhere(Jurisdiction jurisdiction, ActingOfficer actor,
                                                       String officerId, String here) {
        String acting = jurisdiction.actingBranch(actor, BranchRole.ADMINISTRATOR).code();
        Set<String> served = new TreeSet<>(jurisdiction.directory().branchesOf(officerId));
        served.add(here);
        for (String code : served) {
            BranchProfile branch = jurisdiction.branch(code);
            jurisdiction.requireCovers(actor, BranchRole.ADMINISTRATOR,
                    branch.parentCode() == null ? branch : jurisdiction.branch(branch.parentCode()));
        }
        return acting;
    }

    /**
     * A store whose officers were appointed before sign-ins were bound has nobody who can act: an operator binds the
     * first officer of the provincial centre, once, while none of its officers is bound.
     */
    private void requireUnboundCentre(BranchDirectory directory) {
        if (tier != BranchTier.PROVINCIAL_CENTRE
                || officers.stream().anyMatch(officer -> directory.subjectOf(officer).isPresent())) {
            throw new InstallationAlreadyDone();
        }
    }

    /** A subject signs in as one officer id, and an officer id is one person's, across every branch. */
    private static void requireOnePersonOneOfficer(BranchDirectory directory, String officerId, String subject) {
        directory.officerBoundTo(subject).filter(bound -> !bound.equals(officerId)).ifPresent(bound -> {
            throw new SubjectBoundToAnotherOfficer(subject, bound);
        });
        directory.subjectOf(officerId).filter(bound -> !bound.equals(subject)).ifPresent(bound -> {
            throw new OfficerBoundToAnotherSubject(officerId);
        });
    }

    private static void requireDivisionLevel(RegisterBranch command) {
        int required = command.tier().divisionLevel();
        if (required != 0 && command.division().level() != required) {
            throw new DivisionOutsideParent(BranchRefusals.withArticle(BranchRefusals.label(command.tier())) + " needs a "
                    + List.of("province", "city", "county").get(required - 1) + "-level division code, got "
                    + command.division());
        }
    }

    private static void requireDivisionWithin(RegisterBranch command, BranchProfile parent) {
        requireDivisionLevel(command);
        DivisionCode parentDivision = new DivisionCode(parent.divisionCode());
        if (!parentDivision.contains(command.division())) {
            throw new DivisionOutsideParent("division " + command.division() + " is not within division "
                    + parentDivision + " of parent branch " + parent.code());
        }
    }
}
