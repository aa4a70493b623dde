package org.creditbank.ledger.branch;

import java.util.Objects;

/**
 * The rules of acting for a branch: an officer acts only for the branch they are appointed to, only while it is
 * active, and only within its jurisdiction (its subtree).
 */
public final class Jurisdiction {

    private final BranchDirectory directory;

    public Jurisdiction(BranchDirectory directory) {
        this.directory = Objects.requireNonNull(directory);
    }

    /** The branch the actor acts for, once it is established that they may act for it at all. */
    public BranchProfile actingBranch(ActingOfficer actor) {
        if (actor.isInstallation()) {
            throw new ActingOfficerRequired();
        }
        BranchProfile branch = directory.find(actor.branchCode())
                .orElseThrow(() -> new UnknownBranch("actingBranch", actor.branchCode()));
        if (!branch.isActive()) {
            throw new BranchNotActive(branch);
        }
        String appointedTo = directory.branchOfOfficer(actor.officerId()).orElse(null);
        if (!branch.code().equals(appointedTo)) {
            throw new OfficerNotOfBranch(actor);
        }
        return branch;
    }

    /** Refuses unless the actor's branch covers {@code target}; returns the actor's branch. */
    public BranchProfile requireCovers(ActingOfficer actor, BranchProfile target) {
        BranchProfile acting = actingBranch(actor);
        if (!acting.covers(target)) {
            throw new OutsideJurisdiction(acting.code(), target.code());
        }
        return acting;
    }

    /** Refuses unless the actor's branch covers the branch with code {@code targetCode}. */
    public BranchProfile requireCovers(ActingOfficer actor, String targetCode) {
        return requireCovers(actor, branch(targetCode));
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
