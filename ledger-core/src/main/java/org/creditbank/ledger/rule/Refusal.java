package org.creditbank.ledger.rule;

/** The classes of refusal, each answered the same way by every adapter. */
public enum Refusal {
    /** The input itself is malformed or out of range. */
    INVALID_INPUT,
    /** The act needs an acting officer and none was named. */
    UNIDENTIFIED_ACTOR,
    /** The acting officer or branch may not do this. */
    NOT_PERMITTED,
    /** Something the act refers to does not exist. */
    NOT_FOUND,
    /** The act contradicts the current state of the ledger. */
    CONFLICT
}
