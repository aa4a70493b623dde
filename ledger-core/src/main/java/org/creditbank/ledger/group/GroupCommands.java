package org.creditbank.ledger.group;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.creditbank.ledger.access.Subject;
import org.creditbank.ledger.achievement.Credits;
import org.creditbank.ledger.branch.ActingOfficer;
import org.creditbank.ledger.learner.LearnerNumber;
import org.creditbank.ledger.rule.InvalidField;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The commands of learning groups and points. Each is made by a learner signed in ({@code learnerSelf}, acting for
 * the learner it names) or by an officer on that learner's behalf ({@code actor}): exactly one of the two.
 */
public final class GroupCommands {

    /** The kinds of group. */
    public static final List<String> KINDS = List.of("FAMILY", "SCHOOL", "INTEREST");
    private static final Pattern TRANSFER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{7,63}");

    private GroupCommands() {
    }

    /** Who acts: an officer, or the learner themselves. */
    public record Actor(ActingOfficer officer, Subject learnerSelf) {
        public Actor {
            if ((officer == null) == (learnerSelf == null)) {
                throw new InvalidField("actor", "a group act is made by the learner or by an officer");
            }
        }
    }

    /** Form a group, its founder its first member (in a family, with their generation: 1 the eldest). */
    public record FormGroup(@TargetAggregateIdentifier GroupId group, String kind, String name, LearnerNumber founder,
                            Integer generation, Actor actor) {
        public FormGroup {
            InvalidField.require("groupId", group);
            if (kind == null || !KINDS.contains(kind)) {
                throw new InvalidField("kind", "must be one of " + String.join(", ", KINDS));
            }
            name = InvalidField.requireText("name", name, 255);
            InvalidField.require("founder", founder);
            generation = GroupCommands.generation(kind, generation);
            InvalidField.require("actor", actor);
        }
    }

    /** A member invites a learner (in a family, as a generation). */
    public record InviteMember(@TargetAggregateIdentifier GroupId group, LearnerNumber invitedBy,
                               LearnerNumber learner, Integer generation, Actor actor) {
        public InviteMember {
            InvalidField.require("groupId", group);
            InvalidField.require("invitedBy", invitedBy);
            InvalidField.require("learnerNumber", learner);
            InvalidField.require("actor", actor);
        }
    }

    /** An invited learner joins. */
    public record AcceptInvitation(@TargetAggregateIdentifier GroupId group, LearnerNumber learner, Actor actor) {
        public AcceptInvitation {
            InvalidField.require("groupId", group);
            InvalidField.require("learnerNumber", learner);
            InvalidField.require("actor", actor);
        }
    }

    /** A member leaves. */
    public record LeaveGroup(@TargetAggregateIdentifier GroupId group, LearnerNumber learner, Actor actor) {
        public LeaveGroup {
            InvalidField.require("groupId", group);
            InvalidField.require("learnerNumber", learner);
            InvalidField.require("actor", actor);
        }
    }

    /**
     * Give points from an elder member of a family to a younger one; {@code transferId}, chosen by the giver, makes a
     * repeated request the same transfer.
     */
    public record TransferPoints(@TargetAggregateIdentifier GroupId group, String transferId, LearnerNumber from,
                                 LearnerNumber to, BigDecimal points, Actor actor) {
        public TransferPoints {
            InvalidField.require("groupId", group);
            if (transferId == null || !TRANSFER_ID.matcher(transferId).matches()) {
                throw new InvalidField("transferId", "must be 8-64 letters, digits or hyphens");
            }
            InvalidField.require("from", from);
            InvalidField.require("to", to);
            if (from.equals(to)) {
                throw new InvalidField("to", "is the giver: points go to another member");
            }
            try {
                new Credits(InvalidField.require("points", points), "BANK_CREDIT");
            } catch (InvalidField e) {
                throw new InvalidField("points", e.reason());
            }
            if (points.stripTrailingZeros().scale() > 0) {
                throw new InvalidField("points", "are whole points");
            }
            InvalidField.require("actor", actor);
        }
    }

    /** A family member's generation (1 to 9), required in a family and absent elsewhere. */
    static Integer generation(String kind, Integer generation) {
        if ("FAMILY".equals(kind)) {
            if (generation == null || generation < 1 || generation > 9) {
                throw new InvalidField("generation", "is required in a family: 1 (the eldest) to 9");
            }
            return generation;
        }
        if (generation != null) {
            throw new InvalidField("generation", "applies only to a family");
        }
        return null;
    }
}
