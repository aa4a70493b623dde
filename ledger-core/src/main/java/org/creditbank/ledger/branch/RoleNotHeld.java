package org.creditbank.ledger.branch;

import org.creditbank.ledger.rule.Refusal;
import org.creditbank.ledger.rule.RuleViolation;

/** An officer acts only in the roles their appointment to the branch grants. */
public final class RoleNotHeld extends RuleViolation {
    public RoleNotHeld(ActingOfficer actor, BranchRole role) {
        super(Refusal.NOT_PERMITTED, "officer", "officer " + actor.officerId() + " does not hold the "
                + role.name().toLowerCase() + " role at branch " + actor.branchCode());
    }
}
