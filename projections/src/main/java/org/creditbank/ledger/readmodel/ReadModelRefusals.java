package org.creditbank.ledger.readmodel;

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

    /** The read model is already being rebuilt, on this node or another; one rebuild at a time. */
    public static final class RebuildInProgress extends RuleViolation {
        /**
         * @param field the request field that named it
         * @param node  the node rebuilding it
         */
        public RebuildInProgress(String field, String name, String node) {
            super(Refusal.CONFLICT, field, "read model " + name + " is already being rebuilt on node " + node
                    + "; follow its progress there");
        }
    }

    /** A replay check is already running; one at a time, as each rebuilds every read model it compares. */
    public static final class ReplayCheckRunning extends RuleViolation {
        public ReplayCheckRunning() {
            super(Refusal.CONFLICT, "readModel", "a replay check is already running; ask again when it has"
                    + " answered");
        }
    }
}
