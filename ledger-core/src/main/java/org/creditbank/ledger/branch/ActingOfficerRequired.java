package org.creditbank.ledger.branch;

import org.creditbank.ledger.rule.Refusal;
import org.creditbank.ledger.rule.RuleViolation;

/** Every act after installation names the officer who performs it and the branch they act for. */
public final class ActingOfficerRequired extends RuleViolation {
    public ActingOfficerRequired() {
        super(Refusal.NOT_PERMITTED, "officer",
                "this act needs an acting officer and the branch they act for");
    }
}
