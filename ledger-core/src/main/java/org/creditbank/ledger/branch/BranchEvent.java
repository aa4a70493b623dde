package org.creditbank.ledger.branch;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** Every event of a branch's stream. Plain values only, so they read the same in twenty years. */
public sealed interface BranchEvent {

    /** The branch whose stream the event belongs to. */
    String branchCode();

    /** When the act was recorded. */
    Instant at();

    /** A branch joined the network. {@code parentCode} is null for the provincial centre. */
    @Revision("1")
    record BranchRegistered(String branchCode, String name, String tier, String parentCode, String divisionCode,
                            String registeredBy, String actingBranch, Instant at) implements BranchEvent {
    }

    /**
     * An officer was appointed to act for the branch in the given roles, bound to the identity-provider subject
     * that signs in as them. A system client (a branch's or a platform's system) is appointed the same way, with
     * {@code system} true. Appointments recorded before roles and subjects existed carry neither: they grant every
     * role, and their officer cannot sign in until bound.
     */
    @Revision("1")
    record OfficerAppointed(String branchCode, String officerId, String officerName, String appointedBy,
                            String actingBranch, Instant at, String subject, List<String> roles,
                            boolean system) implements BranchEvent {
    }

    /** The identity-provider subject that signs in as the officer was bound to them anew (it replaces any other). */
    @Revision("1")
    record OfficerSubjectBound(String branchCode, String officerId, String subject, String boundBy,
                               String actingBranch, Instant at) implements BranchEvent {
    }

    /** An officer no longer acts for the branch. */
    @Revision("1")
    record OfficerRemoved(String branchCode, String officerId, String reason, String removedBy,
                          String actingBranch, Instant at) implements BranchEvent {
    }

    /** The branch stopped acting until reinstated. */
    @Revision("1")
    record BranchSuspended(String branchCode, String reason, String suspendedBy, String actingBranch,
                           Instant at) implements BranchEvent {
    }

    /** A suspended branch acts again. */
    @Revision("1")
    record BranchReinstated(String branchCode, String reason, String reinstatedBy, String actingBranch,
                            Instant at) implements BranchEvent {
    }

    /** The branch closed for good; everything it recorded stays. */
    @Revision("1")
    record BranchClosed(String branchCode, String reason, String closedBy, String actingBranch,
                        Instant at) implements BranchEvent {
    }
}
