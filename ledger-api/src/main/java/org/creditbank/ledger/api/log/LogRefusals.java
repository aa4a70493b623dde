package org.creditbank.ledger.api.log;

import org.creditbank.ledger.rule.Refusal;
import org.creditbank.ledger.rule.RuleViolation;

/** What the log's HTTP endpoints refuse. */
final class LogRefusals {

    private LogRefusals() {
    }

    /** The log has signed no checkpoint yet, or not one that covers what was asked for. */
    static final class NotYetCheckpointed extends RuleViolation {
        NotYetCheckpointed(String what) {
            super(Refusal.NOT_FOUND, what + " is not covered by a signed checkpoint yet; checkpoints follow within"
                    + " seconds");
        }
    }

    /** The event id names no event in the log. */
    static final class UnknownEvent extends RuleViolation {
        UnknownEvent(String eventId) {
            super(Refusal.NOT_FOUND, "event", "no event " + eventId + " is in the log");
        }
    }
}
