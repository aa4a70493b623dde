package org.creditbank.ledger.group;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.creditbank.ledger.branch.ActingOfficer;
import org.creditbank.ledger.branch.BranchRole;
import org.creditbank.ledger.branch.Jurisdiction;
import org.creditbank.ledger.group.GroupCommands.AcceptInvitation;
import org.creditbank.ledger.group.GroupCommands.Actor;
import org.creditbank.ledger.group.GroupCommands.FormGroup;
import org.creditbank.ledger.group.GroupCommands.InviteMember;
import org.creditbank.ledger.group.GroupCommands.LeaveGroup;
import org.creditbank.ledger.group.GroupCommands.TransferPoints;
import org.creditbank.ledger.group.GroupEvent.GroupFormed;
import org.creditbank.ledger.group.GroupEvent.InvitationAccepted;
import org.creditbank.ledger.group.GroupEvent.MemberInvited;
import org.creditbank.ledger.group.GroupEvent.MemberLeft;
import org.creditbank.ledger.group.GroupEvent.MembershipMerged;
import org.creditbank.ledger.group.GroupEvent.PointsTransferred;
import org.creditbank.ledger.group.GroupRefusals.AlreadyInFamily;
import org.creditbank.ledger.group.GroupRefusals.AlreadyInvitedOrMember;
import org.creditbank.ledger.group.GroupRefusals.GroupAlreadyFormed;
import org.creditbank.ledger.group.GroupRefusals.InsufficientPoints;
import org.creditbank.ledger.group.GroupRefusals.NotFamily;
import org.creditbank.ledger.group.GroupRefusals.NotMember;
import org.creditbank.ledger.group.GroupRefusals.NotInvited;
import org.creditbank.ledger.group.GroupRefusals.NotToTheYounger;
import org.creditbank.ledger.group.GroupRefusals.TransferIdReused;
import org.creditbank.ledger.group.GroupRefusals.UnknownGroup;
import org.creditbank.ledger.learner.AccountRefusals.NotThisLearner;
import org.creditbank.ledger.learner.AccountRefusals.UnknownAccount;
import org.creditbank.ledger.learner.IdentityRegister;
import org.creditbank.ledger.learner.LearnerAccount;
import org.creditbank.ledger.learner.LearnerNumber;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A learning group — a family, a school class, an interest group — and, in a family, the learning points its
 * members give one another: one stream per group, so the transfers of a family are decided in one ordered place (two
 * racing transfers from one giver cannot both spend the same points). Members act for themselves, signed in, or an
 * officer acts on a member's behalf within the jurisdiction of the branch that opened the member's account.
 */
public class LearningGroup {

    private static final String FAMILY = "FAMILY";

    @AggregateIdentifier
    private String id;
    private String groupId;
    private String kind;
    private final Map<String, Integer> members = new HashMap<>();
    private final Map<String, Integer> invited = new HashMap<>();
    /** Each transfer made, by its id: its terms, so a repeated request is recognised. */
    private final Map<String, String> transfers = new HashMap<>();

