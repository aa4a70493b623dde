package org.creditbank.ledger.branch;

import org.creditbank.ledger.rule.Refusal;
import org.creditbank.ledger.rule.RuleViolation;

/** A suspended or closed branch records nothing and acts for nobody. */
public final class BranchNotActive extends RuleViolation {
    public BranchNotActive(BranchProfile branch) {
        super(Refusal.CONFLICT, "branch " + branch.code() + " is " + branch.status().name().toLowerCase()
                + " and cannot act");
    }
}
