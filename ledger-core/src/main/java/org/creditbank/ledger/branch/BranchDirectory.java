package org.creditbank.ledger.branch;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The current branch network as the rules see it. Implemented by a read model that is updated in the same
 * transaction as the branch events, so a rule never sees a stale network.
 */
public interface BranchDirectory {

    /** The branch with this code, if registered. */
    Optional<BranchProfile> find(String branchCode);

    /** Whether the provincial centre has been registered. */
    boolean hasProvincialCentre();

    /** The roles the officer holds at the branch; empty when they are not appointed to it. */
    Set<BranchRole> rolesAt(String officerId, String branchCode);

    /** The branches the officer is currently appointed to. */
    List<String> branchesOf(String officerId);

    /** Whether the officer id is a system client's (appointed with {@code system}). */
    boolean isSystemClient(String officerId);

    /** The officer bound to this identity-provider subject, if any: one person, one officer id. */
    Optional<String> officerBoundTo(String subject);

    /** The identity-provider subject the officer is bound to, if any. */
    Optional<String> subjectOf(String officerId);

    /** How many direct children of the branch are not closed. */
    int openChildren(String branchCode);
}