    /** For event sourcing. */
    protected LearningGroup() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(FormGroup command, Jurisdiction jurisdiction, IdentityRegister identities, PointsLedger ledger,
                       Clock clock) {
        String branch = actingFor(command.actor(), command.founder(), jurisdiction, identities, ledger);
        if (id != null) {
            throw new GroupAlreadyFormed(command.group().value());
        }
        if (FAMILY.equals(command.kind())) {
            requireNoFamily(command.founder().value(), ledger);
        }
        apply(new GroupFormed(command.group().value(), command.kind(), command.name(), command.founder().value(),
                command.generation(), by(command.actor()), branch, clock.instant()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(InviteMember command, Jurisdiction jurisdiction, IdentityRegister identities,
                       PointsLedger ledger, Clock clock) {
        requireFormed(command.group());
        String branch = actingFor(command.actor(), command.invitedBy(), jurisdiction, identities, ledger);
        requireMember(command.invitedBy());
        String learner = command.learner().value();
        if (!ledger.hasAccount(learner)) {
            throw new UnknownAccount("learnerNumber", learner);
        }
        if (members.containsKey(learner) || invited.containsKey(learner)) {
            throw new AlreadyInvitedOrMember(groupId, learner);
        }
        apply(new MemberInvited(groupId, learner, GroupCommands.generation(kind, command.generation()),
                command.invitedBy().value(), by(command.actor()), branch, clock.instant()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(AcceptInvitation command, Jurisdiction jurisdiction, IdentityRegister identities,
                       PointsLedger ledger, Clock clock) {
        requireFormed(command.group());
        String branch = actingFor(command.actor(), command.learner(), jurisdiction, identities, ledger);
        String learner = command.learner().value();
        if (!invited.containsKey(learner)) {
            throw new NotInvited(groupId, learner);
        }
        if (FAMILY.equals(kind)) {
            requireNoFamily(learner, ledger);
        }
        apply(new InvitationAccepted(groupId, learner, by(command.actor()), branch, clock.instant()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(LeaveGroup command, Jurisdiction jurisdiction, IdentityRegister identities,
                       PointsLedger ledger, Clock clock) {
        requireFormed(command.group());
        String branch = actingFor(command.actor(), command.learner(), jurisdiction, identities, ledger);
        requireMember(command.learner());
        apply(new MemberLeft(groupId, command.learner().value(), by(command.actor()), branch, clock.instant()));
    }

    /**
     * A transfer of points from an elder member of the family to a younger one, within the giver's balance. The same
     * transfer id with the same terms is the same transfer: answered again, nothing written.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(TransferPoints command, Jurisdiction jurisdiction, IdentityRegister identities,
                       PointsLedger ledger, Clock clock) {
        requireFormed(command.group());
        String branch = actingFor(command.actor(), command.from(), jurisdiction, identities, ledger);
        String terms = terms(command.from().value(), command.to().value(), command.points());
        String earlier = transfers.get(command.transferId());
        if (earlier != null) {
            if (!earlier.equals(terms)) {
                throw new TransferIdReused(command.transferId());
            }
            return;
        }
        if (!FAMILY.equals(kind)) {
            throw new NotFamily(groupId, kind);
        }
        int giver = requireMember(command.from());
        int receiver = requireMember(command.to());
        if (!ledger.hasAccount(command.to().value())) {
            throw new UnknownAccount("to", command.to().value());
        }
        if (giver >= receiver) {
            throw new NotToTheYounger(command.from().value(), giver, command.to().value(), receiver);
        }
        BigDecimal balance = ledger.balanceOf(command.from().value());
        if (balance.compareTo(command.points()) < 0) {
            throw new InsufficientPoints(command.from().value(), balance, command.points());
        }
        apply(new PointsTransferred(groupId, command.transferId(), command.from().value(), command.to().value(),
                command.points(), by(command.actor()), branch, clock.instant()));
    }

    /**
     * A member's account, or an invited learner's, merged into the survivor's in the merge's own act: the survivor
     * takes its place, unless it is in the group already or (for a family member) in another family; then the merged
     * account's place ends, saying why. Nothing for a learner not in the group.
     */
    public void accountMerged(String merged, String survivor, PointsLedger ledger, ActingOfficer actor, Instant at) {
        boolean member = members.containsKey(merged);
        if (!member && !invited.containsKey(merged)) {
            return;
        }
        Integer generation = member ? members.get(merged) : invited.get(merged);
        String reason = null;
        if (members.containsKey(survivor) || invited.containsKey(survivor)) {
            reason = "account " + survivor + ", into which " + merged + " was merged, is in the group already";
        } else if (member && FAMILY.equals(kind)) {
            reason = ledger.familyOf(survivor).filter(family -> !family.equals(groupId)).map(family -> "account "
                    + survivor + ", into which " + merged + " was merged, is in family " + family
                    + ": a learner is in one family").orElse(null);
        }
        String status = reason != null ? "ENDED" : member ? "MEMBER" : "INVITED";
        apply(new MembershipMerged(groupId, merged, survivor, status, generation, reason, actor.officerId(),
                actor.branchCode(), at));
    }

    /**
     * The branch an officer acts for (null when the learner acts), once it is settled that the actor may act for
     * {@code learner}: an officer of an active branch, or the learner signed in as that account.
     */
    private static String actingFor(Actor actor, LearnerNumber learner, Jurisdiction jurisdiction,
                                    IdentityRegister identities, PointsLedger ledger) {
        if (!ledger.hasAccount(learner.value())) {
            throw new UnknownAccount("learnerNumber", learner.value());
        }
        if (actor.officer() != null) {
            // On a learner's behalf, within the jurisdiction of the branch that opened their account.
            return jurisdiction.requireCovers(actor.officer(), BranchRole.OFFICER,
                    ledger.openingBranchOf(learner.value())).code();
        }
        if (!identities.accountSignedInBy(actor.learnerSelf().value()).filter(learner.value()::equals).isPresent()) {
            throw new NotThisLearner(learner.value());
        }
        return null;
    }

    private static String by(Actor actor) {
        return actor.officer() != null ? actor.officer().officerId() : LearnerAccount.LEARNER_SELF;
    }

    private static void requireNoFamily(String learner, PointsLedger ledger) {
        ledger.familyOf(learner).ifPresent(family -> {
            throw new AlreadyInFamily(learner, family);
        });
    }

    private void requireFormed(GroupId group) {
        if (id == null) {
            throw new UnknownGroup(group.value());
        }
    }

    /** The member's generation (0 outside a family), refusing one who is not a member. */
    private int requireMember(LearnerNumber learner) {
        Integer generation = members.get(learner.value());
        if (generation == null && !members.containsKey(learner.value())) {
            throw new NotMember(groupId, learner.value());
        }
        return generation == null ? 0 : generation;
    }

    private static String terms(String from, String to, BigDecimal points) {
        return from + ">" + to + ":" + points.stripTrailingZeros().toPlainString();
    }

    @EventSourcingHandler
    void on(GroupFormed event) {
        id = "group:" + event.groupId();
        groupId = event.groupId();
        kind = event.kind();
        members.put(event.founder(), event.generation());
    }

    @EventSourcingHandler
    void on(MemberInvited event) {
        invited.put(event.learnerNumber(), event.generation());
    }

    @EventSourcingHandler
    void on(InvitationAccepted event) {
        members.put(event.learnerNumber(), invited.remove(event.learnerNumber()));
    }

    @EventSourcingHandler
    void on(MemberLeft event) {
        members.remove(event.learnerNumber());
    }

    @EventSourcingHandler
    void on(MembershipMerged event) {
        members.remove(event.mergedNumber());
        invited.remove(event.mergedNumber());
        if ("MEMBER".equals(event.status())) {
            members.put(event.survivorNumber(), event.generation());
        } else if ("INVITED".equals(event.status())) {
            invited.put(event.survivorNumber(), event.generation());
        }
    }

    @EventSourcingHandler
    void on(PointsTransferred event) {
        transfers.put(event.transferId(), terms(event.from(), event.to(), event.points()));
    }
}
