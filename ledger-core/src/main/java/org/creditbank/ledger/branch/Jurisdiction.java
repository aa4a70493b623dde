package org.creditbank.ledger.branch;

import java.util.Objects;
import java.util.Set;

/**
 * The rules of acting for a branch: an officer acts only for a branch they are appointed to, only while it is
 * active, only within its jurisdiction (its subtree), and only in a role their appointment grants.
 */
public final class Jurisdiction {

    private final BranchDirectory directory;

    public Jurisdiction(BranchDirectory directory) {
        this.directory = Objects.requireNonNull(directory);
    }

    /** The branch the actor acts for, once it is established that they may act for it in this role. */
    public BranchProfile actingBranch(ActingOfficer actor, BranchRole role) {
        if (actor.isInstallation()) {
            throw new ActingOfficerRequired();
        }
        BranchProfile branch = directory.find(actor.branchCode())
                .orElseThrow(() -> new UnknownBranch("actingBranch", actor.branchCode()));
        if (!branch.isActive()) {
            throw new BranchNotActive(branch);
        }
        Set<BranchRole> roles = directory.rolesAt(actor.officerId(), branch.code());
        if (roles.isEmpty()) {
            throw new OfficerNotOfBranch(actor);
        }
        if (!roles.contains(role)) {
            throw new RoleNotHeld(actor, role);
        }
        return branch;
    }

    /** Refuses unless the actor acts in this role for a branch that covers {@code target}; returns that branch. */
    public BranchProfile requireCovers(ActingOfficer actor, BranchRole role, BranchProfile target) {
        BranchProfile acting = actingBranch(actor, role);
        if (!acting.covers(target)) {
            throw new OutsideJurisdiction(acting.code(), target.code());
        }
        return acting;
    }

    /** Refuses unless the actor acts in this role for a branch that covers the branch {@code targetCode}. */
    public BranchProfile requireCovers(ActingOfficer actor, BranchRole role, String targetCode) {
        return requireCovers(actor, role, branch(targetCode));
    }

    /** The registered branch with this code, refusing an unknown one. */
    public BranchProfile branch(String code) {
        return directory.find(code).orElseThrow(() -> new UnknownBranch("branchCode", code));
    }

    /** The directory behind these rules. */
    public BranchDirectory directory() {
        return directory;
    }
}
