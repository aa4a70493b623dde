package org.creditbank.ledger.group;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The events of a learning group — family, school or interest — and of the learning points moved within a family:
 * a stream per group ({@code group:<id>}). Who acted: a learner for themselves ({@code learner} as {@code by}) or an
 * officer on a learner's behalf.
 */
public sealed interface GroupEvent {

    /** The group. */
    String groupId();

    /** When the act was recorded. */
    Instant at();

    /**
     * A learner formed a group and is its first member.
     *
     * @param generation in a family, the member's generation: 1 the eldest, higher the younger (null elsewhere)
     */
    @Revision("1")
    record GroupFormed(String groupId, String kind, String name, String founder, Integer generation, String by,
                       String branchCode, Instant at) implements GroupEvent {
    }

    /** A member invited a learner to join (as a generation of the family, for a family). */
    @Revision("1")
    record MemberInvited(String groupId, String learnerNumber, Integer generation, String invitedBy, String by,
                         String branchCode, Instant at) implements GroupEvent {
    }

    /** An invited learner joined. */
    @Revision("1")
    record InvitationAccepted(String groupId, String learnerNumber, String by, String branchCode, Instant at)
            implements GroupEvent {
    }

    /** A member left. */
    @Revision("1")
    record MemberLeft(String groupId, String learnerNumber, String by, String branchCode, Instant at)
            implements GroupEvent {
    }

    /**
     * A member's account, or an invited learner's, was merged into the account of the same person
     * ({@code survivorNumber}), in the merge's own act: the survivor takes the membership or invitation, with its
     * generation ({@code status} {@code MEMBER} or {@code INVITED}), unless it is in the group already or, for a
     * family, in another family (one family per learner): then the merged account's place ends ({@code ENDED},
     * {@code reason} says why).
     */
    @Revision("1")
    record MembershipMerged(String groupId, String mergedNumber, String survivorNumber, String status,
                            Integer generation, String reason, String by, String branchCode, Instant at)
            implements GroupEvent {
    }

    /**
     * Learning points moved from an elder member of a family to a younger one: debited from one, credited to the
     * other, in one event (double entry: the group's points neither grow nor shrink).
     */
    @Revision("1")
    record PointsTransferred(String groupId, String transferId, String from, String to, BigDecimal points,
                             String by, String branchCode, Instant at) implements GroupEvent {
    }
}
