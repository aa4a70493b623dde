package org.creditbank.ledger.api.readmodel;

import org.creditbank.ledger.rule.Refusal;
import org.creditbank.ledger.rule.RuleViolation;

/** What the read-model operations refuse. */
public final class ReadModelRefusals {

    private ReadModelRefusals() {
    }

    /** No read model has that name. */
    public static final class UnknownReadModel extends RuleViolation {
        public UnknownReadModel(String name) {
            this("name", name);
        }

        /** @param field the request field that named it */
        public UnknownReadModel(String field, String name) {
            super(Refusal.NOT_FOUND, field, "no read model is named " + name);
        }
    }

    /** The read model is already being rebuilt; one rebuild at a time. */
    public static final class RebuildInProgress extends RuleViolation {
        public RebuildInProgress(String name) {
            super(Refusal.CONFLICT, "name", "read model " + name + " is already being rebuilt; follow its progress");
        }
    }
}
