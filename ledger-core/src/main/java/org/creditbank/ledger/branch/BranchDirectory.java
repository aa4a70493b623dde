package org.creditbank.ledger.branch;

import java.util.Optional;

/**
 * The current branch network as the rules see it. Implemented by a read model that is updated in the same
 * transaction as the branch events, so a rule never sees a stale network.
 */
public interface BranchDirectory {

    /** The branch with this code, if registered. */
    Optional<BranchProfile> find(String branchCode);

    /** Whether the provincial centre has been registered. */
    boolean hasProvincialCentre();

    /** The branch the officer is currently appointed to, if any. */
    Optional<String> branchOfOfficer(String officerId);

    /** How many direct children of the branch are not closed. */
    int openChildren(String branchCode);
}
