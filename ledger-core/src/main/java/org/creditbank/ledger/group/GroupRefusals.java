package org.creditbank.ledger.group;

import org.creditbank.ledger.rule.Refusal;
import org.creditbank.ledger.rule.RuleViolation;

import java.math.BigDecimal;

/** The refusals of groups and learning points, each named as the rulebook names it. */
public final class GroupRefusals {

    private GroupRefusals() {
    }

    /** A group id names one group. */
    public static final class GroupAlreadyFormed extends RuleViolation {
        public GroupAlreadyFormed(String groupId) {
            super(Refusal.CONFLICT, "groupId", "group " + groupId + " is already formed");
        }
    }

    /** Nothing is done in a group never formed. */
    public static final class UnknownGroup extends RuleViolation {
        public UnknownGroup(String groupId) {
            super(Refusal.NOT_FOUND, "groupId", "no group " + groupId + " was formed");
        }
    }

    /** Only members invite, give, receive and leave (a learner may act only for themselves: that is who asks). */
    public static final class NotMember extends RuleViolation {
        public NotMember(String groupId, String learnerNumber) {
            super(Refusal.CONFLICT, "learnerNumber", "learner " + learnerNumber + " is not a member of group "
                    + groupId);
        }
    }

    /** A learner is invited once, and a member is not invited. */
    public static final class AlreadyInvitedOrMember extends RuleViolation {
        public AlreadyInvitedOrMember(String groupId, String learnerNumber) {
            super(Refusal.CONFLICT, "learnerNumber", "learner " + learnerNumber + " is already invited to or a"
                    + " member of group " + groupId);
        }
    }

    /** Only an invited learner joins. */
    public static final class NotInvited extends RuleViolation {
        public NotInvited(String groupId, String learnerNumber) {
            super(Refusal.CONFLICT, "learnerNumber", "learner " + learnerNumber + " is not invited to group "
                    + groupId);
        }
    }

    /** Points move only within a family. */
    public static final class NotFamily extends RuleViolation {
        public NotFamily(String groupId, String kind) {
            super(Refusal.CONFLICT, "groupId", "group " + groupId + " is a " + kind.toLowerCase()
                    + " group: learning points move only within a family");
        }
    }

    /** Points move from the elder to the young. */
    public static final class NotToTheYounger extends RuleViolation {
        public NotToTheYounger(String from, int fromGeneration, String to, int toGeneration) {
            super(Refusal.CONFLICT, "to", "points go from elders to the young: " + from + " is of generation "
                    + fromGeneration + ", " + to + " of generation " + toGeneration);
        }
    }

    /** No balance goes below zero. */
    public static final class InsufficientPoints extends RuleViolation {
        public InsufficientPoints(String learnerNumber, BigDecimal balance, BigDecimal asked) {
            super(Refusal.CONFLICT, "points", "learner " + learnerNumber + " holds " + balance.toPlainString()
                    + " points and cannot give " + asked.toPlainString());
        }
    }

    /** A transfer id names one transfer: repeated with other terms, it is refused. */
    public static final class TransferIdReused extends RuleViolation {
        public TransferIdReused(String transferId) {
            super(Refusal.CONFLICT, "transferId", "transfer " + transferId + " was made with other terms");
        }
    }

    /** A learner is in one family at a time. */
    public static final class AlreadyInFamily extends RuleViolation {
        public AlreadyInFamily(String learnerNumber, String groupId) {
            super(Refusal.CONFLICT, "learnerNumber", "learner " + learnerNumber + " is already in family group "
                    + groupId + ": one family at a time");
        }
    }
}
