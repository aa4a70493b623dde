package org.creditbank.ledger.api.identity;

import org.creditbank.ledger.rule.Refusal;
import org.creditbank.ledger.rule.RuleViolation;

/** The signed-in principal may not read or do this; the message says what would be needed. */
public final class NotPermitted extends RuleViolation {
    public NotPermitted(String field, String message) {
        super(Refusal.NOT_PERMITTED, field, message);
    }
}
