package org.creditbank.ledger.branch;

import org.creditbank.ledger.rule.Refusal;
import org.creditbank.ledger.rule.RuleViolation;

/** A branch code that names no registered branch. */
public final class UnknownBranch extends RuleViolation {
    public UnknownBranch(String field, String code) {
        super(Refusal.NOT_FOUND, field, "no branch is registered with code " + code);
    }
}
