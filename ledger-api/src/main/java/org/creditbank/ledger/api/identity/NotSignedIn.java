package org.creditbank.ledger.api.identity;

import org.creditbank.ledger.rule.Refusal;
import org.creditbank.ledger.rule.RuleViolation;

/** Reached only if a path meant to need a token was left open: refused rather than served to nobody. */
public final class NotSignedIn extends RuleViolation {
    public NotSignedIn() {
        super(Refusal.UNIDENTIFIED_ACTOR, "Authorization", "this request needs a bearer token");
    }
}
