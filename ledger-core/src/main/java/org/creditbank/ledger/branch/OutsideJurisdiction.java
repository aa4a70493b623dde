package org.creditbank.ledger.branch;

import org.creditbank.ledger.rule.Refusal;
import org.creditbank.ledger.rule.RuleViolation;

/** A branch acts only within its subtree. */
public final class OutsideJurisdiction extends RuleViolation {
    public OutsideJurisdiction(String actingBranch, String targetBranch) {
        super(Refusal.NOT_PERMITTED,
                "branch " + targetBranch + " is outside the jurisdiction of branch " + actingBranch);
    }
}
