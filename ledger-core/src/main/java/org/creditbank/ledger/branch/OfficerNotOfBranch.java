package org.creditbank.ledger.branch;

import org.creditbank.ledger.rule.Refusal;
import org.creditbank.ledger.rule.RuleViolation;

/** An officer acts only for the branch they are appointed to. */
public final class OfficerNotOfBranch extends RuleViolation {
    public OfficerNotOfBranch(ActingOfficer actor) {
        super(Refusal.NOT_PERMITTED, "officer",
                "officer " + actor.officerId() + " is not an officer of branch " + actor.branchCode());
    }
}
